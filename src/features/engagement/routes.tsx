import { csvHeader, csvResponse } from '../../platform/formats/csv.ts';
import { todayIso } from '../../platform/values/dates.ts';
import { Hono } from 'hono';
import { AppError } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { render } from '../../platform/http/render.tsx';
import { pick } from '../../platform/i18n/locales.ts';
import { can } from '../../platform/policy/policy.ts';
import { listStates } from '../member-states/index.ts';
import { listCourses, listVisits, perYear } from './engagement.ts';
import { coursesFor, visitsFor } from './present.ts';
import { engagementRecordRoutes } from './record-routes.tsx';
import { kindKeys } from './labels.ts';
import { CourseList, VisitList } from './list-pages.tsx';

function yearParam(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (!/^\d{4}$/.test(value) || Number(value) < 2004 || Number(value) > 2100)
    throw new AppError('bad-request', 'year: must be a year from 2004 (YYYY)', {
      fields: [{ field: 'year', problem: 'must be a year from 2004' }],
    });
  return Number(value);
}

/** /{lang}/visits and /{lang}/courses. */
export function engagementWebRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/visits', async (c) => {
    const m = c.get('m');
    const db = c.get('app').database.db;
    const year = yearParam(c.req.query('year'));
    const [all, states] = await Promise.all([
      listVisits(db, c.get('viewer')).then((rows) => visitsFor(db, c.get('viewer'), rows)),
      listStates(db, {}),
    ]);
    const names = new Map(states.map((s) => [s.iso3, pick(s.names, m.locale)]));
    const name = (iso3: string) => names.get(iso3) ?? iso3;
    const visits = year ? all.filter((v) => v.starts_on.startsWith(`${year}-`)) : all;
    const lastYear = Number(todayIso().slice(0, 4));
    const firstYear = all.length ? Math.min(...all.map((v) => Number(v.starts_on.slice(0, 4)))) : lastYear;
    const counts = perYear(all, firstYear, lastYear);
    const newHref = can(c.get('viewer'), 'create', { type: 'visit', confidentiality: 'public' }) ? `/${m.locale}/visits/new` : null;
    return render(
      c,
      { title: m.t('engagement.visitsTitle') },
      <VisitList m={m} visits={visits} year={year} counts={counts} name={name} newHref={newHref} />,
    );
  });

  // Visits per year as CSV (item 9): the visits that took place, of every kind and of each kind.
  r.get('/visits/per-year.csv', async (c) => {
    const all = await listVisits(c.get('app').database.db, c.get('viewer'));
    // From 2004, the Committee's first year, as the API counts: the same rows whatever the viewer may see.
    const firstYear = 2004;
    const lastYear = Number(todayIso().slice(0, 4));
    const kinds = Object.keys(kindKeys) as (keyof typeof kindKeys)[];
    const byKind = kinds.map((k) =>
      perYear(
        all.filter((v) => v.kind === k),
        firstYear,
        lastYear,
      ),
    );
    // The header row in the reader's language, as the page names the columns; ?header=machine keeps the stable codes.
    const m = c.get('m');
    return csvResponse(c, 'visits-per-year.csv', [
      csvHeader(c, [m.t('engagement.year'), m.t('engagement.count'), ...kinds.map((k) => m.t(kindKeys[k]))], ['year', 'visits', ...kinds]),
      ...perYear(all, firstYear, lastYear).map((y, i) => [y.year, y.count, ...byKind.map((k) => k[i]!.count)]),
    ]);
  });

  r.get('/courses', async (c) => {
    const m = c.get('m');
    const db = c.get('app').database.db;
    const [courses, states] = await Promise.all([
      listCourses(db, c.get('viewer'), yearParam(c.req.query('year'))).then((rows) => coursesFor(db, c.get('viewer'), rows)),
      listStates(db, {}),
    ]);
    const names = new Map(states.map((s) => [s.iso3, pick(s.names, m.locale)]));
    const newHref = can(c.get('viewer'), 'create', { type: 'course', confidentiality: 'public' }) ? `/${m.locale}/courses/new` : null;
    return render(
      c,
      { title: m.t('engagement.coursesTitle') },
      <CourseList m={m} courses={courses} name={(iso3) => names.get(iso3) ?? iso3} newHref={newHref} />,
    );
  });

  r.route('/', engagementRecordRoutes());
  return r;
}
