import type { FieldProblem } from '../../platform/errors.ts';
import type { AppContextOf } from '../../platform/http/env.ts';
import { render } from '../../platform/http/render.tsx';
import type { Messages, MessageKey } from '../../platform/i18n/i18n.ts';
import { can, storedResources, type Viewer } from '../../platform/policy/policy.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { LinkedRecord } from './figures.ts';
import { type Field, RecordForm } from './form.tsx';
import { parseLinks } from './inputs.ts';
import { areaLabel, kindLabel, levelLabel, statusLabel } from './labels.ts';
import { isPublicFact, type ItemRow, meetingResource, type ProgrammeRow } from './queries.ts';
import { itemStatuses, programmeAreas } from './schema.ts';

// The forms of programmes and items, and the records an item names as a reader may see them.

export const programmeFieldNames = ['number', 'symbol', 'startedOn', 'endedOn', 'reviewCutoffOn', 'confidentiality', 'version'];
export const itemFieldNames = ['reference', 'title', 'area', 'status', 'links', 'position', 'confidentiality', 'version'];
export const levels = (m: Messages) => ['public', 'committee'].map((l) => ({ value: l, label: levelLabel(m, l) }));

/**
 * The records an item names, as far as the viewer may see them (a meeting's fact when only that
 * is public), with a label and, for meetings, their date. A kind whose feature cannot say who may
 * see its records is shown to the Committee side only.
 */
export async function visibleLinks(
  db: Kysely<DB>,
  viewer: Viewer | null,
  m: Messages | null,
  item: ItemRow,
): Promise<(LinkedRecord & { label: string })[]> {
  const out: (LinkedRecord & { label: string })[] = [];
  const meetingIds = item.links.filter((l) => l.recordType === 'meeting').map((l) => l.recordId);
  const meetings = new Map(
    meetingIds.length
      ? (await db.selectFrom('meeting').selectAll().where('id', 'in', meetingIds).where('archived_at', 'is', null).execute()).map((r) => [
          r.id,
          r,
        ])
      : [],
  );
  const types = [...new Set(item.links.map((l) => l.recordType).filter((t) => t !== 'meeting'))];
  const resources = new Map(
    await Promise.all(
      types.map(
        async (t) =>
          [
            t,
            await storedResources(
              db,
              t,
              item.links.filter((l) => l.recordType === t).map((l) => l.recordId),
            ),
          ] as const,
      ),
    ),
  );
  const kindName = (t: string) => (m ? m.t(`search.kind.${t}` as MessageKey) : t);
  for (const l of item.links) {
    if (l.recordType === 'meeting') {
      const r = meetings.get(l.recordId);
      if (!r) continue;
      if (can(viewer, 'read', meetingResource(r))) out.push({ ...l, dated: r.held_on, label: r.title });
      else if (isPublicFact(r)) out.push({ ...l, dated: r.held_on, label: m ? kindLabel(m, r.kind) : r.kind });
      continue;
    }
    const res = resources.get(l.recordType)?.get(l.recordId);
    const seen = res ? can(viewer, 'read', res) : viewer !== null && ['expert', 'committee', 'secretariat', 'admin'].includes(viewer.role);
    if (seen) out.push({ ...l, dated: null, label: `${kindName(l.recordType)} ${l.recordId.slice(0, 8)}` });
  }
  return out;
}

export function programmeForm(
  c: AppContextOf,
  title: string,
  action: string,
  cancel: string,
  values: Record<string, string>,
  problems: FieldProblem[],
  status: 200 | 409 | 422,
) {
  const m = c.get('m');
  const fields: Field[] = [
    { name: 'number', label: m.t('meetings.programme.number'), type: 'number', required: true },
    { name: 'symbol', label: m.t('meetings.programme.symbol'), dir: 'ltr' },
    { name: 'startedOn', label: m.t('meetings.programme.startedOn'), type: 'date', required: true },
    { name: 'endedOn', label: m.t('meetings.programme.endedOn'), type: 'date', required: true },
    { name: 'reviewCutoffOn', label: m.t('meetings.programme.cutoff'), type: 'date', help: m.t('meetings.programme.cutoffHelp') },
    { name: 'confidentiality', label: m.t('meetings.confidentiality'), type: 'select', options: levels(m) },
  ];
  return render(
    c,
    { title, status },
    <RecordForm m={m} action={action} cancel={cancel} fields={fields} values={values} problems={problems} csrfToken={c.get('csrfToken')} />,
  );
}

export const programmeInputOf = (v: Record<string, string>) => ({
  number: v.number ?? '',
  symbol: v.symbol ?? '',
  startedOn: v.startedOn ?? '',
  endedOn: v.endedOn ?? '',
  reviewCutoffOn: v.reviewCutoffOn || null,
  confidentiality: v.confidentiality || 'public',
});

export const programmeValues = (p: ProgrammeRow) => ({
  number: String(p.number),
  symbol: p.symbol,
  startedOn: p.started_on,
  endedOn: p.ended_on,
  reviewCutoffOn: p.review_cutoff_on ?? '',
  confidentiality: p.confidentiality,
  version: String(p.row_version),
});

export function itemForm(
  c: AppContextOf,
  title: string,
  action: string,
  cancel: string,
  values: Record<string, string>,
  problems: FieldProblem[],
  status: 200 | 409 | 422,
) {
  const m = c.get('m');
  const fields: Field[] = [
    { name: 'reference', label: m.t('meetings.programme.reference'), dir: 'ltr', required: true },
    { name: 'title', label: m.t('meetings.programme.item'), type: 'textarea' },
    {
      name: 'area',
      label: m.t('meetings.programme.area'),
      type: 'select',
      options: programmeAreas.map((a) => ({ value: a, label: areaLabel(m, a) })),
    },
    {
      name: 'status',
      label: m.t('meetings.programme.status'),
      type: 'select',
      options: itemStatuses.map((s) => ({ value: s, label: statusLabel(m, s) })),
    },
    {
      name: 'links',
      label: m.t('meetings.programme.carriedOutBy'),
      type: 'textarea',
      dir: 'ltr',
      help: m.t('meetings.programme.linkHelp'),
    },
    { name: 'position', label: m.t('meetings.position'), type: 'number' },
    { name: 'confidentiality', label: m.t('meetings.confidentiality'), type: 'select', options: levels(m) },
  ];
  return render(
    c,
    { title, status },
    <RecordForm m={m} action={action} cancel={cancel} fields={fields} values={values} problems={problems} csrfToken={c.get('csrfToken')} />,
  );
}

export const itemInputOf = (v: Record<string, string>) => ({
  reference: v.reference ?? '',
  title: v.title ?? '',
  area: v.area ?? '',
  status: v.status || 'planned',
  links: parseLinks(v.links ?? ''),
  position: v.position || '0',
  confidentiality: v.confidentiality || 'public',
});

export const itemValues = (i: ItemRow) => ({
  reference: i.reference,
  title: i.title,
  area: i.area,
  status: i.status,
  links: i.links.map((l) => `${l.recordType}:${l.recordId}`).join('\n'),
  position: String(i.position),
  confidentiality: i.confidentiality,
  version: String(i.row_version),
});
