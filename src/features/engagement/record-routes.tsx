// The pages of one visit or course: new, detail, edit and archive.
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/bundle/record-section.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { type FormBody, formBody } from '../../platform/http/forms.ts';
import { type RecordForm, type RecordKind, recordPages, visibleRecord } from '../../platform/ui/record-pages.tsx';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { pick } from '../../platform/i18n/locales.ts';
import { can, type Resource, type Viewer } from '../../platform/policy/policy.ts';
import { documentsLinkedTo } from '../documents/index.ts';
import { listStates } from '../member-states/index.ts';
import { refusal } from '../reports/index.ts';
import { archiveCourse, archiveVisit, createCourse, createVisit, updateCourse, updateVisit } from './commands.ts';
import { type CourseRow, courseResource, findCourse, findVisit, type VisitRow, visitResource } from './engagement.ts';
import {
  type CourseFormValues,
  courseFormValues,
  courseInputOf,
  courseValuesOf,
  emptyCourse,
  emptyVisit,
  type VisitFormValues,
  visitFormValues,
  visitInputOf,
  visitValuesOf,
} from './form-values.ts';
import { CourseForm, type FormProps, VisitForm } from './forms.tsx';
import { kindKeys, type Names } from './labels.ts';
import { courseFor, visitFor } from './present.ts';
import { CourseDetail, type DetailProps, VisitDetail } from './record-pages.tsx';

type Db = Kysely<DB>;

/** What the pages of a visit and of a course do alike, and what each does its own way. */
interface RecordPages<R extends VisitRow | CourseRow, V extends { version: string }> {
  /** Its addresses: `/{lang}/visits/{id}`. */
  path: 'visits' | 'courses';
  type: 'visit' | 'course';
  find(db: Db, id: string): Promise<R | undefined>;
  resource(row: R): Resource;
  /** The row as the reader sees it. */
  seen(db: Db, viewer: Viewer | null, row: R): Promise<R>;
  title(c: AppContextOf, row: R, name: Names): string;
  newTitle: 'engagement.newVisit' | 'engagement.newCourse';
  editTitle: 'engagement.editVisit' | 'engagement.editCourse';
  blank: V;
  valuesOf(body: FormBody): V;
  formOf(row: R): V;
  inputOf(values: V): object;
  Form: FC<FormProps<V>>;
  Detail: FC<DetailProps<R>>;
  create(db: Db, by: Writer | null, input: object): Promise<R>;
  update(db: Db, by: Writer | null, id: string, version: number, input: object): Promise<R>;
  archive(db: Db, by: Writer | null, id: string, version: number): Promise<R>;
}

const visitPages: RecordPages<VisitRow, VisitFormValues> = {
  path: 'visits',
  type: 'visit',
  find: findVisit,
  resource: visitResource,
  seen: visitFor,
  title: (c, v, name) => c.get('m').t('engagement.visitTitle', { kind: c.get('m').t(kindKeys[v.kind]), state: name(v.state_iso3) }),
  newTitle: 'engagement.newVisit',
  editTitle: 'engagement.editVisit',
  blank: emptyVisit,
  valuesOf: visitValuesOf,
  formOf: visitFormValues,
  inputOf: visitInputOf,
  Form: VisitForm,
  Detail: VisitDetail,
  create: createVisit,
  update: updateVisit,
  archive: archiveVisit,
};

const coursePages: RecordPages<CourseRow, CourseFormValues> = {
  path: 'courses',
  type: 'course',
  find: findCourse,
  resource: courseResource,
  seen: courseFor,
  title: (_c, x) => x.title,
  newTitle: 'engagement.newCourse',
  editTitle: 'engagement.editCourse',
  blank: emptyCourse,
  valuesOf: courseValuesOf,
  formOf: courseFormValues,
  inputOf: courseInputOf,
  Form: CourseForm,
  Detail: CourseDetail,
  create: createCourse,
  update: updateCourse,
  archive: archiveCourse,
};

/** The names of the States in the reader's language, and the choice of them a form offers. */
async function stateNames(c: AppContextOf) {
  const m = c.get('m');
  const states = await listStates(c.get('app').database.db, {});
  const names = new Map(states.map((s) => [s.iso3, pick(s.names, m.locale)]));
  const options = [...names].map(([iso3, name]) => ({ iso3, name })).sort((a, b) => m.compare(a.name, b.name));
  return { name: (iso3: string) => names.get(iso3) ?? iso3, options };
}

function recordRoutes<R extends VisitRow | CourseRow, V extends { version: string }>(kind: RecordPages<R, V>) {
  const r = new Hono<AppEnv>();
  const { path, type } = kind;

  const formPage = async (c: AppContextOf, p: RecordForm<V>) => {
    const m = c.get('m');
    // Only a visit's form offers the States to choose from.
    const states = type === 'visit' ? (await stateNames(c)).options : [];
    return render(
      c,
      { title: p.title, status: p.status },
      <kind.Form
        m={m}
        action={p.action}
        cancel={p.cancel}
        values={p.values}
        problems={p.problems}
        csrfToken={c.get('csrfToken')}
        states={states}
      />,
    );
  };

  const shared: RecordKind<R, V> = {
    path: `/${path}`,
    type,
    noun: type,
    find: kind.find,
    resource: kind.resource,
    title: async (c, row) => kind.title(c, row, (await stateNames(c)).name),
    editTitle: (c) => c.get('m').t(kind.editTitle),
    formOf: (_c, row) => kind.formOf(row),
    valuesOf: kind.valuesOf,
    inputOf: kind.inputOf,
    form: formPage,
    update: kind.update,
    setArchived: (db, by, id, version) => kind.archive(db, by, id, version),
    history: false,
    restore: false,
  };
  const newForm = (c: AppContextOf) => {
    const m = c.get('m');
    return { title: m.t(kind.newTitle), action: `/${m.locale}/${path}/new`, cancel: `/${m.locale}/${path}` };
  };

  const mayCreate = (c: AppContextOf) =>
    authorize(c, can(c.get('viewer'), 'create', { type, confidentiality: 'public', stateIso3: null }), `the recording of ${type}s`);

  r.get(`/${path}/new`, async (c) => {
    mayCreate(c);
    return formPage(c, { ...newForm(c), values: kind.blank, problems: [], status: 200 });
  });

  r.post(`/${path}/new`, async (c) => {
    const m = c.get('m');
    mayCreate(c);
    const values = kind.valuesOf(await formBody(c));
    try {
      const made = await kind.create(c.get('app').database.db, c.get('viewer'), kind.inputOf(values));
      return c.redirect(`/${m.locale}/${path}/${made.id}`, 303);
    } catch (err) {
      const { status, problems } = refusal(err);
      return formPage(c, { ...newForm(c), values, problems, status });
    }
  });

  r.get(`/${path}/:id`, async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const row = await visibleRecord(shared, c);
    const db = c.get('app').database.db;
    const { name } = await stateNames(c);
    return render(
      c,
      { title: kind.title(c, row, name) },
      <kind.Detail
        m={m}
        record={await kind.seen(db, viewer, row)}
        name={name}
        documents={await documentsLinkedTo(db, viewer, type, row.id)}
        csrfToken={c.get('csrfToken')}
        actions={{ edit: can(viewer, 'update', kind.resource(row)), archive: can(viewer, 'archive', kind.resource(row)) }}
      />,
    );
  });

  r.route('/', recordPages(shared, `/${path}`));
  return r;
}

/** /{lang}/visits/new, /{lang}/visits/:id (+ /edit, /archive) and the same for courses. */
export function engagementRecordRoutes() {
  const r = new Hono<AppEnv>();
  r.route('/', recordRoutes(visitPages));
  r.route('/', recordRoutes(coursePages));
  return r;
}
