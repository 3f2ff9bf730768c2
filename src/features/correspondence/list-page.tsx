import type { FC } from 'hono/jsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { FilterForm, SelectField } from '../../platform/ui/forms.tsx';
import { ListTable } from '../../platform/ui/tables.tsx';
import { kindLabel, type Names, recipientsText, senderText } from './labels.ts';
import type { LetterView } from './present.ts';
import { letterKinds } from './schema.ts';

export interface ListFilters {
  state: string;
  year: string;
  kind: string;
}

export const LetterList: FC<{
  m: Messages;
  letters: LetterView[];
  total: number;
  names: Names;
  filters: ListFilters;
  years: number[];
  csvHref: string;
  pages: { previous: string | null; next: string | null };
  mayCreate: boolean;
}> = ({ m, letters, total, names, filters, years, csvHref, pages, mayCreate }) => {
  const states = [...names.states].sort((a, b) => m.compare(a[1], b[1]));
  return (
    <>
      {mayCreate && (
        <p>
          <a href={`/${m.locale}/letters/new`}>{m.t('letters.new')}</a>
        </p>
      )}
      <FilterForm submit={m.t('letters.filter')}>
        <SelectField
          name="state"
          id="letters-state"
          label={m.t('letters.state')}
          all={m.t('letters.allStates')}
          value={filters.state}
          options={states.map(([iso3, name]) => ({ value: iso3, label: name }))}
        />
        <SelectField
          name="year"
          id="letters-year"
          label={m.t('letters.year')}
          all={m.t('letters.allYears')}
          value={filters.year}
          options={years.map((y) => ({ value: String(y), label: y }))}
        />
        <SelectField
          name="kind"
          id="letters-kind"
          label={m.t('letters.kind')}
          all={m.t('letters.allKinds')}
          value={filters.kind}
          options={letterKinds.map((k) => ({ value: k, label: kindLabel(m, k) }))}
        />
      </FilterForm>
      <p role="status" class="count">
        {m.t('letters.count', { count: total })} · <a href={csvHref}>{m.t('letters.csv')}</a>
      </p>
      {letters.length ? (
        <ListTable
          id="letters"
          caption={m.t('letters.title')}
          columns={[
            m.t('letters.sentOn'),
            m.t('letters.kind'),
            m.t('letters.sender'),
            m.t('letters.recipients'),
            m.t('letters.subject'),
            m.t('letters.reference'),
          ]}
        >
          {letters.map(({ letter: l, recipients }) => (
            <tr>
              <td>
                <time datetime={l.sent_on}>{m.date(l.sent_on, 'medium')}</time>
              </td>
              <td>{kindLabel(m, l.kind)}</td>
              <td>{senderText(m, l, names)}</td>
              <td>{recipientsText(m, l, recipients, names)}</td>
              <th scope="row">
                <a href={`/${m.locale}/letters/${l.id}`}>{l.subject}</a>
              </th>
              <td dir="ltr">{l.reference}</td>
            </tr>
          ))}
        </ListTable>
      ) : (
        <p>{m.t('letters.none')}</p>
      )}
      {(pages.previous || pages.next) && (
        <nav class="actions" aria-label={m.t('letters.pages')}>
          {pages.previous && <a href={pages.previous}>{m.t('letters.previous')}</a>}
          {pages.next && <a href={pages.next}>{m.t('letters.next')}</a>}
        </nav>
      )}
    </>
  );
};
