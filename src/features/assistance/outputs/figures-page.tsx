// The figures of a year as a page: new requests against the year before, States, areas, providers.
import type { FC } from 'hono/jsx';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { TableRegion } from '../../../platform/ui/tables.tsx';
import { FilterForm, FilterSelect } from '../form-parts.tsx';
import { type Names, providerName, stateName, yearOptions } from '../labels.ts';
import { labelOf } from '../taxonomy.ts';
import { Head, OutputLinks } from './output-parts.tsx';
import type { AssistanceFigures } from './figures.ts';

export const FiguresPage: FC<{ m: Messages; f: AssistanceFigures; names: Names; years: number[]; csvHref: string; committee: boolean }> = ({
  m,
  f,
  names,
  years,
  csvHref,
  committee,
}) => {
  const seesItems = f.basis !== 'summaries';
  return (
    <>
      <OutputLinks m={m} here="figures" committee={committee} />
      <p class="lead">{m.t('assistance.out.figures.intro')}</p>
      <p class="notice">
        {f.basis === 'all'
          ? m.t('assistance.out.figures.basisAll')
          : f.basis === 'visible'
            ? m.t('assistance.out.figures.basisVisible')
            : m.t('assistance.out.figures.basisPublic')}
      </p>
      <FilterForm submit={m.t('assistance.out.show')}>
        <FilterSelect id="f-year" name="year" label={m.t('assistance.out.year')} options={yearOptions(years)} selected={String(f.year)} />
      </FilterForm>
      <p>
        <strong>
          {m.t('assistance.out.figures.headline', {
            year: String(f.year),
            count: f.newRequests,
            previousYear: String(f.previousYear),
            previous: f.newRequestsPreviousYear,
          })}
        </strong>
      </p>
      <TableRegion labelledBy="f-per-year">
        <table class="list">
          <caption id="f-per-year">{m.t('assistance.out.figures.perYear')}</caption>
          <Head m={m} columns={['assistance.out.year', 'assistance.out.figures.newRequests']} />
          <tbody>
            <tr>
              <th scope="row">{f.previousYear}</th>
              <td>{m.number(f.newRequestsPreviousYear)}</td>
            </tr>
            <tr>
              <th scope="row">{f.year}</th>
              <td>{m.number(f.newRequests)}</td>
            </tr>
          </tbody>
        </table>
      </TableRegion>
      {seesItems && <p>{m.t('assistance.out.figures.visits', { count: f.visitInvitations, year: String(f.year) })}</p>}
      <h2 id="f-states">{m.t('assistance.out.figures.states', { year: String(f.year) })}</h2>
      {f.states.length ? (
        <TableRegion labelledBy="f-states">
          <table class="list">
            <thead>
              <tr>
                <th scope="col">{m.t('assistance.out.state')}</th>
                <th scope="col">{m.t('assistance.out.figures.requests')}</th>
                {seesItems && <th scope="col">{m.t('assistance.out.items')}</th>}
              </tr>
            </thead>
            <tbody>
              {[...f.states]
                .sort((a, b) => b.requests - a.requests || m.compare(stateName(names, a.iso3), stateName(names, b.iso3)))
                .map((s) => (
                  <tr>
                    <th scope="row">
                      <a href={`/${m.locale}/states/${s.iso3}`}>{stateName(names, s.iso3)}</a>
                    </th>
                    <td>{m.number(s.requests)}</td>
                    {seesItems && <td>{m.number(s.items)}</td>}
                  </tr>
                ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>{m.t('assistance.out.figures.noRequests', { year: String(f.year) })}</p>
      )}
      <h2 id="f-areas">{m.t('assistance.out.figures.areas', { year: String(f.year) })}</h2>
      <TableRegion labelledBy="f-areas">
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{m.t('assistance.out.area')}</th>
              <th scope="col">{m.t('assistance.out.figures.requests')}</th>
              {seesItems && <th scope="col">{m.t('assistance.out.items')}</th>}
            </tr>
          </thead>
          <tbody>
            {f.areas.map((a) => (
              <tr>
                <th scope="row">{labelOf('area', a.area, m.locale)}</th>
                <td>{m.number(a.requests)}</td>
                {seesItems && <td>{m.number(a.items)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {seesItems && (
        <>
          <h2 id="f-providers">{m.t('assistance.out.figures.providers', { year: String(f.year) })}</h2>
          <p>{m.t('assistance.out.figures.delivered', { count: f.matchesDelivered, year: String(f.year) })}</p>
          {f.providers.length ? (
            <TableRegion labelledBy="f-providers">
              <table class="list">
                <Head
                  m={m}
                  columns={[
                    'assistance.out.provider',
                    'assistance.out.responses',
                    'assistance.out.itemsAnswered',
                    'assistance.out.figures.deliveredColumn',
                  ]}
                />
                <tbody>
                  {f.providers.map((p) => (
                    <tr>
                      <th scope="row">{providerName(names, p.provider)}</th>
                      <td>{m.number(p.responses)}</td>
                      <td>{m.number(p.itemsAnswered)}</td>
                      <td>{m.number(p.delivered)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          ) : (
            <p>{m.t('assistance.out.figures.noResponses', { year: String(f.year) })}</p>
          )}
        </>
      )}
      <p>
        <a href={csvHref}>{m.t('assistance.out.csv')}</a>
      </p>
    </>
  );
};
