import type { FC } from 'hono/jsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import type { MeetingFigures } from './figures.ts';

/** "The Committee": where its own records are, and its meetings of the last full year, each figure with its definition. */
export const Hub: FC<{ m: Messages; figures: MeetingFigures; committeeSide: boolean }> = ({ m, figures: f, committeeSide }) => {
  const base = `/${m.locale}/committee`;
  const rows: [string, number, string][] = [
    [m.t('meetings.kind.formal'), f.formal, `${base}/meetings?year=${f.year}&kind=formal`],
    [m.t('meetings.kind.informal'), f.informal, `${base}/meetings?year=${f.year}&kind=informal`],
    [m.t('meetings.kind.briefing'), f.briefings, `${base}/meetings?year=${f.year}&kind=briefing`],
    [m.t('meetings.kind.council-briefing'), f.councilBriefings, `${base}/meetings?year=${f.year}&kind=council-briefing`],
    [m.t('meetings.kind.working-group'), f.workingGroupMeetings, `${base}/working-groups?year=${f.year}`],
  ];
  return (
    <>
      <p>{m.t('meetings.hub.lead')}</p>
      <ul class="cards">
        <li>
          <a href={`${base}/meetings`}>{m.t('meetings.title')}</a>
        </li>
        <li>
          <a href={`${base}/working-groups`}>{m.t('meetings.groups.title')}</a>
        </li>
        <li>
          <a href={`${base}/programme`}>{m.t('meetings.programme.title')}</a>
        </li>
        <li>
          <a href={`${base}/people`}>{m.t('meetings.hub.people')}</a>
        </li>
        {committeeSide && (
          <li>
            <a href={`${base}/trust-fund`}>{m.t('meetings.hub.trustFund')}</a>
          </li>
        )}
      </ul>
      <h2>{m.t('meetings.hub.figures', { year: f.year })}</h2>
      <table>
        <caption>{m.t('meetings.hub.figures', { year: f.year })}</caption>
        <tbody>
          {rows.map(([label, n, href]) => (
            <tr>
              <th scope="row">{label}</th>
              <td>
                <a href={href}>{n}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="help">{m.t('meetings.hub.definition')}</p>
    </>
  );
};
