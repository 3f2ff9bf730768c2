import { TableRegion } from '../../platform/ui/tables.tsx';
import { csvResponse } from '../../platform/formats/csv.ts';
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
import { engagementFormRoutes } from './form-routes.tsx';
import { dates, kindKeys, purposeKeys, statusKeys } from './pages.tsx';

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
    return render(
      c,
      { title: m.t('engagement.visitsTitle') },
      <>
        {can(c.get('viewer'), 'create', { type: 'visit', confidentiality: 'public' }) && (
          <p>
            <a href={`/${m.locale}/visits/new`}>{m.t('engagement.newVisit')}</a>
          </p>
        )}
        <search>
          <form method="get" class="filters">
            <div class="field">
              <label for="year">{m.t('engagement.year')}</label>
              <select id="year" name="year">
                <option value="">{m.t('engagement.allYears')}</option>
                {counts.map((y) => (
                  <option value={String(y.year)} selected={year === y.year}>
                    {y.year}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">{m.t('engagement.filter')}</button>
          </form>
        </search>
        <p role="status" class="count">
          {m.t('engagement.visitsCount', { count: m.number(visits.length) })}
        </p>
        {visits.length ? (
          <TableRegion labelledBy="visits-caption">
            <table class="list">
              <caption id="visits-caption" class="visually-hidden">
                {m.t('engagement.visitsTitle')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{m.t('engagement.state')}</th>
                  <th scope="col">{m.t('engagement.kind')}</th>
                  <th scope="col">{m.t('engagement.dates')}</th>
                  <th scope="col">{m.t('engagement.purposes')}</th>
                  <th scope="col">{m.t('engagement.involved')}</th>
                  <th scope="col">{m.t('engagement.partner')}</th>
                  <th scope="col">{m.t('engagement.whoWent')}</th>
                  <th scope="col">{m.t('engagement.note')}</th>
                </tr>
              </thead>
              <tbody>
                {visits.map((v) => (
                  <tr>
                    <th scope="row">
                      <a href={`/${m.locale}/states/${v.state_iso3}`}>{name(v.state_iso3)}</a>
                    </th>
                    <td>
                      <a href={`/${m.locale}/visits/${v.id}`}>{m.t(kindKeys[v.kind])}</a>
                    </td>
                    <td>
                      {dates(m, v.starts_on, v.ends_on)}
                      {v.status === 'planned' ? ` (${m.t(statusKeys.planned)})` : ''}
                    </td>
                    <td>{m.list(v.purposes.map((p) => m.t(purposeKeys[p])))}</td>
                    <td>{m.list([...v.states_involved.map(name), ...v.organizations_involved, ...v.supporting_organizations])}</td>
                    <td>{v.partner}</td>
                    <td>{v.who_went}</td>
                    <td>{[v.place, v.note].filter(Boolean).join(': ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : (
          <p>{m.t('engagement.noVisits')}</p>
        )}
        <h2 id="visits-per-year">{m.t('engagement.perYear')}</h2>
        <TableRegion labelledBy="visits-per-year">
          <table class="list">
            <thead>
              <tr>
                <th scope="col">{m.t('engagement.year')}</th>
                <th scope="col">{m.t('engagement.count')}</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((y) => (
                <tr>
                  <th scope="row">{y.year}</th>
                  <td>{m.number(y.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <p>
          <a href={`/${m.locale}/visits/per-year.csv`}>{m.t('engagement.perYearCsv')}</a>
        </p>
      </>,
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
    return csvResponse(c, 'visits-per-year.csv', [
      ['year', 'visits', ...kinds],
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
    const mayRecord = can(c.get('viewer'), 'create', { type: 'course', confidentiality: 'public' });
    return render(
      c,
      { title: m.t('engagement.coursesTitle') },
      <>
        {mayRecord && (
          <p>
            <a href={`/${m.locale}/courses/new`}>{m.t('engagement.newCourse')}</a>
          </p>
        )}
        {courses.length ? (
          <TableRegion labelledBy="courses-caption">
            <table class="list">
              <caption id="courses-caption" class="visually-hidden">
                {m.t('engagement.coursesTitle')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{m.t('engagement.course')}</th>
                  <th scope="col">{m.t('engagement.dates')}</th>
                  <th scope="col">{m.t('engagement.place')}</th>
                  <th scope="col">{m.t('engagement.region')}</th>
                  <th scope="col">{m.t('engagement.hosts')}</th>
                  <th scope="col">{m.t('engagement.participants')}</th>
                  <th scope="col">{m.t('engagement.teachers')}</th>
                </tr>
              </thead>
              <tbody>
                {courses.map((x) => (
                  <tr>
                    <th scope="row">
                      <a href={`/${m.locale}/courses/${x.id}`}>{x.title}</a>
                    </th>
                    <td>
                      {dates(m, x.starts_on, x.ends_on)}
                      {x.status === 'planned' ? ` (${m.t(statusKeys.planned)})` : ''}
                    </td>
                    <td>{x.place}</td>
                    <td>{x.region}</td>
                    <td>{m.list([...x.host_organizations, ...x.supporting_organizations])}</td>
                    <td>{m.list(x.participating_states.map((s) => names.get(s) ?? s))}</td>
                    <td>{[x.teachers, m.list(x.teaching_organizations)].filter(Boolean).join(' · ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : (
          <p>{m.t('engagement.noCourses')}</p>
        )}
      </>,
    );
  });

  r.route('/', engagementFormRoutes());
  return r;
}
