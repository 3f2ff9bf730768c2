// One report or plan: its page (facts, documents, actions). The forms are in record-forms.tsx.
import { FieldErrors } from '../../platform/ui/forms.tsx';
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField } from '../../platform/http/layout.tsx';
import type { Messages, MessageKey } from '../../platform/i18n/i18n.ts';
import { kindLabel, languageName, levelLabel, planStatusLabel, sourceLabel, weaponLabel } from './labels.ts';
import type { LinkedDocument } from '../documents/index.ts';
import type { PlanRow, ReportRow } from './queries.ts';

export interface RecordActions {
  edit: boolean;
  archive: boolean;
  upload: boolean;
}

const Notices: FC<{ m: Messages; archivedAt: Date | null; problems: FieldProblem[] }> = ({ m, archivedAt, problems }) => (
  <>
    <FieldErrors m={m} problems={problems} />
    {archivedAt && (
      <p class="notice" role="status">
        {m.t('record.archived', { date: m.date(archivedAt) })}
      </p>
    )}
  </>
);

const Documents: FC<{ m: Messages; documents: LinkedDocument[]; upload: { href: string; label: string } | null }> = ({
  m,
  documents,
  upload,
}) => (
  <>
    <h2 id="documents">{m.t('reports.documents')}</h2>
    {documents.length ? (
      <ul>
        {documents.map((d) => (
          <li>
            <a href={`/${m.locale}/documents/${d.id}`} lang={d.language}>
              {d.title}
            </a>{' '}
            ({m.t(`documents.kind.${d.kind}` as MessageKey)}, {languageName(d.language)})
          </li>
        ))}
      </ul>
    ) : (
      <p>{m.t('reports.noDocuments')}</p>
    )}
    {upload && (
      <p>
        <a href={upload.href}>{upload.label}</a>
      </p>
    )}
  </>
);

/** Edit, and archive or restore: each a button only for those the policy lets do it. */
const Actions: FC<{ m: Messages; base: string; row: ReportRow | PlanRow; actions: RecordActions; csrfToken: string }> = ({
  m,
  base,
  row,
  actions,
  csrfToken,
}) =>
  actions.edit || actions.archive ? (
    <div class="actions">
      {actions.edit && !row.archived_at && <a href={`${base}/edit`}>{m.t('record.edit')}</a>}
      {actions.archive && (
        <form method="post" action={`${base}/${row.archived_at ? 'restore' : 'archive'}`} class="inline">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="version" value={String(row.row_version)} />
          <button type="submit" class="secondary">
            {row.archived_at ? m.t('record.restore') : m.t('record.archive')}
          </button>
        </form>
      )}
    </div>
  ) : null;

const codes = (m: Messages, values: string[], label: (v: string) => string = (v) => v) =>
  values.length ? m.list(values.map(label)) : m.t('reports.notStated');

/** What the page of a report or a plan is given. */
export interface DetailProps<R> {
  m: Messages;
  record: R;
  stateName: string;
  documents: LinkedDocument[];
  actions: RecordActions;
  problems: FieldProblem[];
  csrfToken: string;
}

export const ReportDetail: FC<DetailProps<ReportRow>> = ({ m, record: r, stateName, documents, actions, problems, csrfToken }) => {
  const l = m.locale;
  return (
    <>
      <Notices m={m} archivedAt={r.archived_at} problems={problems} />
      <dl class="facts">
        <dt>{m.t('reports.state')}</dt>
        <dd>
          <a href={`/${l}/states/${r.state_iso3}/reports`}>{stateName}</a>
        </dd>
        <dt>{m.t('reports.kind')}</dt>
        <dd>{kindLabel(m, r.kind)}</dd>
        <dt>{m.t('reports.received')}</dt>
        <dd>
          <time datetime={r.received_on}>{m.date(r.received_on)}</time>
        </dd>
        <dt>{m.t('reports.symbol')}</dt>
        <dd dir="ltr">{r.symbol || m.t('reports.notStated')}</dd>
        <dt>{m.t('reports.languages')}</dt>
        <dd>{codes(m, r.languages, languageName)}</dd>
        <dt>{m.t('reports.paragraphs')}</dt>
        <dd>{codes(m, r.paragraphs)}</dd>
        <dt>{m.t('reports.weaponTypes')}</dt>
        <dd>{codes(m, r.weapon_types, (w) => weaponLabel(m, w))}</dd>
        <dt>{m.t('reports.confidentiality')}</dt>
        <dd>{levelLabel(m, r.confidentiality)}</dd>
        <dt>{m.t('reports.source')}</dt>
        <dd>{sourceLabel(m, r.source)}</dd>
      </dl>
      <h2>{m.t('reports.summary')}</h2>
      <p class="summary">{r.summary || m.t('reports.notStated')}</p>
      <Documents
        m={m}
        documents={documents}
        upload={actions.upload ? { href: `/${l}/documents/new?link=report:${r.id}`, label: m.t('reports.uploadForReport') } : null}
      />
      <Actions m={m} base={`/${l}/reports/${r.id}`} row={r} actions={actions} csrfToken={csrfToken} />
    </>
  );
};

export const PlanDetail: FC<DetailProps<PlanRow>> = ({ m, record: p, stateName, documents, actions, problems, csrfToken }) => {
  const l = m.locale;
  const day = (d: string | null) => (d ? <time datetime={d}>{m.date(d)}</time> : m.t('reports.notStated'));
  return (
    <>
      <Notices m={m} archivedAt={p.archived_at} problems={problems} />
      <dl class="facts">
        <dt>{m.t('reports.state')}</dt>
        <dd>
          <a href={`/${l}/states/${p.state_iso3}/reports`}>{stateName}</a>
        </dd>
        <dt>{m.t('reports.number')}</dt>
        <dd>{m.number(p.number)}</dd>
        <dt>{m.t('reports.status')}</dt>
        <dd>{planStatusLabel(m, p.status)}</dd>
        <dt>{m.t('reports.started')}</dt>
        <dd>{day(p.started_on)}</dd>
        <dt>{m.t('reports.submitted')}</dt>
        <dd>{day(p.submitted_on)}</dd>
        <dt>{m.t('reports.published')}</dt>
        <dd>{day(p.published_on)}</dd>
        <dt>{m.t('reports.confidentiality')}</dt>
        <dd>{levelLabel(m, p.confidentiality)}</dd>
        <dt>{m.t('reports.source')}</dt>
        <dd>{sourceLabel(m, p.source)}</dd>
      </dl>
      <Documents
        m={m}
        documents={documents}
        upload={actions.upload ? { href: `/${l}/documents/new?link=action-plan:${p.id}`, label: m.t('reports.uploadForPlan') } : null}
      />
      <Actions m={m} base={`/${l}/action-plans/${p.id}`} row={p} actions={actions} csrfToken={csrfToken} />
    </>
  );
};
