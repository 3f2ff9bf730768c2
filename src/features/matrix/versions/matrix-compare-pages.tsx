import { TableRegion } from '../../../platform/ui/tables.tsx';
import type { FC } from 'hono/jsx';
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import type { CellChange, ComparableCell } from './diff.ts';
import type { MatrixRow } from './matrices.ts';
import { Disclaimer, Evidence, statusLabel, valueClass } from './matrix-pages.tsx';
import { TransferLinks } from '../transfer/transfer-routes.tsx';

/** The versions of a State's matrix, and the comparison of two of them. */
export const VersionList: FC<{ m: Messages; versions: MatrixRow[]; base: string }> = ({ m, versions, base }) => {
  const newestFirst = versions;
  return (
    <>
      <Disclaimer m={m} demo={versions.some((v) => v.demo)} />
      <TableRegion labelledBy="versions-caption">
        <table class="list">
          <caption id="versions-caption" class="visually-hidden">
            {m.t('matrix.versions')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{m.t('matrix.version')}</th>
              <th scope="col">{m.t('matrix.status')}</th>
              <th scope="col">{m.t('matrix.template')}</th>
              <th scope="col">{m.t('matrix.statusSince')}</th>
              <th scope="col">{m.t('matrix.changed')}</th>
              <th scope="col">{m.t('transfer.download')}</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((v, i) => {
              const previous = newestFirst[i + 1];
              return (
                <tr>
                  <th scope="row">
                    <a href={`${base}?version=${v.number}`}>{m.t('matrix.versionNumber', { count: v.number })}</a>
                  </th>
                  <td>{statusLabel(m, v.status)}</td>
                  <td>{v.template_version}</td>
                  <td>{m.date(v.status_changed_at)}</td>
                  <td>
                    {previous ? (
                      <a href={`${base}/diff?from=${previous.number}&to=${v.number}`}>
                        {m.t('matrix.changesSince', { count: previous.number })}
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <TransferLinks m={m} base={base} version={v.number} compact />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
      {versions.length > 1 && (
        <>
          <h2 id="compare-h">{m.t('matrix.compareTitle')}</h2>
          <form method="get" action={`${base}/diff`} class="filters" aria-labelledby="compare-h">
            {(['from', 'to'] as const).map((name, k) => (
              <div class="field">
                <label for={`compare-${name}`}>{m.t(name === 'from' ? 'matrix.compareFrom' : 'matrix.compareTo')}</label>
                <select id={`compare-${name}`} name={name}>
                  {versions.map((v, i) => (
                    <option value={String(v.number)} selected={k === 0 ? i === 1 : i === 0}>
                      {m.t('matrix.versionNumber', { count: v.number })}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <button type="submit">{m.t('matrix.compare')}</button>
          </form>
        </>
      )}
    </>
  );
};

const CellSide: FC<{ m: Messages; cell: ComparableCell | null; side: 'from' | 'to' }> = ({ m, cell, side }) => {
  const v = cell?.value ?? '';
  const shown = <span class={valueClass(v)}>{v || m.t('matrix.blank')}</span>;
  return (
    <>
      <p class="diff-value">{side === 'from' ? <del>{shown}</del> : <ins>{shown}</ins>}</p>
      {cell && <Evidence m={m} cell={cell} />}
    </>
  );
};

export const DiffView: FC<{
  m: Messages;
  from: MatrixRow;
  to: MatrixRow;
  changes: CellChange[];
  label: (code: string) => string;
  base: string;
}> = ({ m, from, to, changes, label, base }) => (
  <>
    <Disclaimer m={m} demo={from.demo || to.demo} />
    <dl class="facts">
      <dt>{m.t('matrix.compareFrom')}</dt>
      <dd>
        <a href={`${base}?version=${from.number}`}>{m.number(from.number)}</a> ({statusLabel(m, from.status)})
      </dd>
      <dt>{m.t('matrix.compareTo')}</dt>
      <dd>
        <a href={`${base}?version=${to.number}`}>{m.number(to.number)}</a> ({statusLabel(m, to.status)})
      </dd>
    </dl>
    <p>
      <a href={`${base}/versions`}>{m.t('matrix.versions')}</a>
    </p>
    {changes.length === 0 ? (
      <p role="status">{m.t('matrix.noChanges')}</p>
    ) : (
      <TableRegion labelledBy="diff-caption">
        <table class="diff matrix-diff">
          <caption id="diff-caption" class="visually-hidden">
            {m.t('matrix.changed')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{m.t('matrix.field')}</th>
              <th scope="col">{m.t('matrix.changed')}</th>
              <th scope="col">{m.t('matrix.versionNumber', { count: from.number })}</th>
              <th scope="col">{m.t('matrix.versionNumber', { count: to.number })}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr>
                <th scope="row">
                  {label(c.field)}{' '}
                  <code dir="ltr" class="field-code">
                    {c.field}
                  </code>
                </th>
                <td>{m.list(c.changed.map((p) => m.t(`matrix.part.${p}` as MessageKey)))}</td>
                <td>
                  <CellSide m={m} cell={c.from} side="from" />
                </td>
                <td>
                  <CellSide m={m} cell={c.to} side="to" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    )}
  </>
);
