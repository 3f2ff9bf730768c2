// Offers of assistance: the public list (by area and provider) and one offer, with the request items
// it would suit best among the requests the reader may see.
import { TableRegion } from '../../../platform/ui/tables.tsx';
import type { FC } from 'hono/jsx';
import { CsrfField } from '../../../platform/http/layout.tsx';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import { type RankedItem, reasonsText } from '../matching/matching.ts';
import { FilterForm, FilterSelect } from '../form-parts.tsx';
import { codeList, type Names, providerHref, providerName, stateName } from '../labels.ts';
import type { ItemRow, OfferRow, RequestRow } from '../queries.ts';
import { offerProviderKey } from '../queries.ts';
import { areas, labelOf } from '../taxonomy.ts';

export interface OfferFilters {
  area: string;
  provider: string;
}

const period = (m: Messages, o: OfferRow) =>
  o.period_from || o.period_to
    ? m.t('assistance.offers.period', {
        from: o.period_from ? m.date(o.period_from, 'medium') : '…',
        to: o.period_to ? m.date(o.period_to, 'medium') : '…',
      })
    : m.t('assistance.offers.open');

export const OfferList: FC<{
  m: Messages;
  rows: OfferRow[];
  providers: string[];
  names: Names;
  filters: OfferFilters;
  mayCreate: boolean;
}> = ({ m, rows, providers, names, filters, mayCreate }) => {
  const base = `/${m.locale}/assistance/offers`;
  const providerOptions = providers.map((k) => [k, providerName(names, k)] as const).sort((a, b) => m.compare(a[1], b[1]));
  const areaOptions = areas.map((a) => [a, labelOf('area', a, m.locale)] as const);
  return (
    <>
      <p class="lead">{m.t('assistance.offers.intro')}</p>
      <p>
        <a href={`/${m.locale}/assistance`}>{m.t('assistance.backToHub')}</a>
      </p>
      {mayCreate && (
        <p>
          <a href={`${base}/new`}>{m.t('assistance.offers.new')}</a>
        </p>
      )}
      <FilterForm submit={m.t('assistance.filter')}>
        <FilterSelect
          id="offers-area"
          name="area"
          label={m.t('assistance.field.areas')}
          all={m.t('assistance.offers.allAreas')}
          options={areaOptions}
          selected={filters.area}
        />
        <FilterSelect
          id="offers-provider"
          name="provider"
          label={m.t('assistance.field.provider')}
          all={m.t('assistance.offers.allProviders')}
          options={providerOptions}
          selected={filters.provider}
        />
      </FilterForm>
      <p role="status" class="count">
        {m.t('assistance.offers.count', { count: rows.length })}
      </p>
      {rows.length ? (
        <TableRegion labelledBy="offers-caption">
          <table class="list">
            <caption id="offers-caption" class="visually-hidden">
              {m.t('assistance.offers.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{m.t('assistance.field.title')}</th>
                <th scope="col">{m.t('assistance.field.provider')}</th>
                <th scope="col">{m.t('assistance.field.areas')}</th>
                <th scope="col">{m.t('assistance.field.kinds')}</th>
                <th scope="col">{m.t('assistance.offers.languages')}</th>
                <th scope="col">{m.t('assistance.offers.periodHeading')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr>
                  <th scope="row">
                    <a href={`${base}/${o.id}`}>{o.title}</a>
                  </th>
                  <td>{providerName(names, offerProviderKey(o))}</td>
                  <td>{codeList(m, 'area', o.areas)}</td>
                  <td>{codeList(m, 'kind', o.kinds)}</td>
                  <td>{codeList(m, 'language', o.languages)}</td>
                  <td>{period(m, o)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>{m.t('assistance.offers.none')}</p>
      )}
    </>
  );
};

/** An item of a request ranked for an offer, with its request. */
export interface RankedView extends RankedItem {
  item: ItemRow;
  request: RequestRow;
}

export const OfferDetail: FC<{
  m: Messages;
  o: OfferRow;
  names: Names;
  ranked: RankedView[] | null;
  actions: { edit: boolean; archive: boolean; history: boolean };
  csrfToken: string;
}> = ({ m, o, names, ranked, actions, csrfToken }) => {
  const key = offerProviderKey(o);
  const base = `/${m.locale}/assistance/offers/${o.id}`;
  return (
    <>
      {o.archived_at && (
        <p class="notice" role="status">
          {m.t('record.archived', { date: m.date(o.archived_at) })}
        </p>
      )}
      <dl class="facts">
        <dt>{m.t('assistance.field.provider')}</dt>
        <dd>
          <a href={providerHref(m, key)}>{providerName(names, key)}</a>
        </dd>
        <dt>{m.t('assistance.field.areas')}</dt>
        <dd>{codeList(m, 'area', o.areas)}</dd>
        <dt>{m.t('assistance.field.weapons')}</dt>
        <dd>{codeList(m, 'weapon', o.weapons)}</dd>
        <dt>{m.t('assistance.field.paragraphs')}</dt>
        <dd>{codeList(m, 'paragraph', o.paragraphs)}</dd>
        <dt>{m.t('assistance.field.kinds')}</dt>
        <dd>{codeList(m, 'kind', o.kinds)}</dd>
        <dt>{m.t('assistance.field.regions')}</dt>
        <dd>{o.regions.length ? codeList(m, 'region', o.regions) : m.t('assistance.offers.allRegions')}</dd>
        <dt>{m.t('assistance.offers.languages')}</dt>
        <dd>{codeList(m, 'language', o.languages)}</dd>
        <dt>{m.t('assistance.offers.periodHeading')}</dt>
        <dd>{period(m, o)}</dd>
        {o.capacity && (
          <>
            <dt>{m.t('assistance.field.capacity')}</dt>
            <dd>{o.capacity}</dd>
          </>
        )}
        {(o.contact_name || o.contact_email) && (
          <>
            <dt>{m.t('assistance.form.contact')}</dt>
            <dd>
              {o.contact_name}
              {o.contact_email && (
                <>
                  {o.contact_name ? ' · ' : ''}
                  <a href={`mailto:${o.contact_email}`} dir="ltr">
                    {o.contact_email}
                  </a>
                </>
              )}
            </dd>
          </>
        )}
        <dt>{m.t('assistance.field.confidentiality')}</dt>
        <dd>{m.t(`documents.level.${o.confidentiality}`)}</dd>
      </dl>
      {o.description
        .split(/\n+/)
        .filter((line) => line.trim())
        .map((line) => (
          <p>{line}</p>
        ))}
      {o.programmes.length > 0 && (
        <>
          <h2>{m.t('assistance.field.programmes')}</h2>
          <ul>
            {o.programmes.map((g) => (
              <li>{g.url ? <a href={g.url}>{g.name}</a> : g.name}</li>
            ))}
          </ul>
        </>
      )}
      {o.source === 'illustrative' && <p class="help">{m.t('assistance.illustrative')}</p>}
      {(actions.edit || actions.archive || actions.history) && (
        <div class="actions">
          {actions.history && <a href={`${base}/history`}>{m.t('record.history')}</a>}
          {actions.edit && !o.archived_at && <a href={`${base}/edit`}>{m.t('record.edit')}</a>}
          {actions.archive && (
            <form method="post" action={`${base}/${o.archived_at ? 'restore' : 'archive'}`} class="inline">
              <CsrfField token={csrfToken} />
              <input type="hidden" name="version" value={String(o.row_version)} />
              <button type="submit" class="secondary">
                {o.archived_at ? m.t('record.restore') : m.t('record.archive')}
              </button>
            </form>
          )}
        </div>
      )}
      {ranked && (
        <>
          <h2 id="ranked-heading">{m.t('assistance.offers.ranked')}</h2>
          <p class="help">{m.t('assistance.offers.rankedHelp')}</p>
          {ranked.length ? (
            <ol class="ranked">
              {ranked.map((x) => (
                <li>
                  <p>
                    <a href={`/${m.locale}/assistance/requests/${x.request.id}`}>
                      {m.t('assistance.offers.rankedItem', {
                        state: stateName(names, x.request.state_iso3),
                        date: m.date(x.request.received_on, 'medium'),
                        n: x.item.position,
                      })}
                    </a>{' '}
                    · {m.t('assistance.matches.score', { score: m.number(x.score) })}
                  </p>
                  <p>{x.item.description}</p>
                  <p class="reasons">{reasonsText(x.reasons, m.locale, m)}</p>
                </li>
              ))}
            </ol>
          ) : (
            <p>{m.t('assistance.offers.noRanked')}</p>
          )}
        </>
      )}
    </>
  );
};
