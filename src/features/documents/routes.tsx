import { TableRegion } from '../../platform/ui/tables.tsx';
import { FieldErrors } from '../../platform/ui/forms.tsx';
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { CsrfField, languageNames } from '../../platform/http/layout.tsx';
import { render } from '../../platform/http/render.tsx';
import type { Messages, MessageKey } from '../../platform/i18n/i18n.ts';
import { type Locale, locales } from '../../platform/i18n/locales.ts';
import { confidentialityLevels } from '../../platform/policy/levels.ts';
import { can } from '../../platform/policy/policy.ts';
import { actorOf } from '../../platform/audit/record.ts';
import { readUpload } from './api.ts';
import { uploadDocument } from './commands.ts';
import {
  type DocumentFilters,
  type DocumentListRow,
  type DocumentRow,
  documentLinks,
  listDocuments,
  visibleDocument,
} from './documents.ts';
import { documentKinds } from './inputs.ts';
import { visibleDocumentLinks } from './links.ts';

const kindKey = (k: string) => `documents.kind.${k}` as MessageKey;
const levelKey = (c: string) => `documents.level.${c}` as MessageKey;
const languageName = (tag: string) => languageNames[tag as Locale] ?? tag;

const DocumentList: FC<{ m: Messages; rows: DocumentListRow[]; filters: DocumentFilters; mayUpload: boolean }> = ({
  m,
  rows,
  filters,
  mayUpload,
}) => (
  <>
    {mayUpload && (
      <p>
        <a href={`/${m.locale}/documents/new`}>{m.t('documents.new')}</a>
      </p>
    )}
    <form method="get" class="filters" aria-label={m.t('documents.filter')}>
      <div class="field">
        <label for="doc-state">{m.t('documents.state')}</label>
        <input id="doc-state" name="state" value={filters.state ?? ''} size={4} maxlength={3} dir="ltr" />
      </div>
      <div class="field">
        <label for="doc-kind">{m.t('documents.kind')}</label>
        <select id="doc-kind" name="kind">
          <option value="">{m.t('documents.any')}</option>
          {documentKinds.map((k) => (
            <option value={k} selected={filters.kind === k}>
              {m.t(kindKey(k))}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="doc-language">{m.t('documents.language')}</label>
        <select id="doc-language" name="language">
          <option value="">{m.t('documents.any')}</option>
          {locales.map((l) => (
            <option value={l} selected={filters.language === l}>
              {languageNames[l]}
            </option>
          ))}
        </select>
      </div>
      <div class="actions">
        <button type="submit">{m.t('documents.filter')}</button>
      </div>
    </form>
    {rows.length === 0 ? (
      <p>{m.t('documents.none')}</p>
    ) : (
      <TableRegion labelledBy="documents-h">
        <table class="list">
          <caption id="documents-h">{m.t('documents.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{m.t('documents.titleField')}</th>
              <th scope="col">{m.t('documents.kind')}</th>
              <th scope="col">{m.t('documents.state')}</th>
              <th scope="col">{m.t('documents.language')}</th>
              <th scope="col">{m.t('documents.uploaded')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr>
                <td>
                  <a href={`/${m.locale}/documents/${d.id}`}>{d.title}</a>
                </td>
                <td>{m.t(kindKey(d.kind))}</td>
                <td>{d.state_iso3 ?? '—'}</td>
                <td>{languageName(d.language)}</td>
                <td>{m.date(d.created_at, 'medium')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    )}
  </>
);

export interface UploadValues {
  title: string;
  language: string;
  kind: string;
  state: string;
  confidentiality: string;
  links: string;
  dated?: string;
}

const UploadForm: FC<{ m: Messages; csrfToken: string; values: UploadValues; problems: FieldProblem[]; maxMb: number }> = ({
  m,
  csrfToken,
  values,
  problems,
  maxMb,
}) => (
  <form method="post" action={`/${m.locale}/documents/new`} enctype="multipart/form-data" class="record-form">
    <FieldErrors m={m} problems={problems} />
    <CsrfField token={csrfToken} />
    <div class="field">
      <label for="doc-file">{m.t('documents.file', { size: maxMb })}</label>
      <input id="doc-file" name="file" type="file" required accept=".pdf,.docx,.txt,application/pdf,text/plain" />
    </div>
    <div class="field">
      <label for="doc-title">{m.t('documents.titleField')}</label>
      <input id="doc-title" name="title" required maxlength={300} value={values.title} />
    </div>
    <div class="field">
      <label for="doc-dated">{m.t('documents.dated')}</label>
      <input id="doc-dated" name="dated" type="date" value={values.dated ?? ''} dir="ltr" />
    </div>
    <div class="field">
      <label for="doc-language">{m.t('documents.language')}</label>
      <input id="doc-language" name="language" required maxlength={35} value={values.language} list="doc-languages" dir="ltr" />
      <datalist id="doc-languages">
        {locales.map((l) => (
          <option value={l}>{languageNames[l]}</option>
        ))}
      </datalist>
    </div>
    <div class="field">
      <label for="doc-kind">{m.t('documents.kind')}</label>
      <select id="doc-kind" name="kind">
        {documentKinds.map((k) => (
          <option value={k} selected={values.kind === k}>
            {m.t(kindKey(k))}
          </option>
        ))}
      </select>
    </div>
    <div class="field">
      <label for="doc-state">{m.t('documents.state')}</label>
      <input id="doc-state" name="state" maxlength={3} size={4} value={values.state} dir="ltr" />
    </div>
    <div class="field">
      <label for="doc-confidentiality">{m.t('documents.confidentiality')}</label>
      <select id="doc-confidentiality" name="confidentiality">
        {confidentialityLevels.map((c) => (
          <option value={c} selected={values.confidentiality === c}>
            {m.t(levelKey(c))}
          </option>
        ))}
      </select>
    </div>
    <div class="field">
      <label for="doc-links">{m.t('documents.links')}</label>
      <input id="doc-links" name="links" maxlength={4000} value={values.links} dir="ltr" />
    </div>
    <div class="actions">
      <button type="submit">{m.t('documents.submit')}</button>
    </div>
  </form>
);

const DocumentDetail: FC<{ m: Messages; d: DocumentRow; links: { recordType: string; recordId: string }[] }> = ({ m, d, links }) => (
  <>
    <dl class="record">
      <dt>{m.t('documents.kind')}</dt>
      <dd>{m.t(kindKey(d.kind))}</dd>
      <dt>{m.t('documents.state')}</dt>
      <dd>{d.state_iso3 ? <a href={`/${m.locale}/states/${d.state_iso3}`}>{d.state_iso3}</a> : '—'}</dd>
      <dt>{m.t('documents.language')}</dt>
      <dd>{languageName(d.language)}</dd>
      <dt>{m.t('documents.confidentiality')}</dt>
      <dd>{m.t(levelKey(d.confidentiality))}</dd>
      <dt>{m.t('documents.fileInfo')}</dt>
      <dd>
        <span dir="ltr">{d.original_name}</span> · {m.t('documents.size', { kb: Math.max(1, Math.round(Number(d.byte_size) / 1024)) })}
        {d.page_count !== null && <> · {m.t('documents.pages', { count: d.page_count })}</>}
      </dd>
      <dt>{m.t('documents.uploaded')}</dt>
      <dd>{m.dateTime(d.created_at)}</dd>
      {links.length > 0 && (
        <>
          <dt>{m.t('documents.linked')}</dt>
          <dd>
            <span dir="ltr">{links.map((l) => `${l.recordType}:${l.recordId}`).join(', ')}</span>
          </dd>
        </>
      )}
    </dl>
    <p>
      <a href={`/api/v1/documents/${d.id}/file`} download>
        {m.t('documents.download')}
      </a>
    </p>
    <h2>{m.t('documents.excerpt')}</h2>
    {d.extraction_status === 'extracted' ? (
      <pre class="document-excerpt" lang={d.language}>
        {d.extracted_text.slice(0, 3000)}
        {d.extracted_text.length > 3000 ? ' …' : ''}
      </pre>
    ) : (
      <p>{m.t('documents.notExtracted', { reason: d.extraction_problem ?? '' })}</p>
    )}
  </>
);

const empty: UploadValues = { title: '', language: '', kind: 'report', state: '', confidentiality: 'committee', links: '' };

export function documentWebRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    const filters: DocumentFilters = {
      state: c.req.query('state') || undefined,
      kind: c.req.query('kind') || undefined,
      language: c.req.query('language') || undefined,
    };
    const rows = await listDocuments(c.get('app').database.db, viewer, filters);
    const mayUpload = can(viewer, 'create', { type: 'document', confidentiality: 'public' });
    return render(c, { title: m.t('documents.title') }, <DocumentList m={m} rows={rows} filters={filters} mayUpload={mayUpload} />);
  });

  const mayUpload = (viewer: AppEnv['Variables']['viewer']) => {
    if (!viewer) throw new AppError('unauthenticated', 'log in to upload documents');
    if (!can(viewer, 'create', { type: 'document', confidentiality: 'public' }))
      throw new AppError('forbidden', 'your account may not upload documents');
  };

  r.get('/new', async (c) => {
    const m = c.get('m');
    mayUpload(c.get('viewer'));
    const maxMb = c.get('app').config.maxDocumentBytes / 1024 / 1024;
    // `?link=report:…` (from a record's page) prefills the link; the upload checks it like any other.
    const link = (c.req.query('link') ?? '').trim().slice(0, 200);
    const values = /^[a-z][a-z-]*:[A-Za-z0-9._-]{1,100}$/.test(link) ? { ...empty, links: link } : empty;
    return render(
      c,
      { title: m.t('documents.new') },
      <UploadForm m={m} csrfToken={c.get('csrfToken')} values={values} problems={[]} maxMb={maxMb} />,
    );
  });

  r.post('/new', async (c) => {
    const m = c.get('m');
    const viewer = c.get('viewer');
    mayUpload(viewer);
    const app = c.get('app');
    const { input } = await readUpload(c);
    const values: UploadValues = { ...input, links: input.links.join(', ') };
    try {
      const d = await uploadDocument(app.database.db, app.config, actorOf(viewer), viewer, input);
      return c.redirect(`/${m.locale}/documents/${d.id}`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'validation') throw e;
      const maxMb = app.config.maxDocumentBytes / 1024 / 1024;
      return render(
        c,
        { title: m.t('documents.new'), status: 422 },
        <UploadForm m={m} csrfToken={c.get('csrfToken')} values={values} problems={e.fields} maxMb={maxMb} />,
      );
    }
  });

  r.get('/:id', async (c) => {
    const db = c.get('app').database.db;
    const d = await visibleDocument(db, c.get('viewer'), c.req.param('id'));
    return render(
      c,
      { title: d.title },
      <DocumentDetail m={c.get('m')} d={d} links={await visibleDocumentLinks(db, c.get('viewer'), await documentLinks(db, d.id))} />,
    );
  });

  return r;
}
