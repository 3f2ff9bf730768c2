import { FieldErrors, FilterForm, SearchField, SelectField } from '../../platform/ui/forms.tsx';
import { RecordActions } from '../../platform/ui/record-actions.tsx';
import { ListTable, TableRegion } from '../../platform/ui/tables.tsx';
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField, languageNames } from '../../platform/http/layout.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { type LocalizedText, locales, pick } from '../../platform/i18n/locales.ts';
import { Localized } from './localized.tsx';
import type { OrganizationFilters, OrganizationRow } from './queries.ts';
import { organizationKinds } from './reference.ts';

export function kindLabel(m: Messages, kind: string): string {
  const key = `orgKind.${kind}`;
  return m.has(key) ? m.t(key) : kind;
}

export const OrganizationList: FC<{ m: Messages; organizations: OrganizationRow[]; filters: OrganizationFilters }> = ({
  m,
  organizations,
  filters,
}) => {
  const l = m.locale;
  return (
    <>
      <FilterForm submit={m.t('states.filter')}>
        <SearchField label={m.t('organizations.search')} value={filters.q} />
        <SelectField
          name="kind"
          label={m.t('organizations.kind')}
          all={m.t('organizations.allKinds')}
          value={filters.kind}
          options={organizationKinds.map((k) => ({ value: k, label: kindLabel(m, k) }))}
        />
      </FilterForm>
      <p role="status" class="count">
        {m.t('organizations.count', { count: organizations.length })}
      </p>
      {organizations.length ? (
        <ListTable
          id="organizations"
          caption={m.t('organizations.title')}
          columns={[m.t('organizations.acronym'), m.t('organizations.name'), m.t('organizations.kind')]}
        >
          {organizations.map((o) => (
            <tr>
              <th scope="row">
                <a href={`/${l}/organizations/${o.code}`}>
                  <Localized text={o.acronyms} locale={l} fallback={o.code} />
                </a>
              </th>
              <td>
                <Localized text={o.names} locale={l} />
              </td>
              <td>{kindLabel(m, o.kind)}</td>
            </tr>
          ))}
        </ListTable>
      ) : (
        <p>{m.t('organizations.none')}</p>
      )}
    </>
  );
};

export const OrganizationDetail: FC<{
  m: Messages;
  organization: OrganizationRow;
  /** The Member States that belong to it (the organization overview gives them). */
  members: { iso3: string; names: LocalizedText }[];
  actions: { edit: boolean; archive: boolean; history: boolean };
  csrfToken: string;
}> = ({ m, organization: o, members, actions, csrfToken }) => {
  const l = m.locale;
  const base = `/${l}/organizations/${o.code}`;
  const sorted = [...members].sort((a, b) => m.compare(pick(a.names, l), pick(b.names, l)));
  return (
    <>
      {o.archived_at && (
        <p class="notice" role="status">
          {m.t('record.archived', { date: m.date(o.archived_at) })}
        </p>
      )}
      <dl class="facts">
        <dt>{m.t('organizations.kind')}</dt>
        <dd>{kindLabel(m, o.kind)}</dd>
        {o.website && (
          <>
            <dt>{m.t('organizations.website')}</dt>
            <dd>
              <a href={o.website} rel="noopener noreferrer">
                {o.website}
              </a>
            </dd>
          </>
        )}
      </dl>
      <h2 id="names-heading">{m.t('states.namesHeading')}</h2>
      <TableRegion labelledBy="names-heading">
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{m.t('organizations.language')}</th>
              <th scope="col">{m.t('organizations.acronym')}</th>
              <th scope="col">{m.t('organizations.name')}</th>
            </tr>
          </thead>
          <tbody>
            {locales
              .filter((loc) => o.names[loc] || o.acronyms[loc])
              .map((loc) => (
                <tr>
                  <th scope="row">{languageNames[loc]}</th>
                  <td lang={loc} dir={loc === 'ar' ? 'rtl' : 'ltr'}>
                    {o.acronyms[loc] ?? ''}
                  </td>
                  <td lang={loc} dir={loc === 'ar' ? 'rtl' : 'ltr'}>
                    {o.names[loc] ?? ''}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </TableRegion>
      {sorted.length > 0 && (
        <>
          <h2>{m.t('organizations.members', { count: sorted.length })}</h2>
          <ul class="columns">
            {sorted.map((s) => (
              <li>
                <a href={`/${l}/states/${s.iso3}`}>{pick(s.names, l)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {(actions.edit || actions.archive || actions.history) && (
        <RecordActions m={m} base={base} archived={o.archived_at !== null} csrfToken={csrfToken} actions={actions} />
      )}
    </>
  );
};

export interface OrganizationFormValues {
  kind: string;
  names: Record<string, string>;
  acronyms: Record<string, string>;
  website: string;
  version: number;
}

export const OrganizationEditForm: FC<{
  m: Messages;
  organization: OrganizationRow;
  values: OrganizationFormValues;
  problems: FieldProblem[];
  csrfToken: string;
}> = ({ m, organization, values, problems, csrfToken }) => (
  <form method="post" class="record-form" novalidate>
    <FieldErrors m={m} problems={problems} />
    <CsrfField token={csrfToken} />
    <input type="hidden" name="version" value={String(values.version)} />
    <div class="field">
      <label for="kind">{m.t('organizations.kind')}</label>
      <select id="kind" name="kind">
        {organizationKinds.map((k) => (
          <option value={k} selected={values.kind === k}>
            {kindLabel(m, k)}
          </option>
        ))}
      </select>
    </div>
    {locales.map((loc) => (
      <fieldset>
        <legend>{languageNames[loc]}</legend>
        <div class="field">
          <label for={`acronym-${loc}`}>{m.t('organizations.acronym')}</label>
          <input
            id={`acronym-${loc}`}
            name={`acronyms.${loc}`}
            value={values.acronyms[loc] ?? ''}
            lang={loc}
            dir={loc === 'ar' ? 'rtl' : 'ltr'}
          />
        </div>
        <div class="field">
          <label for={`name-${loc}`}>{m.t('organizations.name')}</label>
          <input id={`name-${loc}`} name={`names.${loc}`} value={values.names[loc] ?? ''} lang={loc} dir={loc === 'ar' ? 'rtl' : 'ltr'} />
        </div>
      </fieldset>
    ))}
    <div class="field">
      <label for="website">{m.t('organizations.website')}</label>
      <input id="website" name="website" type="url" value={values.website} dir="ltr" />
    </div>
    <div class="actions">
      <button type="submit">{m.t('form.save')}</button>
      <a href={`/${m.locale}/organizations/${organization.code}`}>{m.t('form.cancel')}</a>
    </div>
  </form>
);
