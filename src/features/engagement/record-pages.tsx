import type { FC } from 'hono/jsx';
import { CsrfField } from '../../platform/http/layout.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import type { LinkedDocument } from '../documents/index.ts';
import type { CourseRow, VisitRow } from './engagement.ts';
import { dates, kindKeys, levelKeys, type Names, purposeKeys, statusKeys } from './labels.ts';

// One visit or course: its page (facts, documents, actions). The forms are in forms.tsx.

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

/** What the page of a visit or a course is given. */
export interface DetailProps<R> {
  m: Messages;
  record: R;
  name: Names;
  documents: LinkedDocument[];
  actions: RecordActions;
  csrfToken: string;
}

export const VisitDetail: FC<DetailProps<VisitRow>> = ({ m, record: v, name, documents, actions, csrfToken }) => (
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

export const CourseDetail: FC<DetailProps<CourseRow>> = ({ m, record: c, name, documents, actions, csrfToken }) => (
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
