// A new offer each year after the 2018 review (illustrative), recorded on a day of its year.
import type { OfferInput } from '../offers/inputs.ts';

const note = 'Illustrative offer: made up to continue the demonstration after the 2018 review.';

const kinds: Omit<OfferInput, 'title'>[] = [
  {
    provider: 'organization:NSG',
    description: `Seminars for licensing officers on the Group's guidelines and control lists. ${note}`,
    paragraphs: ['OP3d'],
    weapons: ['nuclear'],
    areas: ['export-control', 'industry-outreach'],
    kinds: ['awareness', 'training'],
    languages: ['en', 'fr', 'es', 'ru'],
  },
  {
    provider: 'organization:OPCW',
    description: `Chemical safety and security management for small and medium enterprises. ${note}`,
    paragraphs: ['OP3a', 'OP3b'],
    weapons: ['chemical'],
    areas: ['chemical-security'],
    kinds: ['training', 'expert-advice'],
    languages: ['en', 'fr', 'es', 'ar', 'ru', 'zh'],
  },
  {
    provider: 'organization:IAEA',
    description: `Loan of radiation detection instruments for major public events. ${note}`,
    paragraphs: ['OP3c'],
    weapons: ['nuclear'],
    areas: ['nuclear-security', 'border-control'],
    kinds: ['equipment', 'training'],
    languages: ['en', 'fr', 'es', 'ar', 'ru', 'zh'],
  },
  {
    provider: 'organization:CICTE',
    description: `Legislative drafting workshops on resolution 1540 (2004) for the Americas. ${note}`,
    paragraphs: ['OP2'],
    weapons: ['nuclear', 'chemical', 'biological', 'delivery'],
    areas: ['legislation', 'financing'],
    kinds: ['legal-review', 'expert-advice'],
    languages: ['en', 'es'],
  },
  {
    provider: 'organization:AU',
    description: `Peer learning among African national coordinators of resolution 1540 (2004). ${note}`,
    paragraphs: ['OP1'],
    weapons: ['nuclear', 'chemical', 'biological', 'delivery'],
    areas: ['coordination', 'reporting'],
    kinds: ['expert-advice', 'awareness'],
    languages: ['en', 'fr', 'ar'],
  },
  {
    provider: 'organization:UNODA',
    description: `Help in preparing a voluntary national implementation action plan. ${note}`,
    paragraphs: ['OP1'],
    weapons: ['nuclear', 'chemical', 'biological', 'delivery'],
    areas: ['coordination', 'reporting'],
    kinds: ['expert-advice'],
    languages: ['en', 'fr', 'es', 'ru'],
  },
  {
    provider: 'state:BLR',
    description: `Hosting a regional exchange of practice on export control enforcement. ${note}`,
    paragraphs: ['OP3d'],
    weapons: ['nuclear', 'chemical', 'biological', 'delivery'],
    areas: ['export-control'],
    kinds: ['awareness'],
    languages: ['ru', 'en'],
  },
  {
    provider: 'organization:EU',
    description: `Outreach to industry and academia on intangible transfers of technology. ${note}`,
    paragraphs: ['OP3d'],
    weapons: ['nuclear', 'chemical', 'biological', 'delivery'],
    areas: ['industry-outreach', 'export-control'],
    kinds: ['awareness', 'training'],
    languages: ['en', 'fr', 'es'],
  },
];

const titles = [
  'Export control seminars for licensing officers',
  'Chemical security for small and medium enterprises',
  'Radiation detection for major public events',
  'Legislative drafting workshops',
  'Peer learning among national coordinators',
  'Voluntary national implementation action plans',
  'Regional exchange of practice on enforcement',
  'Intangible transfers of technology: outreach',
];

/** The offers of the years 2019 to `today`'s, each on 3 March (or `today`, if sooner): one a year. */
export function laterOffers(today: string): { offer: OfferInput; recordedOn: string }[] {
  const out: { offer: OfferInput; recordedOn: string }[] = [];
  for (let year = 2019; year <= Number(today.slice(0, 4)); year++) {
    const i = (year - 2019) % kinds.length;
    const day = `${year}-03-03`;
    out.push({ offer: { ...kinds[i]!, title: `${titles[i]!} (${year})` }, recordedOn: day < today ? day : today });
  }
  return out;
}
