// `/{lang}/assistance/offers…`: the public list, one offer (with the request items it suits among
// those the reader may see), the form (new, edit), archive and restore, history.
import { Hono } from 'hono';
import { AppError, type FieldProblem, invalid } from '../../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../../platform/http/env.ts';
import { formBody } from '../../../platform/http/forms.ts';
import { confirmFirst } from '../../../platform/ui/record-actions.tsx';
import { authorize } from '../../../platform/http/guard.ts';
import { render } from '../../../platform/http/render.tsx';
import { can, providerKeyOf, type Viewer, visibilityScope } from '../../../platform/policy/policy.ts';
import { HistoryList } from '../../../platform/ui/history.tsx';
import { recordHistory } from '../../../platform/audit/history.ts';
import { actorOf } from '../../../platform/audit/record.ts';
import { matchItemsOf, matchOfferOf, weightsInForce } from '../matching/engine-inputs.ts';
import { createOffer, setOfferArchived, updateOffer } from './commands.ts';
import { emptyOffer, OfferForm, type OfferFormValues, offerFormInput, offerValuesFrom, offerValuesOf } from './offer-form.tsx';
import { rankItemsForOffer } from '../matching/matching.ts';
import { OfferDetail, OfferList, type RankedView } from './offer-pages.tsx';
import type { Names } from '../labels.ts';
import {
  deliveredByProvider,
  findOffer,
  itemsOf,
  listOffers,
  listRequests,
  type OfferRow,
  offerProviderKey,
  parseProviderKey,
} from '../queries.ts';
import { namesFor, refusal, versionOf } from '../route-support.ts';
import { areas } from '../taxonomy.ts';

type Status = 200 | 409 | 422;

async function loadOffer(c: AppContextOf): Promise<OfferRow> {
  const o = await findOffer(c.get('app').database.db, c.get('viewer'), c.req.param('id') ?? '');
  if (!o) throw new AppError('not-found', 'no offer you may see has this id');
  return o;
}

const offerResource = (o: OfferRow) => ({
  type: 'assistance-offer' as const,
  confidentiality: o.confidentiality,
  stateIso3: null,
  providerKey: offerProviderKey(o),
});

/** The keepers record any provider's offers; a provider its own. */
export function mayCreateOffer(viewer: Viewer | null): boolean {
  const own = providerKeyOf(viewer);
  return can(viewer, 'create', { type: 'assistance-offer', confidentiality: 'public', stateIso3: null, providerKey: own });
}

/** How many request items an offer's page proposes. */
const rankedLimit = 10;

async function rankedFor(c: AppContextOf, o: OfferRow): Promise<RankedView[] | null> {
  const db = c.get('app').database.db;
  const viewer = c.get('viewer');
  if (!viewer) return null;
  // Only over the requests the reader may see: the policy's filter, in SQL.
  const { rows: requests } = await listRequests(db, viewer, {}, { limit: 100_000, offset: 0 });
  if (!requests.length) return null;
  const open = requests.filter((r) => !['withdrawn', 'closed'].includes(r.status));
  const [items, track, weights] = await Promise.all([
    matchItemsOf(
      db,
      open.map((r) => r.id),
    ),
    deliveredByProvider(db),
    weightsInForce(db),
  ]);
  const ranked = rankItemsForOffer(matchOfferOf(o), items, track, weights, rankedLimit);
  const requestIds = [...new Set(ranked.map((x) => items.find((i) => i.id === x.itemId)!.requestId))];
  const rows = await itemsOf(db, requestIds);
  return ranked.flatMap((x) => {
    const item = rows.find((i) => i.id === x.itemId);
    const request = item && requests.find((r) => r.id === item.request_id);
    return item && request ? [{ ...x, item, request }] : [];
  });
}

export function offerRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const filters = { area: c.req.query('area') ?? '', provider: c.req.query('provider') ?? '' };
    const problems: FieldProblem[] = [];
    if (filters.area && !(areas as readonly string[]).includes(filters.area))
      problems.push({ field: 'area', problem: `must be one of ${areas.join(', ')}` });
    if (filters.provider && !parseProviderKey(filters.provider))
      problems.push({ field: 'provider', problem: 'must be organization:CODE or state:ISO3' });
    if (problems.length) throw invalid(problems);
    const [rows, all, names] = await Promise.all([listOffers(db, viewer, filters), listOffers(db, viewer), namesFor(c)]);
    const providers = [...new Set(all.map(offerProviderKey))];
    return render(
      c,
      { title: m.t('assistance.offers.title') },
      <OfferList m={m} rows={rows} providers={providers} names={names} filters={filters} mayCreate={mayCreateOffer(viewer)} />,
    );
  });

  const formPage = (
    c: AppContextOf,
    title: string,
    action: string,
    cancel: string,
    values: OfferFormValues,
    problems: FieldProblem[],
    names: Names,
    status: Status,
    fixedProvider: string | null,
  ) =>
    render(
      c,
      { title, status },
      <OfferForm
        m={c.get('m')}
        action={action}
        cancel={cancel}
        values={values}
        problems={problems}
        names={names}
        fixedProvider={fixedProvider}
        csrfToken={c.get('csrfToken')}
      />,
    );

  r.get('/new', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, mayCreateOffer(viewer), 'the recording of offers');
    const own = providerKeyOf(viewer);
    const base = `/${m.locale}/assistance/offers`;
    return formPage(
      c,
      m.t('assistance.offers.new'),
      `${base}/new`,
      base,
      emptyOffer({ provider: own ?? '' }),
      [],
      await namesFor(c),
      200,
      own,
    );
  });

  r.post('/new', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, mayCreateOffer(viewer), 'the recording of offers');
    const own = providerKeyOf(viewer);
    const values = offerValuesOf(await formBody(c));
    if (own) values.provider = own;
    const base = `/${m.locale}/assistance/offers`;
    try {
      const o = await createOffer(c.get('app').database.db, actorOf(viewer), viewer, offerFormInput(values));
      return c.redirect(`${base}/${o.id}`, 303);
    } catch (err) {
      const { problems, status } = refusal(err);
      return formPage(c, m.t('assistance.offers.new'), `${base}/new`, base, values, problems, await namesFor(c), status, own);
    }
  });

  r.get('/:id', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const o = await loadOffer(c);
    const [names, ranked] = await Promise.all([namesFor(c), rankedFor(c, o)]);
    const resource = offerResource(o);
    return render(
      c,
      { title: o.title },
      <OfferDetail
        m={m}
        o={o}
        names={names}
        ranked={ranked}
        actions={{
          edit: can(viewer, 'update', resource),
          archive: can(viewer, o.archived_at ? 'restore' : 'archive', resource),
          history: can(viewer, 'read-history', resource),
        }}
        csrfToken={c.get('csrfToken')}
      />,
    );
  });

  r.get('/:id/history', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const o = await loadOffer(c);
    authorize(c, can(viewer, 'read-history', offerResource(o)), 'the history of this offer');
    const events = await recordHistory(c.get('app').database.db, visibilityScope(viewer), 'assistance-offer', o.id);
    return render(
      c,
      { title: m.t('history.titleOf', { name: o.title }) },
      <HistoryList m={m} events={events} back={`/${m.locale}/assistance/offers/${o.id}`} />,
    );
  });

  const editPage = async (c: AppContextOf, o: OfferRow, values: OfferFormValues, problems: FieldProblem[], status: Status) => {
    const m = c.get('m');
    const base = `/${m.locale}/assistance/offers/${o.id}`;
    return formPage(
      c,
      m.t('assistance.offers.editTitle', { title: o.title }),
      `${base}/edit`,
      base,
      values,
      problems,
      await namesFor(c),
      status,
      providerKeyOf(c.get('viewer')),
    );
  };

  r.get('/:id/edit', async (c) => {
    const o = await loadOffer(c);
    authorize(c, can(c.get('viewer'), 'update', offerResource(o)), 'the editing of this offer');
    return editPage(c, o, offerValuesFrom(o), [], 200);
  });

  r.post('/:id/edit', async (c) => {
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const o = await loadOffer(c);
    authorize(c, can(viewer, 'update', offerResource(o)), 'the editing of this offer');
    const body = await formBody(c);
    const values = offerValuesOf(body);
    const own = providerKeyOf(viewer);
    if (own) values.provider = own;
    try {
      await updateOffer(db, actorOf(viewer), viewer, o.id, versionOf(body), offerFormInput(values));
      return c.redirect(`/${c.get('m').locale}/assistance/offers/${o.id}`, 303);
    } catch (err) {
      const { problems, status } = refusal(err);
      const fresh = (await findOffer(db, viewer, o.id)) ?? o;
      return editPage(c, fresh, { ...values, version: status === 409 ? String(fresh.row_version) : values.version }, problems, status);
    }
  });

  for (const archived of [true, false]) {
    r.post(`/:id/${archived ? 'archive' : 'restore'}`, async (c) => {
      const viewer = c.get('viewer');
      const o = await loadOffer(c);
      authorize(c, can(viewer, archived ? 'archive' : 'restore', offerResource(o)), 'this change');
      const body = await formBody(c);
      const m = c.get('m');
      if (archived) {
        const ask = await confirmFirst(c, body, {
          title: m.t('confirm.archive.title', { name: o.title }),
          consequence: m.t('confirm.archive'),
          button: m.t('record.archive'),
          cancel: `/${m.locale}/assistance/offers/${o.id}`,
        });
        if (ask) return ask;
      }
      await setOfferArchived(c.get('app').database.db, actorOf(viewer), viewer, o.id, versionOf(body), archived);
      return c.redirect(`/${c.get('m').locale}/assistance/offers/${o.id}`, 303);
    });
  }

  return r;
}
