import type { FC } from 'hono/jsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { FilterForm, SelectField } from '../../platform/ui/forms.tsx';
import { ListTable, TableRegion } from '../../platform/ui/tables.tsx';
import type { CourseRow, VisitRow } from './engagement.ts';
import { dates, kindKeys, type Names, purposeKeys, statusKeys } from './labels.ts';

// The lists of visits and of courses: rendering only, what the reader may see was decided by the route.

const When: FC<{ m: Messages; r: { starts_on: string; ends_on: string | null; status: string } }> = ({ m, r }) => (
  <>
    {dates(m, r.starts_on, r.ends_on)}
    {r.status === 'planned' ? ` (${m.t(statusKeys.planned)})` : ''}
  </>
);

const NewLink: FC<{ href: string | null; label: string }> = ({ href, label }) =>
  href ? (
    <p>
      <a href={href}>{label}</a>
    </p>
  ) : null;

export const VisitList: FC<{
  m: Messages;
  visits: VisitRow[];
  year: number | undefined;
  counts: { year: number; count: number }[];
  name: Names;
  /** The form of a new visit, for those who may record one. */
  newHref: string | null;
}> = ({ m, visits, year, counts, name, newHref }) => (
  <>
    <NewLink href={newHref} label={m.t('engagement.newVisit')} />
    <FilterForm submit={m.t('engagement.filter')}>
      <SelectField
        name="year"
        label={m.t('engagement.year')}
        all={m.t('engagement.allYears')}
        value={year ? String(year) : ''}
        options={counts.map((y) => ({ value: String(y.year), label: y.year }))}
      />
    </FilterForm>
    <p role="status" class="count">
      {m.t('engagement.visitsCount', { count: m.number(visits.length) })}
    </p>
    {visits.length ? (
      <ListTable
        id="visits"
        caption={m.t('engagement.visitsTitle')}
        columns={[
          m.t('engagement.state'),
          m.t('engagement.kind'),
          m.t('engagement.dates'),
          m.t('engagement.purposes'),
          m.t('engagement.involved'),
          m.t('engagement.partner'),
          m.t('engagement.whoWent'),
          m.t('engagement.note'),
        ]}
      >
        {visits.map((v) => (
          <tr>
            <th scope="row">
              <a href={`/${m.locale}/states/${v.state_iso3}`}>{name(v.state_iso3)}</a>
            </th>
            <td>
              <a href={`/${m.locale}/visits/${v.id}`}>{m.t(kindKeys[v.kind])}</a>
            </td>
            <td>
              <When m={m} r={v} />
            </td>
            <td>{m.list(v.purposes.map((p) => m.t(purposeKeys[p])))}</td>
            <td>{m.list([...v.states_involved.map(name), ...v.organizations_involved, ...v.supporting_organizations])}</td>
            <td>{v.partner}</td>
            <td>{v.who_went}</td>
            <td>{[v.place, v.note].filter(Boolean).join(': ')}</td>
          </tr>
        ))}
      </ListTable>
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
  </>
);

export const CourseList: FC<{ m: Messages; courses: CourseRow[]; name: Names; newHref: string | null }> = ({
  m,
  courses,
  name,
  newHref,
}) => (
  <>
    <NewLink href={newHref} label={m.t('engagement.newCourse')} />
    {courses.length ? (
      <ListTable
        id="courses"
        caption={m.t('engagement.coursesTitle')}
        columns={[
          m.t('engagement.course'),
          m.t('engagement.dates'),
          m.t('engagement.place'),
          m.t('engagement.region'),
          m.t('engagement.hosts'),
          m.t('engagement.participants'),
          m.t('engagement.teachers'),
        ]}
      >
        {courses.map((x) => (
          <tr>
            <th scope="row">
              <a href={`/${m.locale}/courses/${x.id}`}>{x.title}</a>
            </th>
            <td>
              <When m={m} r={x} />
            </td>
            <td>{x.place}</td>
            <td>{x.region}</td>
            <td>{m.list([...x.host_organizations, ...x.supporting_organizations])}</td>
            <td>{m.list(x.participating_states.map(name))}</td>
            <td>{[x.teachers, m.list(x.teaching_organizations)].filter(Boolean).join(' · ')}</td>
          </tr>
        ))}
      </ListTable>
    ) : (
      <p>{m.t('engagement.noCourses')}</p>
    )}
  </>
);
