// The 2018 review's requests for assistance (S/2018/1167), which the demonstration's requests
// and the Chair's letters about them both rest on.

/** The nine requests for assistance of 2018 (¶18): the day, and whether the request invited a visit. */
export const assistanceRequests2018 = [
  { state: 'BHR', on: '2018-03-05', invitation: true },
  { state: 'BDI', on: '2018-03-19', invitation: false },
  { state: 'IRQ', on: '2018-04-16', invitation: false },
  { state: 'GNQ', on: '2018-05-07', invitation: true },
  { state: 'MLI', on: '2018-06-04', invitation: true },
  { state: 'GIN', on: '2018-06-25', invitation: true },
  { state: 'GNB', on: '2018-07-09', invitation: false },
  { state: 'PER', on: '2018-08-06', invitation: true },
  { state: 'MDG', on: '2018-09-10', invitation: true },
] as const;
