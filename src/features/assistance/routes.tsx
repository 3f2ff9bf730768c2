import { csvResponse } from '../../platform/formats/csv.ts';
// `/{lang}/assistance…`: the clearinghouse's pages. The hub lists the requests the reader may see
// (the Committee side all, with filters, overdue flags and a CSV; a State's point of contact its
// own State's; a provider those circulated to it; the public none) and leads to the offers and the
// public summaries; requests and offers have their own routes.
import { todayIso } from '../../platform/values/dates.ts';
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.ts';
import { render } from '../../platform/http/render.tsx';
import { isCommitteeSide } from '../../platform/policy/policy.ts';
import { offerRoutes } from './offers/offer-routes.tsx';
import { HubPage, SummariesPage } from './hub.tsx';
import { flagText, stateName, statusLabel } from './labels.ts';
import { flagsOf, itemsOf, listRequests } from './queries.ts';
import { publicSummaries } from './requests/summaries.ts';
import { mayCreateRequest, requestRoutes } from './requests/request-routes.tsx';
import { namesFor, requestFilters, withParams, yearsUntil } from './route-support.ts';

/** The most requests the hub lists at once (the consolidated list has them all). */
const hubLimit = 1000;

export function assistanceWebRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const today = todayIso();
    const who = isCommitteeSide(viewer)
      ? 'committee'
      : viewer?.role === 'state-contact'
        ? 'poc'
        : viewer?.role === 'provider'
          ? 'provider'
          : 'public';
    const raw = { state: c.req.query('state') ?? '', year: c.req.query('year') ?? '', status: c.req.query('status') ?? '' };
    const filters = requestFilters(raw);
    const names = await namesFor(c);
    const { total, rows } =
      who === 'public'
        ? { total: 0, rows: [] }
        : await listRequests(db, viewer, who === 'committee' ? filters : {}, { limit: hubLimit, offset: 0 });
    const [items, flags] = await Promise.all([
      itemsOf(
        db,
        rows.map((x) => x.id),
      ),
      who === 'committee' ? flagsOf(db, rows, today) : null,
    ]);
    const itemCounts = new Map<string, number>();
    for (const i of items) itemCounts.set(i.request_id, (itemCounts.get(i.request_id) ?? 0) + 1);
    if (who === 'committee' && c.req.query('format') === 'csv') {
      const header = [
        m.t('assistance.field.state'),
        'ISO3',
        m.t('assistance.field.receivedOn'),
        m.t('assistance.field.status'),
        m.t('assistance.hub.flags'),
        m.t('assistance.hub.items'),
        m.t('assistance.field.invitesVisit'),
        m.t('assistance.field.consentSummary'),
        m.t('assistance.field.reference'),
        'ID',
      ];
      const yesNo = (b: boolean) => (b ? m.t('assistance.yes') : m.t('assistance.no'));
      const lines = rows.map((x) => [
        stateName(names, x.state_iso3),
        x.state_iso3.trim(),
        x.received_on,
        statusLabel(m, x.status),
        (flags?.get(x.id) ?? []).map((f) => flagText(m, f)).join('; '),
        itemCounts.get(x.id) ?? 0,
        yesNo(x.invites_visit),
        yesNo(x.consent_summary),
        x.reference,
        x.id,
      ]);
      return csvResponse(c, `assistance-requests${filters.year ? `-${filters.year}` : ''}${filters.state ? `-${filters.state}` : ''}.csv`, [
        header,
        ...lines,
      ]);
    }
    const ownState = who === 'poc' && viewer?.stateIso3 ? stateName(names, viewer.stateIso3) : null;
    return render(
      c,
      { title: m.t('assistance.title') },
      <HubPage
        m={m}
        who={who}
        ownState={ownState}
        rows={rows}
        total={total}
        itemCounts={itemCounts}
        flags={flags}
        names={names}
        filters={raw}
        years={yearsUntil(today)}
        mayCreate={mayCreateRequest(viewer)}
        csvHref={who === 'committee' ? withParams(c, { format: 'csv' }) : null}
      />,
    );
  });

  r.get('/summaries', async (c) => {
    const m = c.get('m');
    const year = c.req.query('year') ?? '';
    const filters = requestFilters({ year });
    const [rows, names] = await Promise.all([publicSummaries(c.get('app').database.db, { year: filters.year }), namesFor(c)]);
    return render(
      c,
      { title: m.t('assistance.summaries.title') },
      <SummariesPage m={m} rows={rows} names={names} years={yearsUntil(todayIso())} year={year} />,
    );
  });

  r.route('/requests', requestRoutes());
  r.route('/offers', offerRoutes());
  return r;
}
