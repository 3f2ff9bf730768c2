import { Hono } from 'hono';
import { AppError } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { can } from '../../platform/policy/policy.ts';
import { isIsoDate, todayIso } from '../../platform/values/dates.ts';
import { chairAt, donorsWithGrantsUsedIn, newContributionsIn, newExpertsIn } from './figures.ts';
import { appointmentPages, contributionPages, donorPages, grantPages } from './kinds.tsx';
import { loadNames } from './names.ts';
import { PeoplePage, TrustFundPage } from './pages.tsx';
import { appointmentFact, contributionFact, donorFact, grantFact, listAppointments, loadTrustFund, seesTrustFund } from './queries.ts';
import { recordRoutes } from './record-routes.tsx';

/** A year of the query string: absent, or a year from 2004 (a malformed one is a 400 naming it). */
export function yearParam(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (!/^\d{4}$/.test(value) || Number(value) < 2004 || Number(value) > 2199)
    throw new AppError('bad-request', 'year: must be a year from 2004 (YYYY)', {
      fields: [{ field: 'year', problem: 'must be a year from 2004 (YYYY)' }],
    });
  return Number(value);
}

export function dateParam(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!isIsoDate(value))
    throw new AppError('bad-request', 'date: must be a date (YYYY-MM-DD)', {
      fields: [{ field: 'date', problem: 'must be a date (YYYY-MM-DD)' }],
    });
  return value;
}

/** /{lang}/committee/people: the Chair and vice-chairs, the Group of Experts and its coordinator; each appointment's pages. */
export function peopleRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const db = c.get('app').database.db;
    const keeper = can(viewer, 'create', { type: 'appointment', confidentiality: 'public', stateIso3: null });
    const [appointments, archived, names] = await Promise.all([
      listAppointments(db, viewer),
      keeper ? listAppointments(db, viewer, { archived: true }) : Promise.resolve([]),
      loadNames(db, viewer, m),
    ]);
    const facts = appointments.map(appointmentFact);
    const latest = facts.filter((a) => a.role === 'expert').reduce((y, a) => Math.max(y, Number(a.startsOn.slice(0, 4))), 0);
    const year = yearParam(c.req.query('year')) ?? (latest || Number(todayIso().slice(0, 4)));
    const date = dateParam(c.req.query('date')) ?? todayIso();
    const chair = chairAt(facts, date);
    return render(
      c,
      { title: m.t('administration.peopleTitle') },
      <PeoplePage
        m={m}
        names={names}
        appointments={appointments}
        archived={archived}
        year={year}
        date={date}
        newExperts={newExpertsIn(facts, year).length}
        chair={chair ? (appointments.find((a) => a.id === chair.id) ?? null) : null}
        newHref={keeper ? `/${m.locale}/committee/people/new` : null}
      />,
    );
  });
  r.route('/', recordRoutes(appointmentPages, ''));
  return r;
}

/** /{lang}/committee/trust-fund: donors, contributions, grants and their figures (the Committee side's only). */
export function trustFundRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, seesTrustFund(viewer), 'the trust fund');
    const db = c.get('app').database.db;
    const keeper = can(viewer, 'create', { type: 'trust-fund-donor', confidentiality: 'committee', stateIso3: null });
    const [names, archived] = await Promise.all([
      loadNames(db, viewer, m, true),
      keeper ? loadTrustFund(db, viewer, true) : Promise.resolve({ donors: [], contributions: [], grants: [] }),
    ]);
    const fund = names.fund;
    const latest = fund.grants.reduce((y, g) => Math.max(y, g.used_in_year), 0);
    const year = yearParam(c.req.query('year')) ?? (latest || Number(todayIso().slice(0, 4)));
    const donors = fund.donors.map(donorFact);
    const contributions = fund.contributions.map(contributionFact);
    const used = donorsWithGrantsUsedIn(donors, contributions, fund.grants.map(grantFact), year).map((d) => names.donor(d.id));
    const contributed = newContributionsIn(donors, contributions, year).map((d) => names.donor(d.id));
    return render(
      c,
      { title: m.t('administration.trustFundTitle') },
      <TrustFundPage
        m={m}
        names={names}
        fund={fund}
        archived={archived}
        year={year}
        used={used}
        contributed={contributed}
        mayCreate={keeper}
      />,
    );
  });
  r.route('/', recordRoutes(donorPages, '/donors'));
  r.route('/', recordRoutes(contributionPages, '/contributions'));
  r.route('/', recordRoutes(grantPages, '/grants'));
  return r;
}
