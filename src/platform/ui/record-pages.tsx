// The pages every kept record has alike: its history, its edit form (GET and POST), archiving (asked first) and restoring.
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { recordHistory } from '../audit/history.ts';
import type { Writer } from '../bundle/record-section.ts';
import type { DB } from '../db/schema.ts';
import { AppError, type FieldProblem } from '../errors.ts';
import type { AppContextOf, AppEnv } from '../http/env.ts';
import { type FormBody, formBody, text } from '../http/forms.ts';
import { authorize } from '../http/guard.ts';
import { refusal, requiredVersion, type Status } from '../http/refusal.ts';
import { render } from '../http/render.tsx';
import { can, type RecordType, type Resource, visibilityScope } from '../policy/policy.ts';
import { HistoryList } from './history.tsx';
import { confirmFirst } from './record-actions.tsx';

export type KeptRecord = { id: string; row_version: number; archived_at: Date | null };

/** A form page to show: its title, where it posts, where Cancel leads, its values and their problems. */
export interface RecordForm<V> {
  title: string;
  action: string;
  cancel: string;
  values: V;
  problems: FieldProblem[];
  status: Status;
}

/** What a feature says of one kind of record for its shared pages: how to load, present, edit, archive and restore it. */
export interface RecordKind<R extends KeptRecord, V extends { version?: string }> {
  /** Its pages: `/{lang}{path}/{id}`. */
  path: string;
  /** Its type, as the audit events and the policy name it. */
  type: RecordType;
  /** The record as refusals name it: "no visit has the id …", "the editing of this visit". */
  noun: string;
  find(db: Kysely<DB>, id: string): Promise<R | undefined>;
  resource(row: R): Resource;
  /** Its name, in the history's and the archive confirmation's titles. */
  title(c: AppContextOf, row: R): string | Promise<string>;
  editTitle(c: AppContextOf, row: R): string;
  /** The edit form's values of a stored record, with its row version. */
  formOf(c: AppContextOf, row: R): V | Promise<V>;
  /** The edit form's values as posted. */
  valuesOf(body: FormBody): V;
  /** The write core's input of the form's values. */
  inputOf(values: V): object;
  /** Renders its form page. */
  form(c: AppContextOf, page: RecordForm<V>): Response | Promise<Response>;
  update(db: Kysely<DB>, by: Writer | null, id: string, version: number, input: object): Promise<unknown>;
  setArchived(db: Kysely<DB>, by: Writer | null, id: string, version: number, archived: boolean): Promise<unknown>;
  /** Whether it has a history page (`…/history`). */
  history: boolean;
  /** Whether an archived one can be restored (`…/restore`). */
  restore: boolean;
}

const dbOf = (c: AppContextOf) => c.get('app').database.db;

/** A record the viewer may see, or not found: a hidden record is not even said to exist. */
export async function visibleRecord<R extends KeptRecord, V extends { version?: string }>(
  kind: RecordKind<R, V>,
  c: AppContextOf,
): Promise<R> {
  const id = c.req.param('id') ?? '';
  const row = await kind.find(dbOf(c), id);
  if (!row || !can(c.get('viewer'), 'read', kind.resource(row)))
    throw new AppError('not-found', `no ${kind.noun} has the id ${id.slice(0, 40)}`);
  return row;
}

/**
 * The routes `{at}/:id/history`, `{at}/:id/edit` (GET, POST), `{at}/:id/archive` and `{at}/:id/restore`
 * of a kind, `at` relative to where the router is mounted (the record's pages are `/{lang}{kind.path}/{id}`).
 */
export function recordPages<R extends KeptRecord, V extends { version?: string }>(kind: RecordKind<R, V>, at: string) {
  const r = new Hono<AppEnv>();
  const page = (c: AppContextOf, row: R) => `/${c.get('m').locale}${kind.path}/${row.id}`;

  if (kind.history)
    r.get(`${at}/:id/history`, async (c) => {
      const m = c.get('m');
      const viewer = c.get('viewer');
      const row = await visibleRecord(kind, c);
      authorize(c, can(viewer, 'read-history', kind.resource(row)), `the history of this ${kind.noun}`);
      const events = await recordHistory(dbOf(c), visibilityScope(viewer), kind.type, row.id);
      return render(
        c,
        { title: m.t('history.titleOf', { name: await kind.title(c, row) }) },
        <HistoryList m={m} events={events} back={page(c, row)} />,
      );
    });

  r.get(`${at}/:id/edit`, async (c) => {
    const row = await visibleRecord(kind, c);
    authorize(c, can(c.get('viewer'), 'update', kind.resource(row)), `the editing of this ${kind.noun}`);
    const base = page(c, row);
    const values = await kind.formOf(c, row);
    return kind.form(c, { title: kind.editTitle(c, row), action: `${base}/edit`, cancel: base, values, problems: [], status: 200 });
  });

  r.post(`${at}/:id/edit`, async (c) => {
    const viewer = c.get('viewer');
    const row = await visibleRecord(kind, c);
    authorize(c, can(viewer, 'update', kind.resource(row)), `the editing of this ${kind.noun}`);
    const base = page(c, row);
    const values = kind.valuesOf(await formBody(c));
    try {
      await kind.update(dbOf(c), viewer, row.id, requiredVersion(values.version ?? ''), kind.inputOf(values));
      return c.redirect(base, 303);
    } catch (err) {
      const { status, problems } = refusal(err);
      // After a conflict the form carries the current version: saving again overwrites knowingly.
      const fresh =
        status === 409 ? { ...values, version: String((await kind.find(dbOf(c), row.id))?.row_version ?? values.version) } : values;
      return kind.form(c, { title: kind.editTitle(c, row), action: `${base}/edit`, cancel: base, values: fresh, problems, status });
    }
  });

  for (const archived of kind.restore ? [true, false] : [true])
    r.post(`${at}/:id/${archived ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const row = await visibleRecord(kind, c);
      authorize(
        c,
        can(viewer, archived ? 'archive' : 'restore', kind.resource(row)),
        `the archiving ${kind.restore ? 'or restoring ' : ''}of this ${kind.noun}`,
      );
      const body = await formBody(c);
      if (archived) {
        const m = c.get('m');
        const ask = await confirmFirst(c, body, {
          title: m.t('confirm.archive.title', { name: await kind.title(c, row) }),
          consequence: m.t('confirm.archive'),
          button: m.t('record.archive'),
          cancel: page(c, row),
        });
        if (ask) return ask;
      }
      await kind.setArchived(dbOf(c), viewer, row.id, requiredVersion(text(body, 'version')), archived);
      return c.redirect(page(c, row), 303);
    });

  return r;
}
