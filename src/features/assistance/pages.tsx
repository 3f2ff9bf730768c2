// The clearinghouse's pages that are not one record: labels and field errors the pages share, the
// hub (requests as far as the reader may see them, with links to offers and summaries) and the
// public page of consented summaries.
import { TableRegion } from '../../platform/ui/tables.tsx';
import type { FC, PropsWithChildren } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import type { MessageKey, Messages } from '../../platform/i18n/i18n.ts';
import type { Flag } from './procedure/procedure.ts';
import type { PublicSummary, RequestRow } from './queries.ts';
import { requestStatuses } from './schema.ts';
import { type Dimension, labelOf } from './taxonomy.ts';

/** Names of States and organizations in the reader's language. */
export interface Names {
  states: Map<string, string>;
  organizations: Map<string, string>;
}

export const statusLabel = (m: Messages, s: string) => (m.has(`assistance.status.${s}`) ? m.t(`assistance.status.${s}` as MessageKey) : s);
export const actionLabel = (m: Messages, a: string) => (m.has(`assistance.action.${a}`) ? m.t(`assistance.action.${a}` as MessageKey) : a);
export const matchStatusLabel = (m: Messages, s: string) =>
  m.has(`assistance.match.${s}`) ? m.t(`assistance.match.${s}` as MessageKey) : s;
export const channelLabel = (m: Messages, s: string) =>
  m.has(`assistance.channel.${s}`) ? m.t(`assistance.channel.${s}` as MessageKey) : s;
export const priorityLabel = (m: Messages, s: string) =>
  m.has(`assistance.priority.${s}`) ? m.t(`assistance.priority.${s}` as MessageKey) : s;
export const flagText = (m: Messages, f: Flag) => m.t(`assistance.flag.${f.code}` as MessageKey, { date: m.date(f.dueOn) });
export const stateName = (names: Names, iso3: string) => names.states.get(iso3.trim()) ?? iso3.trim();

/** The taxonomy labels of some codes, as the language lists them; an empty list is a dash. */
export const codeList = (m: Messages, dimension: Dimension, codes: readonly string[]) =>
  codes.length ? m.list(codes.map((c) => labelOf(dimension, c, m.locale))) : '—';

/** A provider key ('organization:WCO', 'state:FRA') as a name. */
export function providerName(names: Names, key: string): string {
  const [kind, code = ''] = key.split(':');
  if (kind === 'state') return names.states.get(code) ?? code;
  return names.organizations.get(code) ?? code;
}

export const providerHref = (m: Messages, key: string) => {
  const [kind, code = ''] = key.split(':');
  return kind === 'state' ? `/${m.locale}/states/${code}` : `/${m.locale}/organizations/${code}`;
};

/** The element id of a field: `items[1].areas` → `items-1-areas`. */
export const fieldId = (field: string) =>
  field
    .replace(/[[\].]+/g, '-')
    .replace(/[^A-Za-z0-9_-]/g, '')
    .replace(/-+$/, '');

const fieldKeys: Record<string, MessageKey> = {
  stateIso3: 'assistance.field.state',
  receivedOn: 'assistance.field.receivedOn',
  channel: 'assistance.field.channel',
  reference: 'assistance.field.reference',
  contactName: 'assistance.field.contactName',
  contactEmail: 'assistance.field.contactEmail',
  languages: 'assistance.field.languages',
  earlierAssistance: 'assistance.field.earlierAssistance',
  otherProviders: 'assistance.field.otherProviders',
  consentSummary: 'assistance.field.consentSummary',
  summary: 'assistance.field.summary',
  invitesVisit: 'assistance.field.invitesVisit',
  items: 'assistance.field.items',
  description: 'assistance.field.description',
  areas: 'assistance.field.areas',
  weapons: 'assistance.field.weapons',
  paragraphs: 'assistance.field.paragraphs',
  kinds: 'assistance.field.kinds',
  priority: 'assistance.field.priority',
  timeframe: 'assistance.field.timeframe',
  matrixFields: 'assistance.field.matrixFields',
  action: 'assistance.field.action',
  on: 'assistance.field.on',
  note: 'assistance.field.note',
  providers: 'assistance.field.providers',
  provider: 'assistance.field.provider',
  itemIds: 'assistance.field.itemIds',
  itemId: 'assistance.field.item',
  offerId: 'assistance.field.offer',
  respondedOn: 'assistance.field.respondedOn',
  text: 'assistance.field.responseText',
  to: 'assistance.field.matchStatus',
  providerFeedback: 'assistance.field.providerFeedback',
  stateFeedback: 'assistance.field.stateFeedback',
  title: 'assistance.field.title',
  regions: 'assistance.field.regions',
  programmes: 'assistance.field.programmes',
  capacity: 'assistance.field.capacity',
  periodFrom: 'assistance.field.periodFrom',
  periodTo: 'assistance.field.periodTo',
  confidentiality: 'assistance.field.confidentiality',
  version: 'assistance.field.version',
};

/** A field's name for a reader: "Item 2: areas of work". */
export function fieldName(m: Messages, field: string): string {
  const item = /^items\[(\d+)\](?:\.(\w+))?/.exec(field);
  if (item) {
    const sub = item[2] && fieldKeys[item[2]] ? m.t(fieldKeys[item[2]]!) : '';
    return sub
      ? m.t('assistance.form.itemField', { n: Number(item[1]) + 1, field: sub })
      : m.t('assistance.form.item', { n: Number(item[1]) + 1 });
  }
  const programme = /^programmes\[\d+\]/.exec(field);
  const key = fieldKeys[programme ? 'programmes' : field.split('.')[0]!];
  return key ? m.t(key) : field;
}

/** The problems of one field (a programme's problems belong to the programmes field). */
export const problemsOf = (problems: FieldProblem[], field: string) =>
  problems.filter((p) => p.field === field || (field === 'programmes' && p.field.startsWith('programmes[')));
export const invalid = (problems: FieldProblem[], field: string) => (problemsOf(problems, field).length ? 'true' : undefined);
/** The id of a field's error message, to name in `aria-describedby`, when it has one. */
export const errorIdOf = (problems: FieldProblem[], field: string, prefix = '') =>
  problemsOf(problems, field).length ? `${prefix}${fieldId(field)}-error` : undefined;

/** The problem next to its field. */
export const FieldError: FC<{ problems: FieldProblem[]; field: string; prefix?: string }> = ({ problems, field, prefix = '' }) => {
  const mine = problemsOf(problems, field);
  return mine.length ? (
    <p class="form-errors" id={`${prefix}${fieldId(field)}-error`}>
      {mine.map((p) => p.problem).join('; ')}
    </p>
  ) : null;
};

/** All the problems of a form at its top, each linking to its field and naming it. */
export const ErrorSummary: FC<{ m: Messages; problems: FieldProblem[]; prefix?: string }> = ({ m, problems, prefix = '' }) =>
  problems.length ? (
    <div class="form-errors" role="alert">
      <p>{m.t('form.errors')}</p>
      <ul>
        {problems.map((p) => (
          <li>
            <a href={`#${prefix}${fieldId(p.field === 'version' ? 'version-note' : p.field)}`}>{fieldName(m, p.field)}</a> (
            <code>{p.field}</code>): {p.problem}
          </li>
        ))}
      </ul>
    </div>
  ) : null;

/** A list page's filters: a GET form with its button. */
export const FilterForm: FC<PropsWithChildren<{ submit: string }>> = ({ submit, children }) => (
  <search>
    <form method="get" class="filters">
      {children}
      <button type="submit">{submit}</button>
    </form>
  </search>
);

/** One filter: a labelled select of [value, text] options, "all" (the empty value) first when given. */
export const FilterSelect: FC<{
  id: string;
  name: string;
  label: string;
  all?: string;
  options: readonly (readonly [string, string])[];
  selected: string;
}> = ({ id, name, label, all, options, selected }) => (
  <div class="field">
    <label for={id}>{label}</label>
    <select id={id} name={name}>
      {all !== undefined && <option value="">{all}</option>}
      {options.map(([value, text]) => (
        <option value={value} selected={selected === value}>
          {text}
        </option>
      ))}
    </select>
  </div>
);

/** The States as filter options, by name in the reader's language. */
export const stateOptions = (m: Messages, names: Names) => [...names.states].sort((a, b) => m.compare(a[1], b[1]));
export const yearOptions = (years: number[]) => years.map((y) => [String(y), String(y)] as const);
export const statusOptions = (m: Messages) => requestStatuses.map((s) => [s, statusLabel(m, s)] as const);

export interface HubFilters {
  state: string;
  year: string;
  status: string;
}

export const HubPage: FC<{
  m: Messages;
  who: 'committee' | 'poc' | 'provider' | 'public';
  /** The point of contact's State, named. */
  ownState: string | null;
  rows: RequestRow[];
  total: number;
  itemCounts: Map<string, number>;
  flags: Map<string, Flag[]> | null;
  names: Names;
  filters: HubFilters;
  years: number[];
  mayCreate: boolean;
  csvHref: string | null;
}> = ({ m, who, ownState, rows, total, itemCounts, flags, names, filters, years, mayCreate, csvHref }) => {
  const base = `/${m.locale}/assistance`;
  const heading =
    who === 'poc'
      ? m.t('assistance.hub.ownRequests', { state: ownState ?? '' })
      : who === 'provider'
        ? m.t('assistance.hub.circulatedRequests')
        : m.t('assistance.hub.requests');
  return (
    <>
      <p class="lead">{m.t('assistance.hub.intro')}</p>
      <nav aria-label={m.t('assistance.hub.links')}>
        <ul class="inline-list">
          <li>
            <a href={`${base}/offers`}>{m.t('assistance.offers.title')}</a>
          </li>
          <li>
            <a href={`${base}/summaries`}>{m.t('assistance.summaries.title')}</a>
          </li>
        </ul>
      </nav>
      {mayCreate && (
        <p class="actions">
          <a href={`${base}/requests/new`} class="button">
            {who === 'poc' ? m.t('assistance.hub.submit') : m.t('assistance.hub.record')}
          </a>
        </p>
      )}
      {who === 'public' ? (
        <p>{m.t('assistance.hub.publicNote')}</p>
      ) : (
        <>
          <h2 id="requests-heading">{heading}</h2>
          {who === 'committee' && (
            <FilterForm submit={m.t('assistance.filter')}>
              <FilterSelect
                id="hub-state"
                name="state"
                label={m.t('assistance.field.state')}
                all={m.t('assistance.hub.allStates')}
                options={stateOptions(m, names)}
                selected={filters.state.toUpperCase()}
              />
              <FilterSelect
                id="hub-year"
                name="year"
                label={m.t('assistance.hub.year')}
                all={m.t('assistance.hub.allYears')}
                options={yearOptions(years)}
                selected={filters.year}
              />
              <FilterSelect
                id="hub-status"
                name="status"
                label={m.t('assistance.field.status')}
                all={m.t('assistance.hub.allStatuses')}
                options={statusOptions(m)}
                selected={filters.status}
              />
            </FilterForm>
          )}
          <p role="status" class="count">
            {m.t('assistance.hub.count', { count: total })}
            {csvHref && (
              <>
                {' · '}
                <a href={csvHref}>{m.t('assistance.hub.csv')}</a>
              </>
            )}
          </p>
          {rows.length ? (
            <TableRegion labelledBy="requests-caption">
              <table class="list">
                <caption id="requests-caption" class="visually-hidden">
                  {heading}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{m.t('assistance.field.state')}</th>
                    <th scope="col">{m.t('assistance.field.receivedOn')}</th>
                    <th scope="col">{m.t('assistance.field.status')}</th>
                    {flags && <th scope="col">{m.t('assistance.hub.flags')}</th>}
                    <th scope="col">{m.t('assistance.hub.items')}</th>
                    <th scope="col">{m.t('assistance.field.invitesVisit')}</th>
                    <th scope="col">{m.t('assistance.field.reference')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr>
                      <th scope="row">
                        <a href={`${base}/requests/${r.id}`}>{stateName(names, r.state_iso3)}</a>
                      </th>
                      <td>
                        <time datetime={r.received_on}>{m.date(r.received_on, 'medium')}</time>
                      </td>
                      <td>{statusLabel(m, r.status)}</td>
                      {flags && (
                        <td>
                          {(flags.get(r.id) ?? []).map((f) => (
                            <p class="notice">{flagText(m, f)}</p>
                          ))}
                        </td>
                      )}
                      <td>{m.number(itemCounts.get(r.id) ?? 0)}</td>
                      <td>{r.invites_visit ? m.t('assistance.yes') : m.t('assistance.no')}</td>
                      <td dir="ltr">{r.reference}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          ) : (
            <p>{m.t('assistance.hub.none')}</p>
          )}
        </>
      )}
    </>
  );
};

export const SummariesPage: FC<{ m: Messages; rows: PublicSummary[]; names: Names; years: number[]; year: string }> = ({
  m,
  rows,
  names,
  years,
  year,
}) => (
  <>
    <p class="lead">{m.t('assistance.summaries.intro')}</p>
    <FilterForm submit={m.t('assistance.filter')}>
      <FilterSelect
        id="summaries-year"
        name="year"
        label={m.t('assistance.hub.year')}
        all={m.t('assistance.hub.allYears')}
        options={yearOptions(years)}
        selected={year}
      />
    </FilterForm>
    <p role="status" class="count">
      {m.t('assistance.summaries.count', { count: rows.length })}
    </p>
    {rows.map((s) => (
      <article class="summary" aria-labelledby={`summary-${s.id}`}>
        <h2 id={`summary-${s.id}`}>
          {m.t('assistance.summaries.heading', { state: stateName(names, s.state_iso3), date: m.date(s.received_on) })}
        </h2>
        <dl class="facts">
          <dt>{m.t('assistance.field.status')}</dt>
          <dd>{statusLabel(m, s.status)}</dd>
          <dt>{m.t('assistance.field.areas')}</dt>
          <dd>{codeList(m, 'area', s.areas)}</dd>
          <dt>{m.t('assistance.field.weapons')}</dt>
          <dd>{codeList(m, 'weapon', s.weapons)}</dd>
          <dt>{m.t('assistance.field.kinds')}</dt>
          <dd>{codeList(m, 'kind', s.kinds)}</dd>
          <dt>{m.t('assistance.summaries.posted')}</dt>
          <dd>
            <time datetime={s.summary_posted_on}>{m.date(s.summary_posted_on)}</time>
          </dd>
        </dl>
        {s.summary
          .split(/\n+/)
          .filter((line) => line.trim())
          .map((line) => (
            <p>{line}</p>
          ))}
      </article>
    ))}
    <p>
      <a href={`/${m.locale}/assistance/offers`}>{m.t('assistance.summaries.toOffers')}</a>
    </p>
  </>
);
