import { TableRegion } from '../../../platform/ui/tables.tsx';
import { FieldErrors } from '../../../platform/ui/forms.tsx';
import type { Child, FC } from 'hono/jsx';
import type { FieldProblem } from '../../../platform/errors.ts';
import { CsrfField } from '../../../platform/http/layout.tsx';
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { pick } from '../../../platform/i18n/locales.ts';
import type { TemplateField } from './template.ts';
import type { TemplateRow } from './templates.ts';

/** The column a field sits in: its weapon type and kind of measure, in the reader's language. */
export function columnLabel(m: Messages, f: TemplateField): string {
  const kind = m.t(`matrix.kind.${f.measureKind}` as MessageKey);
  return f.weaponType ? `${m.t(`matrix.weapon.${f.weaponType}` as MessageKey)} · ${kind}` : kind;
}

export const TemplateList: FC<{
  m: Messages;
  templates: TemplateRow[];
  canCopy: boolean;
  csrfToken: string;
  problems: FieldProblem[];
  values: { from?: string; version?: string };
}> = ({ m, templates, canCopy, csrfToken, problems, values }) => {
  const l = m.locale;
  return (
    <>
      <p>{m.t('matrix.templatesLead')}</p>
      <TableRegion labelledBy="templates-caption">
        <table class="list">
          <caption id="templates-caption" class="visually-hidden">
            {m.t('matrix.templatesTitle')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{m.t('matrix.version')}</th>
              <th scope="col">{m.t('matrix.approvedOn')}</th>
              <th scope="col">{m.t('matrix.fields')}</th>
              <th scope="col">{m.t('matrix.basedOn')}</th>
              <th scope="col">{m.t('account.tokenState')}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((t) => (
              <tr>
                <th scope="row">
                  <a href={`/${l}/matrix/templates/${encodeURIComponent(t.version)}`}>{t.version}</a>
                </th>
                <td>{t.approved_on ? m.date(t.approved_on) : '—'}</td>
                <td>{m.number(t.field_count)}</td>
                <td>{t.based_on ?? '—'}</td>
                <td>{t.locked_at ? m.t('matrix.locked') : m.t('matrix.draft')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {canCopy && (
        <>
          <h2>{m.t('matrix.copyTitle')}</h2>
          <form method="post" class="record-form narrow" novalidate>
            <FieldErrors m={m} problems={problems} />
            <CsrfField token={csrfToken} />
            <div class="field">
              <label for="from">{m.t('matrix.copyFrom')}</label>
              <select id="from" name="from">
                {templates.map((t) => (
                  <option value={t.version} selected={values.from === t.version}>
                    {t.version}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="version">{m.t('matrix.newVersion')}</label>
              <input
                id="version"
                name="version"
                value={values.version ?? ''}
                required
                dir="ltr"
                pattern="[A-Za-z0-9][A-Za-z0-9._\-]{0,31}"
              />
            </div>
            <div class="actions">
              <button type="submit">{m.t('matrix.copy')}</button>
            </div>
          </form>
        </>
      )}
      <p class="help">{pick(templates[0]?.title, l)}</p>
    </>
  );
};

export const TemplateDetail: FC<{ m: Messages; template: TemplateRow; historyLink: boolean; children?: Child }> = ({
  m,
  template: t,
  historyLink,
  children,
}) => {
  const l = m.locale;
  const { sections, rows, fields } = t.definition;
  return (
    <>
      <dl class="facts">
        <dt>{m.t('matrix.approvedOn')}</dt>
        <dd>{t.approved_on ? m.date(t.approved_on) : '—'}</dd>
        <dt>{m.t('matrix.fields')}</dt>
        <dd>{m.number(t.field_count)}</dd>
        <dt>{m.t('matrix.basedOn')}</dt>
        <dd>{t.based_on ? <a href={`/${l}/matrix/templates/${encodeURIComponent(t.based_on)}`}>{t.based_on}</a> : '—'}</dd>
        <dt>{m.t('account.tokenState')}</dt>
        <dd>{t.locked_at ? m.t('matrix.lockedHelp') : m.t('matrix.draft')}</dd>
      </dl>
      {historyLink && (
        <p>
          <a href={`/${l}/matrix/templates/${encodeURIComponent(t.version)}/history`}>{m.t('record.history')}</a>
        </p>
      )}
      {children}
      <nav aria-label={m.t('matrix.sections')}>
        <ul class="inline-list">
          {sections.map((s) => (
            <li>
              <a href={`#${s.code}`}>{pick(s.labels, l)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map((s) => {
        const sectionRows = rows.filter((r) => r.section === s.code);
        const sectionFields = fields.filter((f) => f.paragraph === s.paragraph);
        // The columns of a section: the distinct (weapon type, kind) pairs, in field order.
        const columns = [...new Map(sectionFields.map((f) => [`${f.weaponType}|${f.measureKind}`, f])).values()];
        return (
          <section aria-labelledby={`h-${s.code}`}>
            <h2 id={s.code}>
              <span id={`h-${s.code}`}>{pick(s.labels, l)}</span>
            </h2>
            <TableRegion labelledBy={`h-${s.code}`}>
              <table class="list template">
                <thead>
                  <tr>
                    <th scope="col">{m.t('matrix.row')}</th>
                    {columns.map((c) => (
                      <th scope="col">{columnLabel(m, c)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {sectionRows.map((r) => (
                    <tr>
                      <th scope="row">{pick(r.labels, l)}</th>
                      {columns.map((c) => {
                        const f = sectionFields.find(
                          (x) => x.row === r.code && x.weaponType === c.weaponType && x.measureKind === c.measureKind,
                        );
                        return (
                          <td>
                            <code dir="ltr">{f?.code ?? ''}</code>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </section>
        );
      })}
    </>
  );
};
