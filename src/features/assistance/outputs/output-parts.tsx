// The pieces the output pages share: links between them, table heads and cells, a request named by
// its State and date.
import type { FC } from 'hono/jsx';
import type { MessageKey, Messages } from '../../../platform/i18n/i18n.ts';
import { channelLabel, type Names, stateName } from '../labels.ts';
import { dateIn } from './words.ts';

/** Links between the three outputs. */
export const OutputLinks: FC<{ m: Messages; here: 'list' | 'quarterly' | 'figures'; committee: boolean }> = ({ m, here, committee }) => {
  const base = `/${m.locale}/assistance`;
  const links = [
    ...(committee
      ? [
          ['list', `${base}/list`, m.t('assistance.out.list.title')],
          ['quarterly', `${base}/quarterly`, m.t('assistance.out.q.title')],
        ]
      : []),
    ['figures', `${base}/figures`, m.t('assistance.out.figures.title')],
  ] as const;
  return (
    <nav aria-label={m.t('assistance.out.links')}>
      <ul class="inline-list">
        {links.map(([key, href, text]) => (
          <li>{key === here ? <span aria-current="page">{text}</span> : <a href={href}>{text}</a>}</li>
        ))}
      </ul>
    </nav>
  );
};

export const Lines: FC<{ lines: string[] }> = ({ lines }) =>
  lines.length ? (
    <ul>
      {lines.map((l) => (
        <li>{l}</li>
      ))}
    </ul>
  ) : (
    <>—</>
  );

/** A table's column headings. */
export const Head: FC<{ m: Messages; columns: MessageKey[] }> = ({ m, columns }) => (
  <thead>
    <tr>
      {columns.map((k) => (
        <th scope="col">{m.t(k)}</th>
      ))}
    </tr>
  </thead>
);

/** A date in a cell of its own. */
export const DateCell: FC<{ m: Messages; on: string }> = ({ m, on }) => (
  <td>
    <time datetime={on}>{dateIn(m, on, 'medium')}</time>
  </td>
);

/** When and how a request came. */
export const Received: FC<{ m: Messages; on: string; channel: string }> = ({ m, on, channel }) => (
  <>
    <time datetime={on}>{dateIn(m, on, 'medium')}</time>
    <br />
    {channelLabel(m, channel)}
  </>
);

/** A row's heading: the request, by its State and date, linked. */
export const RequestOf: FC<{ m: Messages; names: Names; x: { requestId: string; stateIso3: string; receivedOn: string } }> = ({
  m,
  names,
  x,
}) => (
  <th scope="row">
    <a href={`/${m.locale}/assistance/requests/${x.requestId}`}>
      {m.t('assistance.out.requestOf', { state: stateName(names, x.stateIso3), date: dateIn(m, x.receivedOn, 'medium') })}
    </a>
  </th>
);

/** One request: a row group, its State heading the rows of its items. */
