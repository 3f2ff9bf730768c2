import { csvHeader, csvResponse } from '../../platform/formats/csv.ts';
import { ListTable, TableRegion } from '../../platform/ui/tables.tsx';
import { todayIso } from '../../platform/values/dates.ts';
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { AppError } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { pick } from '../../platform/i18n/locales.ts';
import { can, may } from '../../platform/policy/policy.ts';
import { findState, listStates, membersAsAt } from '../member-states/index.ts';
import {
  allContacts,
  type ContactProjection,
  type ContactRow,
  contactFiguresPerYear,
  maySeeContacts,
  projectContacts,
  stateContacts,
  unconfirmedContacts,
  contactResource,
} from './contacts.ts';
import { contactFormRoutes } from './form-routes.tsx';
import { stateContactsCsv, stateContactsFor } from './present.ts';
import { ConfirmButton, locationLabel } from './forms.tsx';

function sourceLabel(m: Messages, source: string): string {
  if (source === 'seed') return m.t('contacts.sourceSeed');
  if (source === 'illustrative') return m.t('contacts.sourceIllustrative');
  return m.t('contacts.sourceEntered');
}

const Projection: FC<{ m: Messages; p: ContactProjection }> = ({ m, p }) => (
  <p class="contact-status">
    {p.designated && p.since ? m.t('contacts.designatedSinceRun', { date: m.date(p.since) }) : m.t('contacts.noneDesignated')}
  </p>
);

/** What the viewer may do with the contacts of a State: edit and confirm them; end a designation. */
interface ContactActions {
  edit: boolean;
  end: boolean;
  csrfToken: string;
}

const ContactTable: FC<{ m: Messages; contacts: ContactRow[]; actions: ContactActions }> = ({ m, contacts, actions }) => (
  <TableRegion labelledBy="contacts-caption">
    <table class="list">
      <caption id="contacts-caption">{m.t('contacts.history')}</caption>
      <thead>
        <tr>
          <th scope="col">{m.t('contacts.name')}</th>
          <th scope="col">{m.t('contacts.location')}</th>
          <th scope="col">{m.t('contacts.jobTitle')}</th>
          <th scope="col">{m.t('contacts.institution')}</th>
          <th scope="col">{m.t('contacts.email')}</th>
          <th scope="col">{m.t('contacts.phone')}</th>
          <th scope="col">{m.t('contacts.designatedOn')}</th>
          <th scope="col">{m.t('contacts.endedOn')}</th>
          <th scope="col">{m.t('contacts.lastConfirmedOn')}</th>
          <th scope="col">{m.t('contacts.source')}</th>
          {(actions.edit || actions.end) && <th scope="col">{m.t('contacts.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {contacts.map((c) => (
          <tr>
            <th scope="row">{c.name}</th>
            <td>{locationLabel(m, c.location)}</td>
            <td>{c.title}</td>
            <td>{c.institution}</td>
            <td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : ''}</td>
            <td dir="ltr">{c.phone}</td>
            <td>{m.date(c.designated_on, 'medium')}</td>
            <td>{c.ended_on ? m.date(c.ended_on, 'medium') : ''}</td>
            <td>{c.last_confirmed_on ? m.date(c.last_confirmed_on, 'medium') : ''}</td>
            <td>{sourceLabel(m, c.source)}</td>
            {(actions.edit || actions.end) && (
              <td>
                {!c.ended_on && (
                  <div class="actions">
                    {actions.edit && <a href={`/${m.locale}/states/${c.state_iso3}/contacts/${c.id}/edit`}>{m.t('record.edit')}</a>}
                    {actions.edit && (
                      <ConfirmButton
                        m={m}
                        contact={c}
                        next={`/${m.locale}/states/${c.state_iso3}/contacts`}
                        csrfToken={actions.csrfToken}
                      />
                    )}
                    {actions.end && <a href={`/${m.locale}/states/${c.state_iso3}/contacts/${c.id}/end`}>{m.t('contacts.end')}</a>}
                  </div>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  </TableRegion>
);

async function loadState(c: AppContextOf) {
  const state = await findState(c.get('app').database.db, c.req.param('iso3') ?? '');
  if (!state) throw new AppError('not-found', `no Member State has the code ${(c.req.param('iso3') ?? '').toUpperCase()}`);
  return state;
}

/** /{lang}/states/:iso3/contacts (and its CSV): the projection for all, the details for those who may see. */
export function contactStateRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/:iso3/contacts', async (c) => {
    const m = c.get('m');
    const state = await loadState(c);
    const { projection, details } = stateContactsFor(
      c.get('viewer'),
      state.iso3,
      await stateContacts(c.get('app').database.db, state.iso3),
      todayIso(),
    );
    const name = pick(state.names, m.locale);
    const viewer = c.get('viewer');
    const actions = {
      edit: can(viewer, 'update', contactResource(state.iso3)),
      end: can(viewer, 'create', contactResource(state.iso3)),
      csrfToken: c.get('csrfToken'),
    };
    return render(
      c,
      { title: m.t('contacts.stateTitle', { state: name }) },
      <>
        <Projection m={m} p={projection} />
        <p>{m.t('contacts.confidential')}</p>
        {actions.end && (
          <p>
            <a href={`/${m.locale}/states/${state.iso3}/contacts/new`}>{m.t('contacts.new')}</a>
          </p>
        )}
        {details ? details.length ? <ContactTable m={m} contacts={details} actions={actions} /> : <p>{m.t('contacts.none')}</p> : null}
        <p>
          <a href={`/${m.locale}/states/${state.iso3}/contacts.csv`}>{m.t('contacts.csv')}</a>
        </p>
      </>,
    );
  });

  r.get('/:iso3/contacts.csv', async (c) => {
    const state = await loadState(c);
    const view = stateContactsFor(c.get('viewer'), state.iso3, await stateContacts(c.get('app').database.db, state.iso3), todayIso());
    return csvResponse(c, `contacts-${state.iso3}.csv`, stateContactsCsv(view));
  });

  r.route('/', contactFormRoutes());
  return r;
}

/** /{lang}/contacts: who has a point of contact and since when (public), and the reminder list. */
export function contactWebRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', async (c) => {
    const m = c.get('m');
    const db = c.get('app').database.db;
    const today = todayIso();
    const [rows, states, years] = await Promise.all([
      allContacts(db),
      listStates(db, {}),
      contactFiguresPerYear(db, 2004, Number(today.slice(0, 4)), today),
    ]);
    const designated = membersAsAt(
      states.map((s) => ({ state: s, unMemberSince: s.un_member_since, p: projectContacts(s.iso3, rows, today) })),
      today,
    )
      .filter((x) => x.p.designated)
      .sort((a, b) => m.compare(pick(a.state.names, m.locale), pick(b.state.names, m.locale)));
    const last = years.at(-1);
    return render(
      c,
      { title: m.t('contacts.title') },
      <>
        <p>{m.t('contacts.confidential')}</p>
        {may(c.get('viewer'), 'read-contact-reminders') ? (
          <p>
            <a href={`/${m.locale}/contacts/reminders`}>{m.t('contacts.remindersLink')}</a>
          </p>
        ) : null}
        <h2 id="per-year">{m.t('contacts.perYearInOffice')}</h2>
        {last && <p>{m.t('contacts.perYearNote', { year: String(last.year), date: m.date(last.asAt) })}</p>}
        <TableRegion labelledBy="per-year">
          <table class="list">
            <thead>
              <tr>
                <th scope="col">{m.t('contacts.year')}</th>
                <th scope="col">{m.t('contacts.statesInOffice')}</th>
                <th scope="col">{m.t('contacts.newStates')}</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr>
                  <th scope="row">{y.year}</th>
                  <td>{m.number(y.states)}</td>
                  <td>{m.number(y.newStates)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <p>
          <a href={`/${m.locale}/contacts/per-year.csv`}>{m.t('contacts.perYearCsv')}</a>
        </p>
        <h2 id="designated">{m.t('contacts.designatedStatesInOffice', { date: m.date(today), count: m.number(designated.length) })}</h2>
        <TableRegion labelledBy="designated">
          <table class="list">
            <thead>
              <tr>
                <th scope="col">{m.t('contacts.state')}</th>
                <th scope="col">{m.t('contacts.sinceRun')}</th>
              </tr>
            </thead>
            <tbody>
              {designated.map(({ state, p }) => (
                <tr>
                  <th scope="row">
                    <a href={`/${m.locale}/states/${state.iso3}/contacts`}>{pick(state.names, m.locale)}</a>
                  </th>
                  <td>{p.since ? m.date(p.since, 'medium') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </>,
    );
  });

  // States with a point of contact at the end of each year, as CSV (item 9): public figures.
  r.get('/per-year.csv', async (c) => {
    const today = todayIso();
    const years = await contactFiguresPerYear(c.get('app').database.db, 2004, Number(today.slice(0, 4)), today);
    // `as_at`: the day each year's States are counted on (31 December, or today for this year).
    const m = c.get('m');
    return csvResponse(c, 'contacts-per-year.csv', [
      csvHeader(
        c,
        [m.t('contacts.year'), m.t('reports.asOf'), m.t('contacts.statesInOffice'), m.t('contacts.newStates')],
        ['year', 'as_at', 'states', 'new_states'],
      ),
      ...years.map((y) => [y.year, y.asAt, y.states, y.newStates]),
    ]);
  });

  r.get('/reminders', async (c) => {
    const m = c.get('m');
    authorize(c, may(c.get('viewer'), 'read-contact-reminders'), 'the reminder list of points of contact');
    const db = c.get('app').database.db;
    const [rows, states] = await Promise.all([allContacts(db), listStates(db, {})]);
    const names = new Map(states.map((s) => [s.iso3, pick(s.names, m.locale)]));
    const due = unconfirmedContacts(rows, todayIso()).filter((x) => maySeeContacts(c.get('viewer'), x.state_iso3));
    return render(
      c,
      { title: m.t('contacts.reminders') },
      <>
        <p role="status">{m.t('contacts.remindersCount', { count: m.number(due.length) })}</p>
        {due.length ? (
          <ListTable
            id="reminders"
            caption={m.t('contacts.reminders')}
            columns={[
              m.t('contacts.state'),
              m.t('contacts.name'),
              m.t('contacts.location'),
              m.t('contacts.email'),
              m.t('contacts.lastConfirmedOn'),
              m.t('contacts.actions'),
            ]}
          >
            {due.map((x) => (
              <tr>
                <th scope="row">
                  <a href={`/${m.locale}/states/${x.state_iso3}/contacts`}>{names.get(x.state_iso3) ?? x.state_iso3}</a>
                </th>
                <td>{x.name}</td>
                <td>{locationLabel(m, x.location)}</td>
                <td>{x.email}</td>
                <td>{m.date(x.last_confirmed_on ?? x.designated_on, 'medium')}</td>
                <td>
                  {can(c.get('viewer'), 'update', contactResource(x.state_iso3)) && (
                    <ConfirmButton m={m} contact={x} next={`/${m.locale}/contacts/reminders`} csrfToken={c.get('csrfToken')} />
                  )}
                </td>
              </tr>
            ))}
          </ListTable>
        ) : (
          <p>{m.t('contacts.remindersNone')}</p>
        )}
      </>,
    );
  });
  return r;
}
