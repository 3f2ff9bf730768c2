import { Hono } from 'hono';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { type FormBody, formBody, text, texts } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { pick } from '../../platform/i18n/locales.ts';
import { can, type Viewer } from '../../platform/policy/policy.ts';
import { listStates } from '../member-states/index.ts';
import {
  archiveCourse,
  archiveVisit,
  type CourseInput,
  createCourse,
  createVisit,
  updateCourse,
  updateVisit,
  type VisitInput,
} from './commands.ts';
import { documentsLinkedTo } from '../documents/index.ts';
import { type CourseRow, courseResource, findCourse, findVisit, type VisitRow, visitResource } from './engagement.ts';
import { courseFor, visitFor } from './present.ts';
import {
  CourseDetail,
  CourseForm,
  type CourseFormValues,
  courseFormValues,
  emptyCourse,
  emptyVisit,
  kindKeys,
  VisitDetail,
  VisitForm,
  type VisitFormValues,
  visitFormValues,
} from './pages.tsx';

const splitCodes = (value: string) => value.split(/[\s,;]+/).filter(Boolean);

function visitValuesOf(body: FormBody): VisitFormValues {
  const field = (name: keyof VisitFormValues) => text(body, name);
  return {
    stateIso3: field('stateIso3'),
    kind: field('kind'),
    status: field('status'),
    startsOn: field('startsOn'),
    endsOn: field('endsOn'),
    purposes: texts(body, 'purposes'),
    statesInvolved: field('statesInvolved'),
    organizationsInvolved: field('organizationsInvolved'),
    supportingOrganizations: field('supportingOrganizations'),
    whoWent: field('whoWent'),
    partner: field('partner'),
    place: field('place'),
    note: field('note'),
    confidentiality: field('confidentiality'),
    version: field('version'),
  };
}

function visitInput(v: VisitFormValues): VisitInput {
  return {
    ...v,
    statesInvolved: splitCodes(v.statesInvolved),
    organizationsInvolved: splitCodes(v.organizationsInvolved),
    supportingOrganizations: splitCodes(v.supportingOrganizations),
  };
}

function courseValuesOf(body: FormBody): CourseFormValues {
  const field = (name: keyof CourseFormValues) => text(body, name);
  return {
    title: field('title'),
    status: field('status'),
    startsOn: field('startsOn'),
    endsOn: field('endsOn'),
    place: field('place'),
    region: field('region'),
    hostOrganizations: field('hostOrganizations'),
    supportingOrganizations: field('supportingOrganizations'),
    participatingStates: field('participatingStates'),
    teachers: field('teachers'),
    teachingOrganizations: field('teachingOrganizations'),
    confidentiality: field('confidentiality'),
    version: field('version'),
  };
}

function courseInput(v: CourseFormValues): CourseInput {
  return {
    ...v,
    hostOrganizations: splitCodes(v.hostOrganizations),
    supportingOrganizations: splitCodes(v.supportingOrganizations),
    participatingStates: splitCodes(v.participatingStates),
    teachingOrganizations: splitCodes(v.teachingOrganizations),
  };
}

/** The row version a form was made on; a missing or mangled one is a problem of the field `version`. */
function versionOf(values: { version: string }): number {
  const n = Number(values.version);
  if (!/^\d{1,9}$/.test(values.version) || !Number.isInteger(n))
    throw new AppError('validation', 'version: is missing', { fields: [{ field: 'version', problem: 'is missing: reload the form' }] });
  return n;
}

async function stateNames(c: AppContextOf) {
  const m = c.get('m');
  const states = await listStates(c.get('app').database.db, {});
  const names = new Map(states.map((s) => [s.iso3, pick(s.names, m.locale)]));
  const options = [...names].map(([iso3, name]) => ({ iso3, name })).sort((a, b) => m.compare(a.name, b.name));
  return { name: (iso3: string) => names.get(iso3) ?? iso3, options };
}

/** A visit the viewer may see, or not found: a hidden visit is not even said to exist. */
async function visibleVisit(c: AppContextOf): Promise<VisitRow> {
  const id = c.req.param('id') ?? '';
  const v = await findVisit(c.get('app').database.db, id);
  if (!v || !can(c.get('viewer'), 'read', visitResource(v))) throw new AppError('not-found', `no visit has the id ${id.slice(0, 40)}`);
  return v;
}

async function visibleCourse(c: AppContextOf): Promise<CourseRow> {
  const id = c.req.param('id') ?? '';
  const x = await findCourse(c.get('app').database.db, id);
  if (!x || !can(c.get('viewer'), 'read', courseResource(x))) throw new AppError('not-found', `no course has the id ${id.slice(0, 40)}`);
  return x;
}

const mayCreate = (viewer: Viewer | null, type: 'visit' | 'course') =>
  can(viewer, 'create', { type, confidentiality: 'public', stateIso3: null });

/** Re-shows a form after a refusal: 422 with the problems of each field, 409 when someone changed the record since. */
function refused(err: unknown): { status: 409 | 422; problems: FieldProblem[] } {
  if (err instanceof AppError && err.code === 'validation') return { status: 422, problems: err.fields };
  if (err instanceof AppError && err.code === 'conflict') return { status: 409, problems: [{ field: 'version', problem: err.message }] };
  throw err;
}

/** /{lang}/visits/new, /{lang}/visits/:id (+ /edit, /archive) and the same for courses. */
export function engagementFormRoutes() {
  const r = new Hono<AppEnv>();

  // ---- Visits

  const visitFormPage = async (
    c: AppContextOf,
    title: string,
    action: string,
    cancel: string,
    values: VisitFormValues,
    problems: FieldProblem[],
    status: 200 | 409 | 422,
  ) => {
    const m = c.get('m');
    const { options } = await stateNames(c);
    return render(
      c,
      { title, status },
      <VisitForm
        m={m}
        action={action}
        cancel={cancel}
        values={values}
        problems={problems}
        csrfToken={c.get('csrfToken')}
        states={options}
      />,
    );
  };

  r.get('/visits/new', async (c) => {
    const m = c.get('m');
    authorize(c, mayCreate(c.get('viewer'), 'visit'), 'the recording of visits');
    return visitFormPage(c, m.t('engagement.newVisit'), `/${m.locale}/visits/new`, `/${m.locale}/visits`, emptyVisit, [], 200);
  });

  r.post('/visits/new', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, mayCreate(viewer, 'visit'), 'the recording of visits');
    const values = visitValuesOf(await formBody(c));
    try {
      const v = await createVisit(c.get('app').database.db, viewer, visitInput(values));
      return c.redirect(`/${m.locale}/visits/${v.id}`, 303);
    } catch (err) {
      const { status, problems } = refused(err);
      return visitFormPage(c, m.t('engagement.newVisit'), `/${m.locale}/visits/new`, `/${m.locale}/visits`, values, problems, status);
    }
  });

  r.get('/visits/:id', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const v = await visibleVisit(c);
    const { name } = await stateNames(c);
    const documents = await documentsLinkedTo(c.get('app').database.db, viewer, 'visit', v.id);
    return render(
      c,
      { title: m.t('engagement.visitTitle', { kind: m.t(kindKeys[v.kind]), state: name(v.state_iso3) }) },
      <VisitDetail
        m={m}
        visit={await visitFor(c.get('app').database.db, viewer, v)}
        name={name}
        documents={documents}
        csrfToken={c.get('csrfToken')}
        actions={{ edit: can(viewer, 'update', visitResource(v)), archive: can(viewer, 'archive', visitResource(v)) }}
      />,
    );
  });

  r.get('/visits/:id/edit', async (c) => {
    const m = c.get('m');
    const v = await visibleVisit(c);
    authorize(c, can(c.get('viewer'), 'update', visitResource(v)), 'the editing of this visit');
    const base = `/${m.locale}/visits/${v.id}`;
    return visitFormPage(c, m.t('engagement.editVisit'), `${base}/edit`, base, visitFormValues(v), [], 200);
  });

  r.post('/visits/:id/edit', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const v = await visibleVisit(c);
    authorize(c, can(viewer, 'update', visitResource(v)), 'the editing of this visit');
    const base = `/${m.locale}/visits/${v.id}`;
    const values = visitValuesOf(await formBody(c));
    try {
      await updateVisit(c.get('app').database.db, viewer, v.id, versionOf(values), visitInput(values));
      return c.redirect(base, 303);
    } catch (err) {
      const { status, problems } = refused(err);
      // After a conflict the form carries the current version: saving again overwrites knowingly.
      const fresh =
        status === 409
          ? { ...values, version: String((await findVisit(c.get('app').database.db, v.id))?.row_version ?? values.version) }
          : values;
      return visitFormPage(c, m.t('engagement.editVisit'), `${base}/edit`, base, fresh, problems, status);
    }
  });

  r.post('/visits/:id/archive', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const v = await visibleVisit(c);
    authorize(c, can(viewer, 'archive', visitResource(v)), 'the archiving of this visit');
    const version = versionOf({ version: text(await formBody(c), 'version') });
    await archiveVisit(c.get('app').database.db, viewer, v.id, version);
    return c.redirect(`/${m.locale}/visits/${v.id}`, 303);
  });

  // ---- Courses

  const courseFormPage = (
    c: AppContextOf,
    title: string,
    action: string,
    cancel: string,
    values: CourseFormValues,
    problems: FieldProblem[],
    status: 200 | 409 | 422,
  ) => {
    const m = c.get('m');
    return render(
      c,
      { title, status },
      <CourseForm m={m} action={action} cancel={cancel} values={values} problems={problems} csrfToken={c.get('csrfToken')} />,
    );
  };

  r.get('/courses/new', async (c) => {
    const m = c.get('m');
    authorize(c, mayCreate(c.get('viewer'), 'course'), 'the recording of courses');
    return courseFormPage(c, m.t('engagement.newCourse'), `/${m.locale}/courses/new`, `/${m.locale}/courses`, emptyCourse, [], 200);
  });

  r.post('/courses/new', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, mayCreate(viewer, 'course'), 'the recording of courses');
    const values = courseValuesOf(await formBody(c));
    try {
      const x = await createCourse(c.get('app').database.db, viewer, courseInput(values));
      return c.redirect(`/${m.locale}/courses/${x.id}`, 303);
    } catch (err) {
      const { status, problems } = refused(err);
      return courseFormPage(c, m.t('engagement.newCourse'), `/${m.locale}/courses/new`, `/${m.locale}/courses`, values, problems, status);
    }
  });

  r.get('/courses/:id', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const x = await visibleCourse(c);
    const { name } = await stateNames(c);
    const documents = await documentsLinkedTo(c.get('app').database.db, viewer, 'course', x.id);
    return render(
      c,
      { title: x.title },
      <CourseDetail
        m={m}
        course={await courseFor(c.get('app').database.db, viewer, x)}
        name={name}
        documents={documents}
        csrfToken={c.get('csrfToken')}
        actions={{ edit: can(viewer, 'update', courseResource(x)), archive: can(viewer, 'archive', courseResource(x)) }}
      />,
    );
  });

  r.get('/courses/:id/edit', async (c) => {
    const m = c.get('m');
    const x = await visibleCourse(c);
    authorize(c, can(c.get('viewer'), 'update', courseResource(x)), 'the editing of this course');
    const base = `/${m.locale}/courses/${x.id}`;
    return courseFormPage(c, m.t('engagement.editCourse'), `${base}/edit`, base, courseFormValues(x), [], 200);
  });

  r.post('/courses/:id/edit', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const x = await visibleCourse(c);
    authorize(c, can(viewer, 'update', courseResource(x)), 'the editing of this course');
    const base = `/${m.locale}/courses/${x.id}`;
    const values = courseValuesOf(await formBody(c));
    try {
      await updateCourse(c.get('app').database.db, viewer, x.id, versionOf(values), courseInput(values));
      return c.redirect(base, 303);
    } catch (err) {
      const { status, problems } = refused(err);
      const fresh =
        status === 409
          ? { ...values, version: String((await findCourse(c.get('app').database.db, x.id))?.row_version ?? values.version) }
          : values;
      return courseFormPage(c, m.t('engagement.editCourse'), `${base}/edit`, base, fresh, problems, status);
    }
  });

  r.post('/courses/:id/archive', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const x = await visibleCourse(c);
    authorize(c, can(viewer, 'archive', courseResource(x)), 'the archiving of this course');
    const version = versionOf({ version: text(await formBody(c), 'version') });
    await archiveCourse(c.get('app').database.db, viewer, x.id, version);
    return c.redirect(`/${m.locale}/courses/${x.id}`, 303);
  });

  return r;
}
