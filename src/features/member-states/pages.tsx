import { FieldErrors } from '../../platform/ui/forms.tsx';
import { TableRegion } from '../../platform/ui/tables.tsx';
import type { Child, FC } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField, languageNames } from '../../platform/http/layout.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { locales, pick } from '../../platform/i18n/locales.ts';
import type { OrganizationRow } from '../organizations/index.ts';
import { areaName, groupName, membershipOrganizations } from './labels.ts';
import type { StateFilters, StateRow } from './queries.ts';
import { regionalGroups } from './reference.ts';

export const StateList: FC<{
  m: Messages;
  states: StateRow[];
  filters: StateFilters;
  organizations: OrganizationRow[];
}> = ({ m, states, filters, organizations }) => {
  const l = m.locale;
  const sorted = [...states].sort((a, b) => m.compare(pick(a.names, l), pick(b.names, l)));
  const orgName = (code: string) => pick(organizations.find((o) => o.code === code)?.acronyms, l) || code;
  return (
    <>
      <search>
        <form method="get" class="filters">
          <div class="field">
            <label for="q">{m.t('states.search')}</label>
            <input id="q" name="q" type="search" value={filters.q ?? ''} autocomplete="off" />
          </div>
          <div class="field">
            <label for="group">{m.t('states.group')}</label>
            <select id="group" name="group">
              <option value="">{m.t('states.allGroups')}</option>
              {regionalGroups.map((g) => (
                <option value={g} selected={filters.group === g}>
                  {groupName(g, l)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="organization">{m.t('states.organization')}</label>
            <select id="organization" name="organization">
              <option value="">{m.t('states.allOrganizations')}</option>
              {membershipOrganizations.map((code) => (
                <option value={code} selected={filters.organization === code}>
                  {orgName(code)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{m.t('states.filter')}</button>
        </form>
      </search>
      <p role="status" class="count">
        {m.t('states.count', { count: sorted.length })}
      </p>
      {sorted.length ? (
        <TableRegion labelledBy="states-caption">
          <table class="list">
            <caption id="states-caption" class="visually-hidden">
              {m.t('states.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{m.t('states.name')}</th>
                <th scope="col">{m.t('states.code')}</th>
                <th scope="col">{m.t('states.group')}</th>
                <th scope="col">{m.t('states.organizations')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((s) => (
                <tr>
                  <th scope="row">
                    <a href={`/${l}/states/${s.iso3}`}>{pick(s.names, l)}</a>
                  </th>
                  <td>
                    <code>{s.iso3}</code>
                  </td>
                  <td>{groupName(s.regional_group, l)}</td>
                  <td>{m.list(s.organizations.map(orgName))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>{m.t('states.none')}</p>
      )}
    </>
  );
};

export interface StateActions {
  edit: boolean;
  archive: boolean;
  history: boolean;
}

export const StateDetail: FC<{
  m: Messages;
  state: StateRow;
  organizations: OrganizationRow[];
  actions: StateActions;
  csrfToken: string;
  /** The State's records (reports, plans, contact, visits, documents), below its facts. */
  overview?: Child;
}> = ({ m, state: s, organizations, actions, csrfToken, overview }) => {
  const l = m.locale;
  const base = `/${l}/states/${s.iso3}`;
  return (
    <>
      {s.archived_at && (
        <p class="notice" role="status">
          {m.t('record.archived', { date: m.date(s.archived_at) })}
        </p>
      )}
      <dl class="facts">
        <dt>{m.t('states.codes')}</dt>
        <dd>
          <abbr title="ISO 3166-1 alpha-3">{s.iso3}</abbr> · <abbr title="ISO 3166-1 alpha-2">{s.iso2}</abbr> ·{' '}
          <abbr title="M49">{s.m49}</abbr>
        </dd>
        <dt>{m.t('states.memberSince')}</dt>
        <dd>
          <time datetime={s.un_member_since}>{m.date(s.un_member_since)}</time>
        </dd>
        <dt>{m.t('states.group')}</dt>
        <dd>
          <a href={`/${l}/states?group=${s.regional_group}`}>{groupName(s.regional_group, l)}</a>
        </dd>
        <dt>{m.t('states.region')}</dt>
        <dd>{[areaName(s.m49_region, l), areaName(s.m49_subregion, l), areaName(s.m49_intermediate, l)].filter(Boolean).join(' › ')}</dd>
        <dt>{m.t('states.organizations')}</dt>
        <dd>
          {s.organizations.length ? (
            <ul class="inline-list">
              {s.organizations.map((code) => {
                const o = organizations.find((x) => x.code === code);
                return (
                  <li>
                    <a href={`/${l}/organizations/${code}`}>{pick(o?.names, l) || code}</a>
                  </li>
                );
              })}
            </ul>
          ) : (
            m.t('states.noOrganizations')
          )}
        </dd>
        <dt>{m.t('states.securityCouncil')}</dt>
        <dd>{s.security_council_years.length ? m.list(s.security_council_years.map(String)) : m.t('states.neverOnCouncil')}</dd>
      </dl>
      <p class="matrix-link">
        <a href={`${base}/matrix`}>{m.t('matrix.link')}</a>
      </p>
      {overview}
      <h2>{m.t('states.namesHeading')}</h2>
      <dl class="names">
        {locales.map((loc) => (
          <>
            <dt>{languageNames[loc]}</dt>
            <dd lang={loc} dir={loc === 'ar' ? 'rtl' : 'ltr'}>
              {s.names[loc]}
            </dd>
          </>
        ))}
      </dl>
      {(actions.edit || actions.archive || actions.history) && (
        <div class="actions">
          {actions.history && <a href={`${base}/history`}>{m.t('record.history')}</a>}
          {actions.edit && !s.archived_at && <a href={`${base}/edit`}>{m.t('record.edit')}</a>}
          {actions.archive && (
            <form method="post" action={`${base}/${s.archived_at ? 'restore' : 'archive'}`} class="inline">
              <CsrfField token={csrfToken} />
              <button type="submit" class="secondary">
                {s.archived_at ? m.t('record.restore') : m.t('record.archive')}
              </button>
            </form>
          )}
        </div>
      )}
    </>
  );
};

export interface StateFormValues {
  names: Record<string, string>;
  unMemberSince: string;
  regionalGroup: string;
  organizations: string[];
  securityCouncilYears: string;
  version: number;
}

export const StateEditForm: FC<{
  m: Messages;
  state: StateRow;
  values: StateFormValues;
  organizations: OrganizationRow[];
  problems: FieldProblem[];
  csrfToken: string;
}> = ({ m, state, values, organizations, problems, csrfToken }) => {
  const l = m.locale;
  const has = (field: string) => problems.some((p) => p.field === field || p.field.startsWith(`${field}.`));
  return (
    <form method="post" class="record-form" novalidate>
      <FieldErrors m={m} problems={problems} />
      <CsrfField token={csrfToken} />
      <input type="hidden" name="version" value={String(values.version)} />
      <fieldset>
        <legend>{m.t('states.namesHeading')}</legend>
        {locales.map((loc) => (
          <div class="field">
            <label for={`name-${loc}`}>{languageNames[loc]}</label>
            <input
              id={`name-${loc}`}
              name={`names.${loc}`}
              value={values.names[loc] ?? ''}
              lang={loc}
              dir={loc === 'ar' ? 'rtl' : 'ltr'}
              required
              aria-invalid={has(`names.${loc}`) ? 'true' : undefined}
            />
          </div>
        ))}
      </fieldset>
      <div class="field">
        <label for="unMemberSince">{m.t('states.memberSince')}</label>
        <input
          id="unMemberSince"
          name="unMemberSince"
          type="date"
          value={values.unMemberSince}
          required
          aria-invalid={has('unMemberSince') ? 'true' : undefined}
        />
      </div>
      <div class="field">
        <label for="regionalGroup">{m.t('states.group')}</label>
        <select id="regionalGroup" name="regionalGroup">
          {regionalGroups.map((g) => (
            <option value={g} selected={values.regionalGroup === g}>
              {groupName(g, l)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{m.t('states.organizations')}</legend>
        {membershipOrganizations.map((code) => {
          const o = organizations.find((x) => x.code === code);
          return (
            <div class="check">
              <input type="checkbox" id={`org-${code}`} name="organizations" value={code} checked={values.organizations.includes(code)} />
              <label for={`org-${code}`}>{pick(o?.names, l) || code}</label>
            </div>
          );
        })}
      </fieldset>
      <div class="field">
        <label for="securityCouncilYears">{m.t('states.securityCouncil')}</label>
        <input
          id="securityCouncilYears"
          name="securityCouncilYears"
          value={values.securityCouncilYears}
          aria-describedby="sc-help"
          aria-invalid={has('securityCouncilYears') ? 'true' : undefined}
        />
        <p id="sc-help" class="help">
          {m.t('states.securityCouncilHelp')}
        </p>
      </div>
      <div class="actions">
        <button type="submit">{m.t('form.save')}</button>
        <a href={`/${l}/states/${state.iso3}`}>{m.t('form.cancel')}</a>
      </div>
    </form>
  );
};
