import type { FC } from 'hono/jsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField, languageNames } from '../../platform/http/layout.tsx';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { dirOf, locales } from '../../platform/i18n/locales.ts';
import { FieldErrors } from '../../platform/ui/forms.tsx';
import { languagesOf, nameIn } from './labels.ts';
import { OtherLanguages } from './pages.tsx';
import type { FaqView } from './queries.ts';

/** The FAQ in the reader's language: a group or question that has no version in it is shown as missing, with the languages that have it. */
export const FaqPage: FC<{ m: Messages; faq: FaqView[]; manage: boolean; history: boolean }> = ({ m, faq, manage, history }) => (
  <>
    {(manage || history) && (
      <p class="actions">
        {manage && <a href={`/${m.locale}/faq/manage`}>{m.t('publications.faq.manage')}</a>}
        {history && <a href={`/${m.locale}/faq/history`}>{m.t('publications.faq.history')}</a>}
      </p>
    )}
    {!faq.some((g) => g.questions.length) && <p>{m.t('publications.faq.empty')}</p>}
    {faq
      .filter((g) => g.questions.length)
      .map(({ group, questions }) => {
        const heading = group.titles[m.locale];
        return (
          <section aria-labelledby={`g-${group.id}`}>
            <h2 id={`g-${group.id}`}>{heading ?? <span class="missing-language">{m.t('publications.faq.groupMissing')}</span>}</h2>
            {questions.map((q) => {
              const version = q.texts[m.locale];
              const have = languagesOf(q.texts);
              return version ? (
                <details id={`q-${q.id}`} class="faq-question">
                  <summary>{version.question}</summary>
                  {version.answer.split(/\n{2,}/).map((p) => (
                    <p>{p}</p>
                  ))}
                </details>
              ) : (
                <div id={`q-${q.id}`} class="faq-question missing-language">
                  <p>{m.t('publications.faq.missing', { language: languageNames[m.locale] })}</p>
                  <OtherLanguages m={m} have={have} href={(l) => `/${l}/faq#q-${q.id}`} />
                </div>
              );
            })}
          </section>
        );
      })}
  </>
);

/** The secretariat's view of the FAQ: every group and question, archived ones too, with their order and languages. */
export const FaqManage: FC<{ m: Messages; faq: FaqView[] }> = ({ m, faq }) => (
  <>
    <p class="actions">
      <a href={`/${m.locale}/faq/groups/new`}>{m.t('publications.faq.newGroup')}</a>
      {faq.length > 0 && <a href={`/${m.locale}/faq/questions/new`}>{m.t('publications.faq.newQuestion')}</a>}
      <a href={`/${m.locale}/faq/history`}>{m.t('publications.faq.history')}</a>
      <a href={`/${m.locale}/faq`}>{m.t('publications.faq.title')}</a>
    </p>
    {faq.map(({ group, questions }) => {
      const heading = nameIn(group.titles, m.locale);
      return (
        <section>
          <h2>
            {group.position}. <span lang={heading?.language}>{heading?.value}</span>
            {group.archived_at && ` (${m.t('publications.faq.archived')})`}{' '}
            <a href={`/${m.locale}/faq/groups/${group.id}/edit`}>{m.t('record.edit')}</a>
          </h2>
          <ol>
            {questions.map((q) => {
              const name = nameIn(q.texts, m.locale);
              return (
                <li value={q.position}>
                  <span lang={name?.language}>{name?.value.question}</span> ({languagesOf(q.texts).join(', ')})
                  {q.archived_at && ` (${m.t('publications.faq.archived')})`}{' '}
                  <a href={`/${m.locale}/faq/questions/${q.id}/edit`}>{m.t('record.edit')}</a>
                </li>
              );
            })}
          </ol>
        </section>
      );
    })}
  </>
);

const Position: FC<{ m: Messages; value: string }> = ({ m, value }) => (
  <div class="field">
    <label for="position">{m.t('publications.faq.position')}</label>
    <input id="position" name="position" type="number" min={1} max={1000} value={value} required />
  </div>
);

const FormEnd: FC<{ m: Messages; cancel: string; archive?: { archived: boolean } }> = ({ m, cancel, archive }) => (
  <div class="actions">
    <button type="submit">{m.t('form.save')}</button>
    {archive && (
      <label>
        <input type="checkbox" name="archived" value="yes" checked={archive.archived} /> {m.t('publications.faq.archivedField')}
      </label>
    )}
    <a href={cancel}>{m.t('form.cancel')}</a>
  </div>
);

export const FaqGroupForm: FC<{
  m: Messages;
  action: string;
  values: Record<string, string>;
  problems: FieldProblem[];
  csrfToken: string;
  archive?: { archived: boolean };
}> = ({ m, action, values, problems, csrfToken, archive }) => (
  <form method="post" action={action} class="record-form">
    <FieldErrors m={m} problems={problems} />
    <CsrfField token={csrfToken} />
    {values.version && <input type="hidden" name="version" value={values.version} />}
    <Position m={m} value={values.position ?? '1'} />
    {locales.map((l) => (
      <div class="field" lang={l} dir={dirOf(l)}>
        <label for={`title-${l}`}>{m.t('publications.faq.groupTitle', { language: languageNames[l] })}</label>
        <input id={`title-${l}`} name={`title.${l}`} value={values[`title.${l}`] ?? ''} maxlength={200} />
      </div>
    ))}
    <FormEnd m={m} cancel={`/${m.locale}/faq/manage`} {...(archive ? { archive } : {})} />
  </form>
);

export const FaqQuestionForm: FC<{
  m: Messages;
  action: string;
  values: Record<string, string>;
  groups: { id: string; label: string }[];
  problems: FieldProblem[];
  csrfToken: string;
  archive?: { archived: boolean };
}> = ({ m, action, values, groups, problems, csrfToken, archive }) => (
  <form method="post" action={action} class="record-form">
    <FieldErrors m={m} problems={problems} />
    <CsrfField token={csrfToken} />
    {values.version && <input type="hidden" name="version" value={values.version} />}
    <div class="field">
      <label for="groupId">{m.t('publications.faq.group')}</label>
      <select id="groupId" name="groupId" required>
        {groups.map((g) => (
          <option value={g.id} selected={values.groupId === g.id}>
            {g.label}
          </option>
        ))}
      </select>
    </div>
    <Position m={m} value={values.position ?? '1'} />
    <p class="hint">{m.t('publications.versionsHint')}</p>
    {locales.map((l) => (
      <fieldset lang={l} dir={dirOf(l)}>
        <legend>{languageNames[l]}</legend>
        <div class="field">
          <label for={`question-${l}`}>{m.t('publications.faq.question', { language: languageNames[l] })}</label>
          <input id={`question-${l}`} name={`question.${l}`} value={values[`question.${l}`] ?? ''} maxlength={500} />
        </div>
        <div class="field">
          <label for={`answer-${l}`}>{m.t('publications.faq.answer', { language: languageNames[l] })}</label>
          <textarea id={`answer-${l}`} name={`answer.${l}`} rows={6}>
            {values[`answer.${l}`] ?? ''}
          </textarea>
        </div>
      </fieldset>
    ))}
    <FormEnd m={m} cancel={`/${m.locale}/faq/manage`} {...(archive ? { archive } : {})} />
  </form>
);
