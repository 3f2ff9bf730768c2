import type { FC } from 'hono/jsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import type { DocAnnex } from './document.ts';

/** The appendix's table of outreach events (S/2018/1167, annex): a row naming each group, then its events. */
export const AnnexTable: FC<{ m: Messages; annex: DocAnnex | null }> = ({ m, annex }) =>
  annex && annex.groups.length > 0 ? (
    <section id="annex-events">
      <h2>{m.t('annualReview.annex.heading')}</h2>
      <table class="annex-events">
        <caption>{annex.title}</caption>
        <thead>
          <tr>
            {annex.columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        {annex.groups.map((g) => (
          <tbody id={`annex-${g.key}`}>
            <tr class="group-row">
              <th scope="colgroup" colspan={annex.columns.length}>
                {g.heading}
              </th>
            </tr>
            {g.rows.map((r) => (
              <tr>
                <td>{r.dates}</td>
                <td>{r.description}</td>
                <td>{r.organizer}</td>
                <td>{r.place}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </section>
  ) : null;
