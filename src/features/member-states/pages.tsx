import { FieldErrors, FilterForm, SearchField, SelectField } from '../../platform/ui/forms.tsx';
import { RecordActions } from '../../platform/ui/record-actions.tsx';
import { ListTable } from '../../platform/ui/tables.tsx';
import type { Child, FC } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField, languageNames } from '../../platform/http/layout.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { locales, pick } from '../../platform/i18n/locales.ts';
import { Localized, type OrganizationRow } from '../organizations/index.ts';
import { foldForSearch } from '../../platform/i18n/search-text.ts';
import { matchRank } from './aliases.ts';
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
  const q = filters.q ? foldForSearch(filters.q) : '';
  const sorted = [...states].sort((a, b) => matchRank(q, a) - matchRank(q, b) || m.compare(pick(a.names, l), pick(b.names, l)));
  const orgName = (code: string) => pick(organizations.find((o) => o.code === code)?.acronyms, l) || code;
  return (
    <>
      <FilterForm submit={m.t('states.filter')}>
        <SearchField label={m.t('states.search')} value={filters.q} />
        <SelectField
          name="group"
          label={m.t('states.group')}
          all={m.t('states.allGroups')}
          value={filters.group}
          options={regionalGroups.map((g) => ({ value: g, label: groupName(g, l) }))}
        />
        <SelectField
          name="organization"
          label={m.t('states.organization')}
          all={m.t('states.allOrganizations')}
          value={filters.organization}
          options={membershipOrganizations
            .filter((code) => organizations.some((o) => o.code === code))
            .map((code) => ({ value: code, label: orgName(code) }))}
        />
      </FilterForm>
      <p role="status" class="count">
        {m.t('states.count', { count: sorted.length })}
      </p>
      {sorted.length ? (
        <ListTable
          id="states"
          caption={m.t('states.title')}
          columns={[m.t('states.name'), m.t('states.code'), m.t('states.group'), m.t('states.organizations')]}
        >
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
        </ListTable>
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
                    <a href={`/${l}/organizations/${code}`}>
                      <Localized text={o?.names} locale={l} fallback={code} />
                    </a>
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
        <RecordActions m={m} base={base} archived={s.archived_at !== null} csrfToken={csrfToken} actions={actions} />
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
  const has = (field: string) =>
    problems.some((p) => p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`));
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
              <label for={`org-${code}`}>
                <Localized text={o?.names} locale={l} fallback={code} />
              </label>
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
