import { TableRegion } from '../../../platform/ui/tables.tsx';
import { FieldErrors } from '../../../platform/ui/forms.tsx';
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../../platform/errors.ts';
import { CsrfField } from '../../../platform/http/layout.tsx';
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { pick } from '../../../platform/i18n/locales.ts';
import { groupName } from '../../member-states/index.ts';
import { regionalGroups } from '../../member-states/index.ts';
import type { ReviewCycleRow, ReviewStateRow } from './review-data.ts';
import {
  type ProgressFilters,
  type ProgressSort,
  progressSorts,
  type ReviewStage,
  type ReviewSummary,
  reviewStages,
  type StateProgress,
} from './review.ts';

import { CycleFields, type CycleFormValues } from './cycle-pages.tsx';

export { CycleList, type CycleListItem, type CycleFormValues } from './cycle-pages.tsx';

export const stageLabel = (m: Messages, s: ReviewStage) =>
  m.t(s === 'not-started' ? 'review.notStarted' : (`matrix.status.${s}` as MessageKey));

export function holderLabel(m: Messages, p: Pick<StateProgress, 'holder' | 'holderName'>): string {
  if (p.holder === 'experts' && p.holderName) return m.t('review.holder.expertNamed', { name: p.holderName });
  return m.t(`review.holder.${p.holder}` as MessageKey);
}

export function overdueLabel(m: Messages, p: Pick<StateProgress, 'overdue' | 'daysSince'>): string {
  if (p.overdue === 'deadline') return m.t('review.overdue.deadline');
  if (p.overdue === 'held') return m.t('review.overdue.held', { count: p.daysSince ?? 0 });
  return '';
}

export interface ProgressPageProps {
  m: Messages;
  cycle: ReviewCycleRow;
  states: ReviewStateRow[];
  summary: ReviewSummary;
  /** The rows shown: filtered and sorted. */
  rows: StateProgress[];
  filters: ProgressFilters;
  sort: ProgressSort;
  /** The query string of the filters, for the CSV link. */
  query: string;
  experts: { id: string; name: string }[];
  templates: string[];
  canChange: boolean;
  csrfToken: string;
  notice: 'assigned' | 'saved' | 'closed' | null;
  assign: { values: { states?: string; expert?: string; note?: string }; problems: FieldProblem[] };
  edit: { values: CycleFormValues; problems: FieldProblem[] };
}

const Summary: FC<{ m: Messages; summary: ReviewSummary }> = ({ m, summary }) => {
  const { total } = summary;
  const groups = regionalGroups.filter((g) => summary.byGroup[g]);
  return (
    <section aria-labelledby="summary-h">
      <h2 id="summary-h">{m.t('review.summary')}</h2>
      <p class="review-overall">
        <label for="overall">{m.t('review.finishedCount', { count: m.number(summary.finished) })}</label>{' '}
        <progress id="overall" max={total} value={summary.finished}>
          {m.number(summary.finished)}
        </progress>
        {' · '}
        {m.t('review.totalStates', { count: m.number(total) })}
        {' · '}
        <strong>{m.t('review.overdueCount', { count: m.number(summary.overdue) })}</strong>
      </p>
      <ul class="review-stages">
        {reviewStages.map((s) => (
          <li>
            <span id={`stage-${s}`} class="review-stage-name">
              {stageLabel(m, s)}
            </span>
            <meter aria-labelledby={`stage-${s}`} min={0} max={total} value={summary.byStage[s]}>
              {m.number(summary.byStage[s])}
            </meter>
            <span class="review-stage-count">{m.number(summary.byStage[s])}</span>
          </li>
        ))}
      </ul>
      <TableRegion labelledBy="groups-caption">
        <table class="list review-groups">
          <caption id="groups-caption">{m.t('review.byGroup')}</caption>
          <thead>
            <tr>
              <th scope="col">{m.t('states.group')}</th>
              {reviewStages.map((s) => (
                <th scope="col">{stageLabel(m, s)}</th>
              ))}
              <th scope="col">{m.t('review.colOverdue')}</th>
              <th scope="col">{m.t('review.total')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => {
              const row = summary.byGroup[g]!;
              return (
                <tr>
                  <th scope="row">{groupName(g, m.locale)}</th>
                  {reviewStages.map((s) => (
                    <td>{m.number(row.byStage[s])}</td>
                  ))}
                  <td>{m.number(row.overdue)}</td>
                  <td>{m.number(row.total)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
};

const Filters: FC<{ m: Messages; filters: ProgressFilters; sort: ProgressSort; experts: { id: string; name: string }[] }> = ({
  m,
  filters,
  sort,
  experts,
}) => (
  <search>
    <form method="get" class="filters">
      <div class="field">
        <label for="f-stage">{m.t('review.colStage')}</label>
        <select id="f-stage" name="stage">
          <option value="">{m.t('review.allStages')}</option>
          {reviewStages.map((s) => (
            <option value={s} selected={filters.stage === s}>
              {stageLabel(m, s)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-group">{m.t('states.group')}</label>
        <select id="f-group" name="group">
          <option value="">{m.t('states.allGroups')}</option>
          {regionalGroups.map((g) => (
            <option value={g} selected={filters.group === g}>
              {groupName(g, m.locale)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-expert">{m.t('review.colExpert')}</label>
        <select id="f-expert" name="expert">
          <option value="">{m.t('review.anyone')}</option>
          <option value="none" selected={filters.expert === 'none'}>
            {m.t('review.unassigned')}
          </option>
          {experts.map((e) => (
            <option value={e.id} selected={filters.expert === e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-sort">{m.t('review.sort')}</label>
        <select id="f-sort" name="sort">
          {progressSorts.map((s) => (
            <option value={s} selected={sort === s}>
              {m.t(`review.sort.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div class="check">
        <input id="f-overdue" name="overdue" type="checkbox" value="1" checked={!!filters.overdue} />
        <label for="f-overdue">{m.t('review.onlyOverdue')}</label>
      </div>
      <button type="submit">{m.t('review.filter')}</button>
    </form>
  </search>
);

export const ProgressPage: FC<ProgressPageProps> = (p) => {
  const { m, cycle } = p;
  const l = m.locale;
  const names = new Map(p.states.map((s) => [s.iso3, pick(s.names, l)]));
  const base = `/${l}/matrix/reviews/${cycle.id}`;
  const notices = { assigned: 'review.assignedNotice', saved: 'review.savedNotice', closed: 'review.closedNotice' } as const;
  return (
    <>
      {cycle.demo && (
        <p class="notice" role="note">
          {m.t('review.demoData')}
        </p>
      )}
      {p.notice && (
        <p class="notice" role="status">
          {m.t(notices[p.notice])}
        </p>
      )}
      {cycle.purpose && <p class="lead">{cycle.purpose}</p>}
      <dl class="facts">
        <dt>{m.t('review.startsOn')}</dt>
        <dd>{m.date(cycle.starts_on)}</dd>
        <dt>{m.t('review.deadline')}</dt>
        <dd>{m.date(cycle.deadline)}</dd>
        <dt>{m.t('review.holdDays')}</dt>
        <dd>{m.number(cycle.hold_days)}</dd>
        <dt>{m.t('review.template')}</dt>
        <dd>
          <a href={`/${l}/matrix/templates/${encodeURIComponent(cycle.template_version)}`}>{cycle.template_version}</a>
        </dd>
        <dt>{m.t('review.status')}</dt>
        <dd>{cycle.closed_at ? m.t('review.closedOn', { date: m.date(cycle.closed_at) }) : m.t('review.open')}</dd>
      </dl>
      <p class="help">{m.t('review.howItWorks')}</p>
      <p>
        <a href={`/${l}/matrix/reviews`}>{m.t('review.back')}</a>
      </p>

      <Summary m={m} summary={p.summary} />

      <section aria-labelledby="table-h">
        <h2 id="table-h">{m.t('review.tableTitle')}</h2>
        <Filters m={m} filters={p.filters} sort={p.sort} experts={p.experts} />
        <p class="count">
          {m.t('review.shown', { count: m.number(p.rows.length) })} ·{' '}
          <a href={`${base}/progress.csv${p.query}`} download>
            {m.t('review.csv')}
          </a>
        </p>
        <TableRegion labelledBy="progress-caption">
          <table class="list review-progress">
            <caption id="progress-caption" class="visually-hidden">
              {m.t('review.tableTitle')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{m.t('review.colState')}</th>
                <th scope="col">{m.t('review.colStage')}</th>
                <th scope="col">{m.t('review.colHolder')}</th>
                <th scope="col">{m.t('review.colMoved')}</th>
                <th scope="col">{m.t('review.colDays')}</th>
                <th scope="col">{m.t('review.colOverdue')}</th>
                <th scope="col">{m.t('review.colExpert')}</th>
                <th scope="col">{m.t('review.colMatrix')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr class={r.overdue ? 'review-late' : undefined}>
                  <th scope="row">
                    {names.get(r.iso3) ?? r.iso3} <span class="field-code">{r.iso3}</span>
                  </th>
                  <td>
                    {stageLabel(m, r.stage)}
                    {r.version !== null && <span class="field-code"> · {m.t('review.versionN', { count: r.version })}</span>}
                  </td>
                  <td>{holderLabel(m, r)}</td>
                  <td>{r.lastMoved ? <time datetime={r.lastMoved.toISOString()}>{m.date(r.lastMoved, 'medium')}</time> : '—'}</td>
                  <td>{r.daysSince === null ? '—' : m.number(r.daysSince)}</td>
                  <td>{r.overdue ? <strong class="review-overdue">{overdueLabel(m, r)}</strong> : '—'}</td>
                  <td>
                    {r.expertName ?? '—'}
                    {r.note && <span class="help"> · {r.note}</span>}
                  </td>
                  <td>
                    <a href={`/${l}/states/${r.iso3}/matrix`}>
                      {m.t('review.matrixLink')}
                      <span class="visually-hidden"> {names.get(r.iso3) ?? r.iso3}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>

      {p.canChange && !cycle.closed_at && (
        <>
          <section aria-labelledby="assign-h">
            <h2 id="assign-h">{m.t('review.assignTitle')}</h2>
            <form method="post" action={`${base}/assignments`} class="record-form" novalidate>
              <FieldErrors m={m} problems={p.assign.problems} />
              <CsrfField token={p.csrfToken} />
              <div class="field">
                <label for="a-states">{m.t('review.assignStates')}</label>
                <textarea
                  id="a-states"
                  name="states"
                  rows={2}
                  dir="ltr"
                  aria-describedby="a-states-help"
                  aria-invalid={p.assign.problems.some((x) => x.field.startsWith('states')) ? 'true' : undefined}
                >
                  {p.assign.values.states ?? ''}
                </textarea>
                <p id="a-states-help" class="help">
                  {m.t('review.assignHelp')}
                </p>
              </div>
              <div class="field">
                <label for="a-expert">{m.t('review.colExpert')}</label>
                <select id="a-expert" name="expert" aria-invalid={p.assign.problems.some((x) => x.field === 'expert') ? 'true' : undefined}>
                  {p.experts.map((e) => (
                    <option value={e.id} selected={p.assign.values.expert === e.id}>
                      {e.name}
                    </option>
                  ))}
                  <option value="" selected={p.assign.values.expert === ''}>
                    {m.t('review.nobody')}
                  </option>
                </select>
              </div>
              <div class="field">
                <label for="a-note">{m.t('review.note')}</label>
                <input id="a-note" name="note" value={p.assign.values.note ?? ''} maxlength={1000} />
              </div>
              <div class="actions">
                <button type="submit">{m.t('review.assign')}</button>
              </div>
            </form>
          </section>

          <section aria-labelledby="edit-h">
            <h2 id="edit-h">{m.t('review.editTitle')}</h2>
            <details open={p.edit.problems.length > 0}>
              <summary>{m.t('review.editTitle')}</summary>
              <form method="post" action={base} class="record-form" novalidate>
                <FieldErrors m={m} problems={p.edit.problems} />
                <CsrfField token={p.csrfToken} />
                <input type="hidden" name="version" value={p.edit.values.version ?? String(cycle.row_version)} />
                <CycleFields m={m} prefix="edit" values={p.edit.values} problems={p.edit.problems} templates={p.templates} />
                <div class="actions">
                  <button type="submit">{m.t('form.save')}</button>
                </div>
              </form>
            </details>
          </section>

          <section aria-labelledby="close-h">
            <h2 id="close-h">{m.t('review.closeTitle')}</h2>
            <p class="help">{m.t('review.closeHelp')}</p>
            <form method="post" action={`${base}/close`}>
              <CsrfField token={p.csrfToken} />
              <input type="hidden" name="version" value={String(cycle.row_version)} />
              <div class="actions">
                <button type="submit" class="secondary">
                  {m.t('review.closeTitle')}
                </button>
              </div>
            </form>
          </section>
        </>
      )}
    </>
  );
};
