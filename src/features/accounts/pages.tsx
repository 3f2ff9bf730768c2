import { ListTable, TableRegion } from '../../platform/ui/tables.tsx';
import { FieldErrors } from '../../platform/ui/forms.tsx';
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField } from '../../platform/http/layout.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { roles } from '../../platform/policy/levels.ts';
import type { Viewer } from '../../platform/policy/policy.ts';
import type { listApiTokens } from './commands.ts';
import type { listUsers } from './queries.ts';

export function roleLabel(m: Messages, role: string): string {
  const key = `role.${role}`;
  return m.has(key) ? m.t(key) : role;
}

export const LoginForm: FC<{ m: Messages; csrfToken: string; email: string; next: string; error?: string }> = ({
  m,
  csrfToken,
  email,
  next,
  error,
}) => (
  <form method="post" class="record-form narrow">
    {error && (
      <div class="form-errors" role="alert">
        <p>{error}</p>
      </div>
    )}
    <CsrfField token={csrfToken} />
    <input type="hidden" name="next" value={next} />
    <div class="field">
      <label for="email">{m.t('login.email')}</label>
      <input id="email" name="email" type="email" autocomplete="username" value={email} required dir="ltr" />
    </div>
    <div class="field">
      <label for="password">{m.t('login.password')}</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required dir="ltr" />
    </div>
    <div class="actions">
      <button type="submit">{m.t('login.submit')}</button>
    </div>
  </form>
);

export const AccountPage: FC<{
  m: Messages;
  viewer: Viewer;
  tokens: Awaited<ReturnType<typeof listApiTokens>>;
  csrfToken: string;
  newToken?: string;
  problems: FieldProblem[];
}> = ({ m, viewer, tokens, csrfToken, newToken, problems }) => (
  <>
    <dl class="facts">
      <dt>{m.t('login.email')}</dt>
      <dd dir="ltr">{viewer.email}</dd>
      <dt>{m.t('account.role')}</dt>
      <dd>{roleLabel(m, viewer.role)}</dd>
      {viewer.stateIso3 && (
        <>
          <dt>{m.t('account.state')}</dt>
          <dd>
            <a href={`/${m.locale}/states/${viewer.stateIso3}`}>{viewer.stateIso3}</a>
          </dd>
        </>
      )}
      {viewer.organizationCode && (
        <>
          <dt>{m.t('account.organization')}</dt>
          <dd>
            <a href={`/${m.locale}/organizations/${viewer.organizationCode}`}>{viewer.organizationCode}</a>
          </dd>
        </>
      )}
    </dl>
    <h2 id="tokens-heading">{m.t('account.tokens')}</h2>
    <p>{m.t('account.tokensHelp')}</p>
    <p>
      <code dir="ltr">Authorization: Bearer r1540_…</code>
    </p>
    {newToken && (
      <div class="notice" role="status">
        <p>{m.t('account.tokenCreated')}</p>
        <p>
          <code class="secret" dir="ltr">
            {newToken}
          </code>
        </p>
      </div>
    )}
    {tokens.length > 0 && (
      <TableRegion labelledBy="tokens-heading">
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{m.t('account.tokenName')}</th>
              <th scope="col">{m.t('account.tokenPrefix')}</th>
              <th scope="col">{m.t('account.tokenCreatedAt')}</th>
              <th scope="col">{m.t('account.tokenLastUsed')}</th>
              <th scope="col">{m.t('account.tokenState')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr>
                <th scope="row">{t.name}</th>
                <td>
                  <code dir="ltr">{t.prefix}…</code>
                </td>
                <td>{m.date(t.created_at, 'medium')}</td>
                <td>{t.last_used_at ? m.dateTime(t.last_used_at) : '—'}</td>
                <td>
                  {t.revoked_at ? (
                    m.t('account.tokenRevoked')
                  ) : (
                    <form method="post" action={`/${m.locale}/account/tokens/${t.id}/revoke`} class="inline">
                      <CsrfField token={csrfToken} />
                      <button type="submit" class="secondary" aria-label={m.t('account.revokeNamed', { name: t.name })}>
                        {m.t('account.revoke')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    )}
    <form method="post" action={`/${m.locale}/account/tokens`} class="record-form narrow">
      <FieldErrors m={m} problems={problems} />
      <CsrfField token={csrfToken} />
      <div class="field">
        <label for="token-name">{m.t('account.tokenName')}</label>
        <input id="token-name" name="name" required maxlength={100} />
      </div>
      <div class="actions">
        <button type="submit">{m.t('account.createToken')}</button>
      </div>
    </form>
  </>
);

/** The accounts; only an administrator is offered the administrator role and the buttons on an administrator's account. */
export const UsersPage: FC<{
  m: Messages;
  viewer: Viewer;
  users: Awaited<ReturnType<typeof listUsers>>;
  csrfToken: string;
  problems: FieldProblem[];
  values: Record<string, string>;
  /** Why an action on a row was refused (e.g. disabling one's own account). */
  refused?: string;
}> = ({ m, viewer, users, csrfToken, problems, values, refused }) => (
  <>
    {refused && (
      <p class="notice" role="alert">
        {refused}
      </p>
    )}
    <p class="help">{m.t('users.tokensHelp')}</p>
    <ListTable
      id="users"
      caption={m.t('users.title')}
      columns={[m.t('login.email'), m.t('users.name'), m.t('account.role'), m.t('users.scope'), m.t('account.tokenState')]}
    >
      {users.map((u) => (
        <tr>
          <th scope="row" dir="ltr">
            {u.email}
          </th>
          <td>
            {u.display_name} (<a href={`/${m.locale}/admin/users/${u.id}/history`}>{m.t('record.history')}</a>)
          </td>
          <td>{roleLabel(m, u.role)}</td>
          <td>{u.state_iso3 ?? u.organization_code ?? ''}</td>
          <td>
            {u.id === viewer.id ? (
              // One's own account: no button (an administrator cannot disable the account they are using).
              <>
                {m.t('users.active')} ({m.t('users.yourAccount')})
              </>
            ) : u.role === 'admin' && viewer.role !== 'admin' ? (
              u.disabled_at ? (
                m.t('users.disabled')
              ) : (
                m.t('users.active')
              )
            ) : (
              <form method="post" action={`/${m.locale}/admin/users/${u.id}/${u.disabled_at ? 'enable' : 'disable'}`} class="inline">
                <CsrfField token={csrfToken} />
                {u.disabled_at ? m.t('users.disabled') : m.t('users.active')}{' '}
                <button
                  type="submit"
                  class="secondary"
                  aria-label={`${u.disabled_at ? m.t('users.enable') : m.t('users.disable')}: ${u.email}`}
                >
                  {u.disabled_at ? m.t('users.enable') : m.t('users.disable')}
                </button>
              </form>
            )}
          </td>
        </tr>
      ))}
    </ListTable>
    <h2>{m.t('users.add')}</h2>
    <form method="post" action={`/${m.locale}/admin/users`} class="record-form narrow" novalidate>
      <FieldErrors m={m} problems={problems} />
      <CsrfField token={csrfToken} />
      <div class="field">
        <label for="u-email">{m.t('login.email')}</label>
        <input id="u-email" name="email" type="email" value={values.email ?? ''} required dir="ltr" />
      </div>
      <div class="field">
        <label for="u-name">{m.t('users.name')}</label>
        <input id="u-name" name="displayName" value={values.displayName ?? ''} required />
      </div>
      <div class="field">
        <label for="u-role">{m.t('account.role')}</label>
        <select id="u-role" name="role">
          {roles
            .filter((r) => r !== 'admin' || viewer.role === 'admin')
            .map((r) => (
              <option value={r} selected={values.role === r}>
                {roleLabel(m, r)}
              </option>
            ))}
        </select>
      </div>
      <div class="field">
        <label for="u-state">{m.t('account.state')}</label>
        <input id="u-state" name="stateIso3" value={values.stateIso3 ?? ''} maxlength={3} dir="ltr" aria-describedby="u-state-help" />
        <p id="u-state-help" class="help">
          {m.t('users.stateHelp')}
        </p>
      </div>
      <div class="field">
        <label for="u-org">{m.t('account.organization')}</label>
        <input id="u-org" name="organizationCode" value={values.organizationCode ?? ''} dir="ltr" />
      </div>
      <div class="field">
        <label for="u-password">{m.t('login.password')}</label>
        <input
          id="u-password"
          name="password"
          type="password"
          autocomplete="new-password"
          required
          dir="ltr"
          aria-describedby="u-pw-help"
        />
        <p id="u-pw-help" class="help">
          {m.t('users.passwordHelp')}
        </p>
      </div>
      <div class="actions">
        <button type="submit">{m.t('users.add')}</button>
      </div>
    </form>
  </>
);
