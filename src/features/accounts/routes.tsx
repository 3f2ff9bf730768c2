import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { sessionCookie } from './auth.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { formBody, safeNext, text } from '../../platform/http/forms.ts';
import { confirmFirst } from '../../platform/ui/record-actions.tsx';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import { CsrfField } from '../../platform/http/layout.tsx';
import { may } from '../../platform/policy/policy.ts';
import { HistoryList } from '../../platform/ui/history.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { clientAddress, trustedProxies } from './client-address.ts';
import { historyFor } from './history.ts';
import { actorOf } from '../../platform/audit/record.ts';
import { addUser, createApiToken, listApiTokens, revokeApiToken, setUserDisabled } from './commands.ts';
import { logIn } from './login.ts';
import { AccountPage, LoginForm, UsersPage } from './pages.tsx';
import { findUserById, listUsers } from './queries.ts';
import { createSession, endSession } from './sessions.ts';

/** The client's address for throttling (see `clientAddress`); app.request() in tests has no socket. */
function clientOf(c: AppContextOf): string {
  let socket: string | undefined;
  try {
    socket = getConnInfo(c).remote.address;
  } catch {
    socket = undefined;
  }
  return clientAddress(socket, c.req.header('x-forwarded-for'), trustedProxies(c.get('app').config.trustedProxies));
}

/** "Try again in …": seconds under a minute, else minutes rounded up. */
function throttledMessage(m: Messages, seconds: number): string {
  return seconds < 60 ? m.t('login.backoff', { seconds }) : m.t('login.throttled', { minutes: Math.ceil(seconds / 60) });
}

export function accountWebRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/login', (c) => {
    const m = c.get('m');
    const next = safeNext(c.req.query('next'), `/${m.locale}/`);
    return render(c, { title: m.t('login.title') }, <LoginForm m={m} csrfToken={c.get('csrfToken')} email="" next={next} />);
  });

  r.post('/login', async (c) => {
    const m = c.get('m');
    const app = c.get('app');
    const body = await formBody(c);
    const email = text(body, 'email');
    const next = safeNext(text(body, 'next'), `/${m.locale}/`);
    try {
      const viewer = await logIn(
        app.database.db,
        { maxFailures: app.config.loginMaxFailures, windowMinutes: app.config.loginWindowMinutes },
        { email, password: text(body, 'password'), address: clientOf(c) },
      );
      const token = await createSession(app.database.db, viewer.id, app.config.sessionDays);
      setCookie(c, sessionCookie, token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: app.config.secureCookies,
        maxAge: app.config.sessionDays * 86_400,
      });
      return c.redirect(next, 303);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'unauthenticated' && err.code !== 'too-many-requests')) throw err;
      const throttled = err.code === 'too-many-requests';
      if (throttled && err.retryAfterSeconds) c.header('Retry-After', String(err.retryAfterSeconds));
      const message = throttled ? throttledMessage(m, err.retryAfterSeconds ?? 60) : m.t('login.failed');
      return render(
        c,
        { title: m.t('login.title'), status: throttled ? 429 : 401 },
        <LoginForm m={m} csrfToken={c.get('csrfToken')} email={email} next={next} error={message} />,
      );
    }
  });

  r.post('/logout', async (c) => {
    const token = c.get('sessionToken');
    if (token) await endSession(c.get('app').database.db, token);
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.redirect(`/${c.get('m').locale}/`, 303);
  });

  const accountPage = async (c: AppContextOf, newToken?: string, problems: { field: string; problem: string }[] = []) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, viewer !== null, 'your account');
    const tokens = await listApiTokens(c.get('app').database.db, viewer!.id);
    return render(
      c,
      { title: m.t('account.title'), status: problems.length ? 422 : 200 },
      <AccountPage m={m} viewer={viewer!} tokens={tokens} csrfToken={c.get('csrfToken')} newToken={newToken} problems={problems} />,
    );
  };

  r.get('/account', (c) => accountPage(c));

  r.post('/account/tokens', async (c) => {
    const viewer = c.get('viewer');
    authorize(c, may(viewer, 'use-api-tokens'), 'API tokens');
    const body = await formBody(c);
    try {
      const created = await createApiToken(c.get('app').database.db, actorOf(viewer), viewer!.id, text(body, 'name'));
      return accountPage(c, created.token);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return accountPage(c, undefined, err.fields);
      throw err;
    }
  });

  r.post('/account/tokens/:id/revoke', async (c) => {
    const viewer = c.get('viewer');
    authorize(c, may(viewer, 'use-api-tokens'), 'API tokens');
    const id = c.req.param('id');
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not-found', 'no such token');
    const token = (await listApiTokens(c.get('app').database.db, viewer!.id)).find((t) => t.id === id);
    if (!token) throw new AppError('not-found', 'no such token');
    const m = c.get('m');
    if (!token.revoked_at) {
      const ask = await confirmFirst(c, await formBody(c), {
        title: m.t('confirm.revoke.title', { name: token.name }),
        consequence: m.t('confirm.revoke'),
        button: m.t('account.revoke'),
        cancel: `/${m.locale}/account`,
      });
      if (ask) return ask;
    }
    await revokeApiToken(c.get('app').database.db, actorOf(viewer), viewer!.id, id);
    return c.redirect(`/${c.get('m').locale}/account`, 303);
  });

  const usersPage = async (
    c: AppContextOf,
    problems: FieldProblem[] = [],
    values: Record<string, string> = {},
    status: 403 | 409 | 422 = 422,
    refused?: string,
  ) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, may(viewer, 'manage-accounts'), 'the accounts');
    const users = await listUsers(c.get('app').database.db);
    return render(
      c,
      { title: m.t('users.title'), status: problems.length || refused ? status : 200 },
      <UsersPage
        m={m}
        viewer={viewer!}
        users={users}
        csrfToken={c.get('csrfToken')}
        problems={problems}
        values={values}
        refused={refused}
      />,
    );
  };

  r.get('/admin/users', (c) => usersPage(c));

  r.get('/admin/users/:id/history', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    authorize(c, may(viewer, 'manage-accounts'), 'the accounts');
    const user = await findUserById(c.get('app').database.db, c.req.param('id'));
    if (!user) throw new AppError('not-found', 'no such account');
    const { events } = await historyFor(c.get('app').database.db, viewer, { recordType: 'user', recordId: user.id, limit: 500 });
    return render(
      c,
      { title: m.t('history.titleOf', { name: user.email }) },
      <HistoryList m={m} events={events} back={`/${m.locale}/admin/users`} />,
    );
  });

  r.post('/admin/users', async (c) => {
    const viewer = c.get('viewer');
    authorize(c, may(viewer, 'manage-accounts'), 'the accounts');
    const body = await formBody(c);
    const values = Object.fromEntries(
      ['email', 'displayName', 'role', 'stateIso3', 'organizationCode'].map((k) => [k, text(body, k).trim()]),
    );
    try {
      await addUser(
        c.get('app').database.db,
        actorOf(viewer),
        {
          email: values.email ?? '',
          displayName: values.displayName ?? '',
          role: values.role ?? '',
          password: text(body, 'password'),
          stateIso3: values.stateIso3 ? values.stateIso3.toUpperCase() : null,
          organizationCode: values.organizationCode ? values.organizationCode.toUpperCase() : null,
        },
        viewer!,
      );
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') return usersPage(c, err.fields, values);
      if (err instanceof AppError && err.code === 'forbidden' && err.fields.length) return usersPage(c, err.fields, values, 403);
      throw err;
    }
    return c.redirect(`/${c.get('m').locale}/admin/users`, 303);
  });

  for (const disabled of [true, false]) {
    r.post(`/admin/users/:id/${disabled ? 'disable' : 'enable'}`, async (c) => {
      const viewer = c.get('viewer');
      authorize(c, may(viewer, 'manage-accounts'), 'the accounts');
      const id = c.req.param('id');
      const user = await findUserById(c.get('app').database.db, id);
      if (!user) throw new AppError('not-found', 'no such account');
      // Not "someone else changed this record": say why (409, as before).
      if (disabled && id === viewer!.id) return usersPage(c, [], {}, 409, c.get('m').t('users.selfDisable'));
      // Disabling is destructive (sessions end, tokens are revoked): a confirmation step first, without JavaScript.
      if (disabled && (await c.req.parseBody()).confirm !== 'yes') {
        const m = c.get('m');
        return render(
          c,
          { title: m.t('users.confirmDisable.title') },
          <form method="post" action={`/${m.locale}/admin/users/${user.id}/disable`} class="record-form narrow">
            <CsrfField token={c.get('csrfToken')} />
            <input type="hidden" name="confirm" value="yes" />
            <p>{m.t('users.confirmDisable', { email: user.email })}</p>
            <p class="actions">
              <button type="submit">{m.t('users.disable')}</button> <a href={`/${m.locale}/admin/users`}>{m.t('form.cancel')}</a>
            </p>
          </form>,
        );
      }
      await setUserDisabled(c.get('app').database.db, actorOf(viewer), user.email, disabled, viewer!);
      return c.redirect(`/${c.get('m').locale}/admin/users`, 303);
    });
  }

  return r;
}
