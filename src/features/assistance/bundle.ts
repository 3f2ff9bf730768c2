// The clearinghouse in the export/import bundle: two sections, offers before the requests whose
// matches name them (requests/request-section.ts, offers/offer-section.ts).
export { assistanceOffersSection, type OfferRecord } from './offers/offer-section.ts';
export { assistanceRequestsSection } from './requests/request-section.ts';
export type { RequestRecord } from './requests/request-records.ts';
