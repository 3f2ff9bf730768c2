import { todayIso } from '../../platform/values/dates.ts';
import { Hono } from 'hono';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { type FormBody, formBody, safeNext, text } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { pick } from '../../platform/i18n/locales.ts';
import { can } from '../../platform/policy/policy.ts';
import { findState } from '../member-states/index.ts';
import { addContact, type ContactInput, confirmContact, endContact, updateContact } from './commands.ts';
import { type ContactRow, contactResource, findContact } from './contacts.ts';
import { ContactForm, type ContactFormValues, contactFormValues, EndForm, emptyContact } from './forms.tsx';
import { inputOfValues, refusal, requiredVersion, type Status, valuesOfBody } from '../reports/index.ts';

/*
 * Who may do what (src/policy/policy.ts): the keepers of points of contact (the secretariat and
 * administrators) designate a contact, date and end a designation; they and the State's own point
 * of contact edit the details and confirm them (the write core decides field by field). Everyone is authorized on the State in the address
 * before any contact is read, so a refusal says nothing about which contacts exist.
 */
const mayDesignate = (c: AppContextOf, iso3: string) => can(c.get('viewer'), 'create', contactResource(iso3));
const mayEdit = (c: AppContextOf, iso3: string) => can(c.get('viewer'), 'update', contactResource(iso3));

async function loadState(c: AppContextOf) {
  const iso3 = c.req.param('iso3') ?? '';
  const state = await findState(c.get('app').database.db, iso3);
  if (!state) throw new AppError('not-found', `no Member State has the code ${iso3.toUpperCase().slice(0, 10)}`);
  return state;
}

/** The contact of the address, which must belong to the State of the address. */
async function loadContact(c: AppContextOf, iso3: string): Promise<ContactRow> {
  const id = c.req.param('id') ?? '';
  const contact = await findContact(c.get('app').database.db, id);
  if (!contact || contact.state_iso3 !== iso3 || contact.archived_at)
    throw new AppError('not-found', `${iso3} has no point of contact with the id ${id.slice(0, 40)}`);
  return contact;
}

const valuesOf = (body: FormBody): ContactFormValues => valuesOfBody(body, emptyContact);
const inputOf = (v: ContactFormValues) => inputOfValues(v, ['languages']) as unknown as ContactInput;

/** Mounted under /{lang}/states: /:iso3/contacts/new, /:iso3/contacts/:id/edit, /confirm and /end. */
export function contactFormRoutes() {
  const r = new Hono<AppEnv>();

  const formPage = (
    c: AppContextOf,
    title: string,
    action: string,
    back: string,
    values: ContactFormValues,
    problems: FieldProblem[],
    status: Status,
  ) =>
    render(
      c,
      { title, status },
      <ContactForm
        m={c.get('m')}
        action={action}
        cancel={back}
        values={values}
        problems={problems}
        csrfToken={c.get('csrfToken')}
        mayDesignate={mayDesignate(c, c.req.param('iso3')?.toUpperCase() ?? '')}
      />,
    );

  r.get('/:iso3/contacts/new', async (c) => {
    const m = c.get('m');
    const state = await loadState(c);
    authorize(c, mayDesignate(c, state.iso3), 'the designation of points of contact');
    const back = `/${m.locale}/states/${state.iso3}/contacts`;
    return formPage(c, m.t('contacts.newTitle', { state: pick(state.names, m.locale) }), `${back}/new`, back, emptyContact, [], 200);
  });

  r.post('/:iso3/contacts/new', async (c) => {
    const m = c.get('m');
    const state = await loadState(c);
    authorize(c, mayDesignate(c, state.iso3), 'the designation of points of contact');
    const back = `/${m.locale}/states/${state.iso3}/contacts`;
    const values = valuesOf(await formBody(c));
    try {
      await addContact(c.get('app').database.db, c.get('viewer'), state.iso3, inputOf(values));
      return c.redirect(back, 303);
    } catch (err) {
      const { status, problems } = refusal(err);
      return formPage(c, m.t('contacts.newTitle', { state: pick(state.names, m.locale) }), `${back}/new`, back, values, problems, status);
    }
  });

  r.get('/:iso3/contacts/:id/edit', async (c) => {
    const m = c.get('m');
    const state = await loadState(c);
    authorize(c, mayEdit(c, state.iso3), 'the editing of points of contact');
    const contact = await loadContact(c, state.iso3);
    const back = `/${m.locale}/states/${state.iso3}/contacts`;
    return formPage(
      c,
      m.t('contacts.editTitle', { state: pick(state.names, m.locale) }),
      `${back}/${contact.id}/edit`,
      back,
      contactFormValues(contact),
      [],
      200,
    );
  });

  r.post('/:iso3/contacts/:id/edit', async (c) => {
    const m = c.get('m');
    const state = await loadState(c);
    authorize(c, mayEdit(c, state.iso3), 'the editing of points of contact');
    const contact = await loadContact(c, state.iso3);
    const back = `/${m.locale}/states/${state.iso3}/contacts`;
    const values = valuesOf(await formBody(c));
    try {
      await updateContact(c.get('app').database.db, c.get('viewer'), contact.id, requiredVersion(values.version), inputOf(values));
      return c.redirect(back, 303);
    } catch (err) {
      const { status, problems } = refusal(err);
      const fresh =
        status === 409
          ? { ...values, version: String((await findContact(c.get('app').database.db, contact.id))?.row_version ?? values.version) }
          : values;
      return formPage(
        c,
        m.t('contacts.editTitle', { state: pick(state.names, m.locale) }),
        `${back}/${contact.id}/edit`,
        back,
        fresh,
        problems,
        status,
      );
    }
  });

  // Confirming is one button (on the State's contacts and on the reminder list): today's date.
  r.post('/:iso3/contacts/:id/confirm', async (c) => {
    const m = c.get('m');
    const state = await loadState(c);
    authorize(c, mayEdit(c, state.iso3), 'the confirmation of points of contact');
    const contact = await loadContact(c, state.iso3);
    const body = await formBody(c);
    await confirmContact(c.get('app').database.db, c.get('viewer'), contact.id, requiredVersion(text(body, 'version')));
    return c.redirect(safeNext(text(body, 'next'), `/${m.locale}/states/${state.iso3}/contacts`), 303);
  });

  const endPage = (
    c: AppContextOf,
    state: { iso3: string; names: Record<string, string> },
    contact: ContactRow,
    endedOn: string,
    version: string,
    problems: FieldProblem[],
    status: Status,
  ) => {
    const m = c.get('m');
    const back = `/${m.locale}/states/${state.iso3}/contacts`;
    return render(
      c,
      { title: m.t('contacts.endTitle', { state: pick(state.names, m.locale) }), status },
      <EndForm
        m={m}
        action={`${back}/${contact.id}/end`}
        cancel={back}
        contact={contact}
        endedOn={endedOn}
        version={version}
        problems={problems}
        csrfToken={c.get('csrfToken')}
      />,
    );
  };

  r.get('/:iso3/contacts/:id/end', async (c) => {
    const state = await loadState(c);
    authorize(c, mayDesignate(c, state.iso3), 'the end of designations');
    const contact = await loadContact(c, state.iso3);
    return endPage(c, state, contact, todayIso(), String(contact.row_version), [], 200);
  });

  r.post('/:iso3/contacts/:id/end', async (c) => {
    const m = c.get('m');
    const state = await loadState(c);
    authorize(c, mayDesignate(c, state.iso3), 'the end of designations');
    const contact = await loadContact(c, state.iso3);
    const body = await formBody(c);
    const endedOn = text(body, 'endedOn');
    const version = text(body, 'version');
    try {
      await endContact(c.get('app').database.db, c.get('viewer'), contact.id, requiredVersion(version), endedOn);
      return c.redirect(`/${m.locale}/states/${state.iso3}/contacts`, 303);
    } catch (err) {
      const { status, problems } = refusal(err);
      const fresh = (await findContact(c.get('app').database.db, contact.id)) ?? contact;
      return endPage(c, state, fresh, endedOn, status === 409 ? String(fresh.row_version) : version, problems, status);
    }
  });

  return r;
}
