import { FieldErrors } from '../../platform/ui/forms.tsx';
import type { FC, PropsWithChildren } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField } from '../../platform/http/layout.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { type Confidentiality, confidentialityLevels } from '../../platform/policy/levels.ts';
import type { CourseRow, VisitRow } from './engagement.ts';
import type { LinkedDocument } from '../documents/index.ts';
import { type EngagementStatus, engagementStatuses, type VisitKind, type VisitPurpose, visitKinds, visitPurposes } from './schema.ts';

export const kindKeys = {
  'visit-at-invitation': 'engagement.kindVisit',
  'round-table': 'engagement.kindRoundTable',
  'peer-review': 'engagement.kindPeerReview',
  'joint-visit': 'engagement.kindJointVisit',
} as const satisfies Record<VisitKind, string>;

export const purposeKeys = {
  'first-report': 'engagement.purposeFirstReport',
  'action-plan': 'engagement.purposeActionPlan',
  exchange: 'engagement.purposeExchange',
  'gaps-and-assistance': 'engagement.purposeGaps',
} as const satisfies Record<VisitPurpose, string>;

export const statusKeys = { held: 'engagement.statusHeld', planned: 'engagement.statusPlanned' } as const satisfies Record<
  EngagementStatus,
  string
>;

export const levelKeys = {
  public: 'engagement.levelPublic',
  committee: 'engagement.levelCommittee',
  'committee-and-state': 'engagement.levelCommitteeAndState',
} as const satisfies Record<Confidentiality, string>;

export function dates(m: Messages, start: string, end: string | null): string {
  return end && end !== start ? `${m.date(start, 'medium')} – ${m.date(end, 'medium')}` : m.date(start, 'medium');
}

export type Names = (iso3: string) => string;

/** The values of a visit form, as typed (re-shown with its errors). */
export interface VisitFormValues {
  stateIso3: string;
  kind: string;
  status: string;
  startsOn: string;
  endsOn: string;
  purposes: string[];
  statesInvolved: string;
  organizationsInvolved: string;
  supportingOrganizations: string;
  whoWent: string;
  partner: string;
  place: string;
  note: string;
  confidentiality: string;
  version: string;
}

export interface CourseFormValues {
  title: string;
  status: string;
  startsOn: string;
  endsOn: string;
  place: string;
  region: string;
  hostOrganizations: string;
  supportingOrganizations: string;
  participatingStates: string;
  teachers: string;
  teachingOrganizations: string;
  confidentiality: string;
  version: string;
}

export const emptyVisit: VisitFormValues = {
  stateIso3: '',
  kind: 'visit-at-invitation',
  status: 'held',
  startsOn: '',
  endsOn: '',
  purposes: [],
  statesInvolved: '',
  organizationsInvolved: '',
  supportingOrganizations: '',
  whoWent: '',
  partner: '',
  place: '',
  note: '',
  confidentiality: 'public',
  version: '',
};

export const emptyCourse: CourseFormValues = {
  title: '',
  status: 'held',
  startsOn: '',
  endsOn: '',
  place: '',
  region: '',
  hostOrganizations: '',
  supportingOrganizations: '',
  participatingStates: '',
  teachers: '',
  teachingOrganizations: '',
  confidentiality: 'public',
  version: '',
};

export function visitFormValues(v: VisitRow): VisitFormValues {
  return {
    stateIso3: v.state_iso3,
    kind: v.kind,
    status: v.status,
    startsOn: v.starts_on,
    endsOn: v.ends_on ?? '',
    purposes: v.purposes,
    statesInvolved: v.states_involved.join(' '),
    organizationsInvolved: v.organizations_involved.join(' '),
    supportingOrganizations: v.supporting_organizations.join(' '),
    whoWent: v.who_went,
    partner: v.partner,
    place: v.place,
    note: v.note,
    confidentiality: v.confidentiality,
    version: String(v.row_version),
  };
}

export function courseFormValues(c: CourseRow): CourseFormValues {
  return {
    title: c.title,
    status: c.status,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    place: c.place,
    region: c.region,
    hostOrganizations: c.host_organizations.join(' '),
    supportingOrganizations: c.supporting_organizations.join(' '),
    participatingStates: c.participating_states.join(' '),
    teachers: c.teachers,
    teachingOrganizations: c.teaching_organizations.join(' '),
    confidentiality: c.confidentiality,
    version: String(c.row_version),
  };
}

/** A labelled control with its help; the control itself says `aria-invalid` when a problem names its field. */
const Field: FC<PropsWithChildren<{ id: string; label: string; problems: FieldProblem[]; help?: string }>> = ({
  id,
  label,
  help,
  children,
}) => (
  <div class="field">
    <label for={id}>{label}</label>
    {children}
    {help && (
      <p class="help" id={`${id}-help`}>
        {help}
      </p>
    )}
  </div>
);

const invalidIf = (problems: FieldProblem[], field: string) => (problems.some((p) => p.field === field) ? 'true' : undefined);

const StatusAndLevel: FC<{ m: Messages; status: string; confidentiality: string; problems: FieldProblem[] }> = ({
  m,
  status,
  confidentiality,
  problems,
}) => (
  <>
    <Field id="status" label={m.t('engagement.status')} problems={problems} help={m.t('engagement.statusHelp')}>
      <select id="status" name="status" aria-invalid={invalidIf(problems, 'status')} aria-describedby="status-help">
        {engagementStatuses.map((s) => (
          <option value={s} selected={status === s}>
            {m.t(statusKeys[s])}
          </option>
        ))}
      </select>
    </Field>
    <Field id="confidentiality" label={m.t('engagement.confidentiality')} problems={problems}>
      <select id="confidentiality" name="confidentiality" aria-invalid={invalidIf(problems, 'confidentiality')}>
        {confidentialityLevels.map((c) => (
          <option value={c} selected={confidentiality === c}>
            {m.t(levelKeys[c])}
          </option>
        ))}
      </select>
    </Field>
  </>
);

const Dates: FC<{ m: Messages; startsOn: string; endsOn: string; problems: FieldProblem[] }> = ({ m, startsOn, endsOn, problems }) => (
  <>
    <Field id="startsOn" label={m.t('engagement.startsOn')} problems={problems}>
      <input id="startsOn" name="startsOn" type="date" value={startsOn} required aria-invalid={invalidIf(problems, 'startsOn')} />
    </Field>
    <Field id="endsOn" label={m.t('engagement.endsOn')} problems={problems}>
      <input id="endsOn" name="endsOn" type="date" value={endsOn} aria-invalid={invalidIf(problems, 'endsOn')} />
    </Field>
  </>
);

const Codes: FC<{ m: Messages; id: string; label: string; value: string; example: string; problems: FieldProblem[] }> = ({
  m,
  id,
  label,
  value,
  example,
  problems,
}) => (
  <Field id={id} label={label} problems={problems} help={m.t('engagement.codesHelp', { example })}>
    <input
      id={id}
      name={id}
      value={value}
      maxlength={2000}
      dir="ltr"
      aria-invalid={invalidIf(problems, id)}
      aria-describedby={`${id}-help`}
    />
  </Field>
);

export const VisitForm: FC<{
  m: Messages;
  action: string;
  cancel: string;
  values: VisitFormValues;
  problems: FieldProblem[];
  csrfToken: string;
  states: { iso3: string; name: string }[];
}> = ({ m, action, cancel, values: v, problems, csrfToken, states }) => (
  <form method="post" action={action} class="record-form" novalidate>
    <FieldErrors m={m} problems={problems} />
    <CsrfField token={csrfToken} />
    {v.version && <input type="hidden" name="version" value={v.version} />}
    <Field id="stateIso3" label={m.t('engagement.state')} problems={problems}>
      <select id="stateIso3" name="stateIso3" required aria-invalid={invalidIf(problems, 'stateIso3')}>
        <option value="">—</option>
        {states.map((s) => (
          <option value={s.iso3} selected={v.stateIso3 === s.iso3}>
            {s.name}
          </option>
        ))}
      </select>
    </Field>
    <Field id="kind" label={m.t('engagement.kind')} problems={problems}>
      <select id="kind" name="kind" aria-invalid={invalidIf(problems, 'kind')}>
        {visitKinds.map((k) => (
          <option value={k} selected={v.kind === k}>
            {m.t(kindKeys[k])}
          </option>
        ))}
      </select>
    </Field>
    <Dates m={m} startsOn={v.startsOn} endsOn={v.endsOn} problems={problems} />
    <fieldset>
      <legend>{m.t('engagement.purposes')}</legend>
      {visitPurposes.map((p) => (
        <div class="check">
          <input id={`purpose-${p}`} type="checkbox" name="purposes" value={p} checked={v.purposes.includes(p)} />
          <label for={`purpose-${p}`}>{m.t(purposeKeys[p])}</label>
        </div>
      ))}
    </fieldset>
    <Field id="place" label={m.t('engagement.place')} problems={problems}>
      <input id="place" name="place" value={v.place} maxlength={200} aria-invalid={invalidIf(problems, 'place')} />
    </Field>
    <Codes
      m={m}
      id="statesInvolved"
      label={m.t('engagement.statesInvolved')}
      value={v.statesInvolved}
      example="KGZ TJK"
      problems={problems}
    />
    <Field id="whoWent" label={m.t('engagement.whoWent')} problems={problems}>
      <textarea id="whoWent" name="whoWent" rows={2} maxlength={1000} aria-invalid={invalidIf(problems, 'whoWent')}>
        {v.whoWent}
      </textarea>
    </Field>
    <Codes
      m={m}
      id="organizationsInvolved"
      label={m.t('engagement.organizationsInvolved')}
      value={v.organizationsInvolved}
      example="UNODA WCO"
      problems={problems}
    />
    <Codes
      m={m}
      id="supportingOrganizations"
      label={m.t('engagement.supporting')}
      value={v.supportingOrganizations}
      example="UNLIREC"
      problems={problems}
    />
    <Field id="partner" label={m.t('engagement.partner')} problems={problems} help={m.t('engagement.partnerHelp')}>
      <input
        id="partner"
        name="partner"
        value={v.partner}
        maxlength={200}
        aria-invalid={invalidIf(problems, 'partner')}
        aria-describedby="partner-help"
      />
    </Field>
    <Field id="note" label={m.t('engagement.note')} problems={problems}>
      <textarea id="note" name="note" rows={3} maxlength={2000} aria-invalid={invalidIf(problems, 'note')}>
        {v.note}
      </textarea>
    </Field>
    <StatusAndLevel m={m} status={v.status} confidentiality={v.confidentiality} problems={problems} />
    <div class="actions">
      <button type="submit">{m.t('form.save')}</button>
      <a href={cancel}>{m.t('form.cancel')}</a>
    </div>
  </form>
);

export const CourseForm: FC<{
  m: Messages;
  action: string;
  cancel: string;
  values: CourseFormValues;
  problems: FieldProblem[];
  csrfToken: string;
}> = ({ m, action, cancel, values: v, problems, csrfToken }) => (
  <form method="post" action={action} class="record-form" novalidate>
    <FieldErrors m={m} problems={problems} />
    <CsrfField token={csrfToken} />
    {v.version && <input type="hidden" name="version" value={v.version} />}
    <Field id="title" label={m.t('engagement.courseTitle')} problems={problems}>
      <input id="title" name="title" value={v.title} required maxlength={300} aria-invalid={invalidIf(problems, 'title')} />
    </Field>
    <Dates m={m} startsOn={v.startsOn} endsOn={v.endsOn} problems={problems} />
    <Field id="place" label={m.t('engagement.place')} problems={problems}>
      <input id="place" name="place" value={v.place} required maxlength={200} aria-invalid={invalidIf(problems, 'place')} />
    </Field>
    <Field id="region" label={m.t('engagement.region')} problems={problems}>
      <input id="region" name="region" value={v.region} maxlength={200} aria-invalid={invalidIf(problems, 'region')} />
    </Field>
    <Codes
      m={m}
      id="participatingStates"
      label={m.t('engagement.participants')}
      value={v.participatingStates}
      example="BEN BFA CIV"
      problems={problems}
    />
    <Codes
      m={m}
      id="hostOrganizations"
      label={m.t('engagement.hostOrganizations')}
      value={v.hostOrganizations}
      example="AU"
      problems={problems}
    />
    <Codes
      m={m}
      id="supportingOrganizations"
      label={m.t('engagement.supporting')}
      value={v.supportingOrganizations}
      example="UNODA"
      problems={problems}
    />
    <Field id="teachers" label={m.t('engagement.teachersField')} problems={problems}>
      <textarea id="teachers" name="teachers" rows={2} maxlength={1000} aria-invalid={invalidIf(problems, 'teachers')}>
        {v.teachers}
      </textarea>
    </Field>
    <Codes
      m={m}
      id="teachingOrganizations"
      label={m.t('engagement.teachingOrganizations')}
      value={v.teachingOrganizations}
      example="WCO"
      problems={problems}
    />
    <StatusAndLevel m={m} status={v.status} confidentiality={v.confidentiality} problems={problems} />
    <div class="actions">
      <button type="submit">{m.t('form.save')}</button>
      <a href={cancel}>{m.t('form.cancel')}</a>
    </div>
  </form>
);

const Documents: FC<{ m: Messages; documents: LinkedDocument[] }> = ({ m, documents }) => (
  <>
    <h2 id="documents">{m.t('engagement.documents')}</h2>
    {documents.length ? (
      <ul>
        {documents.map((d) => (
          <li>
            <a href={`/${m.locale}/documents/${d.id}`} lang={d.language}>
              {d.title}
            </a>
          </li>
        ))}
      </ul>
    ) : (
      <p>{m.t('engagement.noDocuments')}</p>
    )}
  </>
);

export interface RecordActions {
  edit: boolean;
  archive: boolean;
}

const Actions: FC<{ m: Messages; base: string; version: number; archived: boolean; actions: RecordActions; csrfToken: string }> = ({
  m,
  base,
  version,
  archived,
  actions,
  csrfToken,
}) =>
  !archived && (actions.edit || actions.archive) ? (
    <div class="actions">
      {actions.edit && <a href={`${base}/edit`}>{m.t('record.edit')}</a>}
      {actions.archive && (
        <form method="post" action={`${base}/archive`} class="inline">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(version)} />
          <button type="submit" class="secondary">
            {m.t('record.archive')}
          </button>
        </form>
      )}
    </div>
  ) : null;

const Archived: FC<{ m: Messages; at: Date | null }> = ({ m, at }) =>
  at ? (
    <p class="notice" role="status">
      {m.t('record.archived', { date: m.date(at) })}
    </p>
  ) : null;

const orgList = (m: Messages, codes: string[]) => (codes.length ? m.list(codes) : '—');

export const VisitDetail: FC<{
  m: Messages;
  visit: VisitRow;
  name: Names;
  documents: LinkedDocument[];
  actions: RecordActions;
  csrfToken: string;
}> = ({ m, visit: v, name, documents, actions, csrfToken }) => (
  <>
    <Archived m={m} at={v.archived_at} />
    <dl class="facts">
      <dt>{m.t('engagement.state')}</dt>
      <dd>
        <a href={`/${m.locale}/states/${v.state_iso3}`}>{name(v.state_iso3)}</a>
      </dd>
      <dt>{m.t('engagement.kind')}</dt>
      <dd>{m.t(kindKeys[v.kind])}</dd>
      <dt>{m.t('engagement.status')}</dt>
      <dd>{m.t(statusKeys[v.status])}</dd>
      <dt>{m.t('engagement.dates')}</dt>
      <dd>{dates(m, v.starts_on, v.ends_on)}</dd>
      <dt>{m.t('engagement.purposes')}</dt>
      <dd>{v.purposes.length ? m.list(v.purposes.map((p) => m.t(purposeKeys[p]))) : '—'}</dd>
      <dt>{m.t('engagement.place')}</dt>
      <dd>{v.place || '—'}</dd>
      <dt>{m.t('engagement.statesInvolved')}</dt>
      <dd>{v.states_involved.length ? m.list(v.states_involved.map(name)) : '—'}</dd>
      <dt>{m.t('engagement.whoWent')}</dt>
      <dd>{v.who_went || '—'}</dd>
      <dt>{m.t('engagement.organizationsInvolved')}</dt>
      <dd>{orgList(m, v.organizations_involved)}</dd>
      <dt>{m.t('engagement.supporting')}</dt>
      <dd>{orgList(m, v.supporting_organizations)}</dd>
      <dt>{m.t('engagement.partner')}</dt>
      <dd>{v.partner || '—'}</dd>
      {v.note && (
        <>
          <dt>{m.t('engagement.note')}</dt>
          <dd>{v.note}</dd>
        </>
      )}
      <dt>{m.t('engagement.confidentiality')}</dt>
      <dd>{m.t(levelKeys[v.confidentiality])}</dd>
    </dl>
    <Documents m={m} documents={documents} />
    <Actions
      m={m}
      base={`/${m.locale}/visits/${v.id}`}
      version={v.row_version}
      archived={v.archived_at !== null}
      actions={actions}
      csrfToken={csrfToken}
    />
  </>
);

export const CourseDetail: FC<{
  m: Messages;
  course: CourseRow;
  name: Names;
  documents: LinkedDocument[];
  actions: RecordActions;
  csrfToken: string;
}> = ({ m, course: c, name, documents, actions, csrfToken }) => (
  <>
    <Archived m={m} at={c.archived_at} />
    <dl class="facts">
      <dt>{m.t('engagement.status')}</dt>
      <dd>{m.t(statusKeys[c.status])}</dd>
      <dt>{m.t('engagement.dates')}</dt>
      <dd>{dates(m, c.starts_on, c.ends_on)}</dd>
      <dt>{m.t('engagement.place')}</dt>
      <dd>{c.place}</dd>
      <dt>{m.t('engagement.region')}</dt>
      <dd>{c.region || '—'}</dd>
      <dt>{m.t('engagement.hostOrganizations')}</dt>
      <dd>{orgList(m, c.host_organizations)}</dd>
      <dt>{m.t('engagement.supporting')}</dt>
      <dd>{orgList(m, c.supporting_organizations)}</dd>
      <dt>{m.t('engagement.participants')}</dt>
      <dd>
        {c.participating_states.length ? (
          <ul class="inline-list">
            {c.participating_states.map((s) => (
              <li>
                <a href={`/${m.locale}/states/${s}`}>{name(s)}</a>
              </li>
            ))}
          </ul>
        ) : (
          '—'
        )}
      </dd>
      <dt>{m.t('engagement.teachersField')}</dt>
      <dd>{c.teachers || '—'}</dd>
      <dt>{m.t('engagement.teachingOrganizations')}</dt>
      <dd>{orgList(m, c.teaching_organizations)}</dd>
      <dt>{m.t('engagement.confidentiality')}</dt>
      <dd>{m.t(levelKeys[c.confidentiality])}</dd>
    </dl>
    <Documents m={m} documents={documents} />
    <Actions
      m={m}
      base={`/${m.locale}/courses/${c.id}`}
      version={c.row_version}
      archived={c.archived_at !== null}
      actions={actions}
      csrfToken={csrfToken}
    />
  </>
);
