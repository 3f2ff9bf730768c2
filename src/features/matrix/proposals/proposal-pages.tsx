import { FieldErrors } from '../../../platform/ui/forms.tsx';
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../../platform/errors.ts';
import { CsrfField } from '../../../platform/http/layout.tsx';
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { pick } from '../../../platform/i18n/locales.ts';
import type { CellRow, MatrixRow } from '../versions/matrices.ts';
import { Disclaimer, fieldLabeller, statusLabel } from '../versions/matrix-pages.tsx';
import type { ProposalView } from './proposals.ts';
import type { CellSource, ProposalStatus } from '../schema.ts';
import type { TemplateRow } from '../templates/templates.ts';

import { ValueBadge } from './proposal-form.tsx';

export { emptyProposalForm, ProposalForm, type ProposalFormValues } from './proposal-form.tsx';

export type ProposalNotice = 'created' | 'accepted' | 'declined' | 'withdrawn';
const notices: readonly ProposalNotice[] = ['created', 'accepted', 'declined', 'withdrawn'];
export const noticeOf = (v: string | undefined): ProposalNotice | null => notices.find((n) => n === v) ?? null;

const proposalStatusLabel = (m: Messages, s: ProposalStatus) => m.t(`proposal.status.${s}` as MessageKey);

const SourceList: FC<{ m: Messages; sources: CellSource[] }> = ({ m, sources }) => (
  <ul class="sources">
    {sources.map((s) => (
      <li>
        {m.t(`matrix.sourceKind.${s.kind}` as MessageKey)}: {s.citation}
        {s.locator ? `, ${s.locator}` : ''}
        {s.language ? (
          <>
            {' '}
            (<span lang={s.language}>{s.language}</span>)
          </>
        ) : (
          ''
        )}
        {s.url && (
          <>
            {' '}
            <a href={s.url} dir="ltr" rel="noopener noreferrer">
              {s.url}
            </a>
          </>
        )}
      </li>
    ))}
  </ul>
);

/** The section each field belongs to, in template order. */
function sectionsOf(template: TemplateRow) {
  const rowSection = new Map(template.definition.rows.map((r) => [r.code, r.section]));
  const fieldSection = new Map(template.definition.fields.map((f) => [f.code, rowSection.get(f.row) ?? '']));
  return { sections: template.definition.sections, sectionOf: (field: string) => fieldSection.get(field) ?? '' };
}

/** A decision that failed its checks (a decline without a note): shown again at its proposal. */
export interface FailedDecision {
  id: string;
  note: string;
  problems: FieldProblem[];
}

export interface ProposalListProps {
  m: Messages;
  matrix: MatrixRow;
  template: TemplateRow;
  cells: CellRow[];
  proposals: ProposalView[];
  filter: 'open' | 'all';
  openCount: number;
  /** `/{lang}/states/{iso3}/matrix` */
  base: string;
  canPropose: boolean;
  canDecide: boolean;
  viewerId: string;
  notice: ProposalNotice | null;
  failed: FailedDecision | null;
  csrfToken: string;
}

const ProposalItem: FC<{
  p: ProposalView;
  props: ProposalListProps;
  label: (code: string) => string;
  current: CellRow | undefined;
}> = ({ p, props, label, current }) => {
  const { m, base, csrfToken, canDecide, viewerId, failed } = props;
  const mine = failed?.id === p.id ? failed : null;
  const noteId = `note-${p.id}`;
  return (
    <article class="proposal" id={`p-${p.id}`} aria-labelledby={`ph-${p.id}`}>
      <h3 id={`ph-${p.id}`}>
        {label(p.field_code)}{' '}
        <code class="field-code" dir="ltr">
          {p.field_code}
        </code>
      </h3>
      <dl class="facts">
        <dt>{m.t('proposal.kind')}</dt>
        <dd>{m.t(`proposal.kind.${p.kind}` as MessageKey)}</dd>
        <dt>{m.t('proposal.current')}</dt>
        <dd>
          <ValueBadge m={m} v={current?.value ?? ''} />
        </dd>
        {p.kind === 'proposal' && (
          <>
            <dt>{m.t('proposal.proposed')}</dt>
            <dd>
              <ValueBadge m={m} v={p.value ?? ''} />
            </dd>
            {p.sources.length > 0 && (
              <>
                <dt>{m.t('matrix.sources')}</dt>
                <dd>
                  <SourceList m={m} sources={p.sources} />
                </dd>
              </>
            )}
            {p.info_date && (
              <>
                <dt>{m.t('matrix.infoDate')}</dt>
                <dd>
                  <time datetime={p.info_date}>{m.date(p.info_date)}</time>
                </dd>
              </>
            )}
          </>
        )}
        {p.comment && (
          <>
            <dt>{m.t('proposal.comment')}</dt>
            <dd class="proposal-comment">{p.comment}</dd>
          </>
        )}
        <dt>{m.t('proposal.author')}</dt>
        <dd>
          {p.author_name}, <time datetime={p.created_at.toISOString()}>{m.dateTime(p.created_at)}</time>
        </dd>
        <dt>{m.t('proposal.status')}</dt>
        <dd>
          <span class={`proposal-status ps-${p.status}`}>{proposalStatusLabel(m, p.status)}</span>
          {p.decided_at && <> ({m.t('proposal.decidedBy', { name: p.decider_name ?? '', date: m.date(p.decided_at) })})</>}
        </dd>
        {p.decision_note && (
          <>
            <dt>{m.t('proposal.decisionNote')}</dt>
            <dd class="proposal-comment">{p.decision_note}</dd>
          </>
        )}
      </dl>
      {p.status === 'open' && canDecide && (
        <form
          method="post"
          action={`${base}/proposals/${p.id}/decision`}
          class="proposal-decision"
          aria-labelledby={`ph-${p.id}`}
          novalidate
        >
          <CsrfField token={csrfToken} />
          <input type="hidden" name="expectedVersion" value={String(p.row_version)} />
          {mine && <FieldErrors m={m} problems={mine.problems} />}
          <div class="field">
            <label for={noteId}>{m.t('proposal.note')}</label>
            <textarea id={noteId} name="note" rows={2} aria-invalid={mine?.problems.some((x) => x.field === 'note') ? 'true' : undefined}>
              {mine?.note ?? ''}
            </textarea>
          </div>
          <div class="actions">
            <button type="submit" name="decision" value="accept">
              {m.t(p.kind === 'proposal' ? 'proposal.accept' : 'proposal.acknowledge')}
            </button>
            <button type="submit" name="decision" value="decline" class="secondary">
              {m.t('proposal.decline')}
            </button>
          </div>
        </form>
      )}
      {p.status === 'open' && p.author_id === viewerId && (
        <form method="post" action={`${base}/proposals/${p.id}/withdrawal`} class="inline">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="expectedVersion" value={String(p.row_version)} />
          <button type="submit" class="secondary">
            {m.t('proposal.withdraw')}
          </button>
        </form>
      )}
    </article>
  );
};

/** The comments and proposals on the version in the works, grouped by section. */
export const ProposalList: FC<ProposalListProps> = (props) => {
  const { m, matrix, template, cells, proposals, filter, openCount, base, canPropose, notice } = props;
  const label = fieldLabeller(m, [template]);
  const byField = new Map(cells.map((c) => [c.field_code, c]));
  const { sections, sectionOf } = sectionsOf(template);
  const groups = sections
    .map((s) => ({ s, items: proposals.filter((p) => sectionOf(p.field_code) === s.code) }))
    .filter((g) => g.items.length > 0);
  const reviewable = matrix.status === 'sent' || matrix.status === 'commented';
  return (
    <>
      <Disclaimer m={m} demo={matrix.demo} />
      <p class="lead">
        {m.t('matrix.versionNumber', { count: matrix.number })} · {statusLabel(m, matrix.status)}. {m.t('proposal.lead')}
      </p>
      {notice && (
        <p class="notice" role="status">
          {m.t(`proposal.notice.${notice}` as MessageKey)}
        </p>
      )}
      <p class="actions">
        <a href={base}>{m.t('proposal.backToMatrix')}</a>
        {canPropose && <a href={`${base}/proposals/new`}>{m.t('proposal.new')}</a>}
      </p>
      {!reviewable && <p class="help">{m.t('proposal.closed')}</p>}
      <nav aria-label={m.t('proposal.filter')} class="proposal-filter">
        <ul class="inline-list">
          <li>
            <a href={`${base}/proposals`} aria-current={filter === 'open' ? 'page' : undefined}>
              {m.t('proposal.filterOpen', { count: openCount })}
            </a>
          </li>
          <li>
            <a href={`${base}/proposals?status=all`} aria-current={filter === 'all' ? 'page' : undefined}>
              {m.t('proposal.filterAll')}
            </a>
          </li>
        </ul>
      </nav>
      {groups.length === 0 ? (
        <p>{m.t(filter === 'open' ? 'proposal.noneOpen' : 'proposal.none')}</p>
      ) : (
        groups.map(({ s, items }) => (
          <section aria-labelledby={`ps-${s.code}`} class="proposal-section">
            <h2 id={`ps-${s.code}`}>{pick(s.labels, m.locale)}</h2>
            {items.map((p) => (
              <ProposalItem p={p} props={props} label={label} current={byField.get(p.field_code)} />
            ))}
          </section>
        ))
      )}
    </>
  );
};

/** What the form for a comment or proposal shows and sends back. */
