import { TableRegion } from '../../../platform/ui/tables.tsx';
import { FieldErrors } from '../../../platform/ui/forms.tsx';
import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../../platform/errors.ts';
import { CsrfField } from '../../../platform/http/layout.tsx';
import type { Messages } from '../../../platform/i18n/i18n.ts';
import type { ReviewCycleRow } from './review-data.ts';

/* The form of a review cycle and the list of cycles. */

export interface CycleFormValues {
  title?: string;
  purpose?: string;
  startsOn?: string;
  deadline?: string;
  holdDays?: string;
  templateVersion?: string;
  version?: string;
}

/** The fields of a cycle, for opening one and for changing it. */
export const CycleFields: FC<{ m: Messages; prefix: string; values: CycleFormValues; problems: FieldProblem[]; templates: string[] }> = ({
  m,
  prefix,
  values,
  problems,
  templates,
}) => {
  const bad = (field: string) => (problems.some((p) => p.field === field) ? 'true' : undefined);
  const id = (field: string) => `${prefix}-${field}`;
  return (
    <>
      <div class="field">
        <label for={id('title')}>{m.t('review.fieldTitle')}</label>
        <input id={id('title')} name="title" value={values.title ?? ''} required maxlength={200} aria-invalid={bad('title')} />
      </div>
      <div class="field">
        <label for={id('purpose')}>{m.t('review.purpose')}</label>
        <textarea id={id('purpose')} name="purpose" rows={3} maxlength={4000} aria-invalid={bad('purpose')}>
          {values.purpose ?? ''}
        </textarea>
      </div>
      <div class="review-dates">
        <div class="field">
          <label for={id('startsOn')}>{m.t('review.startsOn')}</label>
          <input id={id('startsOn')} name="startsOn" type="date" value={values.startsOn ?? ''} required aria-invalid={bad('startsOn')} />
        </div>
        <div class="field">
          <label for={id('deadline')}>{m.t('review.deadline')}</label>
          <input id={id('deadline')} name="deadline" type="date" value={values.deadline ?? ''} required aria-invalid={bad('deadline')} />
        </div>
        <div class="field">
          <label for={id('holdDays')}>{m.t('review.holdDays')}</label>
          <input
            id={id('holdDays')}
            name="holdDays"
            type="number"
            min={1}
            max={3650}
            inputmode="numeric"
            value={values.holdDays ?? '60'}
            aria-invalid={bad('holdDays')}
          />
        </div>
        <div class="field">
          <label for={id('templateVersion')}>{m.t('review.template')}</label>
          <select id={id('templateVersion')} name="templateVersion" aria-invalid={bad('templateVersion')}>
            {templates.map((t) => (
              <option value={t} selected={values.templateVersion === t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      </div>
    </>
  );
};

export interface CycleListItem {
  cycle: ReviewCycleRow;
  finished: number;
  total: number;
}

export const CycleList: FC<{
  m: Messages;
  items: CycleListItem[];
  canCreate: boolean;
  templates: string[];
  csrfToken: string;
  problems: FieldProblem[];
  values: CycleFormValues;
}> = ({ m, items, canCreate, templates, csrfToken, problems, values }) => {
  const l = m.locale;
  return (
    <>
      <p class="lead">{m.t('review.lead')}</p>
      {items.length === 0 ? (
        <p>{m.t('review.none')}</p>
      ) : (
        <TableRegion labelledBy="cycles-caption">
          <table class="list">
            <caption id="cycles-caption" class="visually-hidden">
              {m.t('review.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{m.t('review.fieldTitle')}</th>
                <th scope="col">{m.t('review.startsOn')}</th>
                <th scope="col">{m.t('review.deadline')}</th>
                <th scope="col">{m.t('review.finishedCol')}</th>
                <th scope="col">{m.t('review.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map(({ cycle, finished, total }) => (
                <tr>
                  <th scope="row">
                    <a href={`/${l}/matrix/reviews/${cycle.id}`}>{cycle.title}</a>
                    {cycle.demo && <span class="review-badge"> {m.t('review.demo')}</span>}
                  </th>
                  <td>{m.date(cycle.starts_on)}</td>
                  <td>{m.date(cycle.deadline)}</td>
                  <td>
                    <progress max={total} value={finished} aria-label={m.t('review.finishedCount', { count: m.number(finished) })}>
                      {m.number(finished)}
                    </progress>{' '}
                    {m.number(finished)}
                  </td>
                  <td>{cycle.closed_at ? m.t('review.closedOn', { date: m.date(cycle.closed_at) }) : m.t('review.open')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {canCreate && (
        <section aria-labelledby="create-h">
          <h2 id="create-h">{m.t('review.createTitle')}</h2>
          <form method="post" class="record-form" novalidate>
            <FieldErrors m={m} problems={problems} />
            <CsrfField token={csrfToken} />
            <CycleFields m={m} prefix="new" values={values} problems={problems} templates={templates} />
            <div class="actions">
              <button type="submit">{m.t('review.create')}</button>
            </div>
          </form>
        </section>
      )}
    </>
  );
};
