import type { Child, FC, PropsWithChildren } from 'hono/jsx';

/**
 * A table in its own box that scrolls sideways when the table is wider than the screen (never the
 * whole page): a named region, focusable so that keyboard users can scroll it (a section with a name is a region landmark).
 */
export const TableRegion: FC<PropsWithChildren<{ labelledBy: string }>> = ({ labelledBy, children }) => (
  <section class="table-scroll" tabindex={0} aria-labelledby={labelledBy}>
    {children}
  </section>
);

/** A list of records as a table: its caption (for screen readers), its column headings, its rows. */
export const ListTable: FC<PropsWithChildren<{ id: string; caption: string; columns: readonly Child[] }>> = ({
  id,
  caption,
  columns,
  children,
}) => (
  <TableRegion labelledBy={`${id}-caption`}>
    <table class="list">
      <caption id={`${id}-caption`} class="visually-hidden">
        {caption}
      </caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col">{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  </TableRegion>
);

/** Previous and next pages of a long list. */
export const Pager: FC<{
  label: string;
  page: number;
  pages: number;
  href: (page: number) => string;
  previous: string;
  next: string;
  position: string;
}> = (p) =>
  p.pages > 1 ? (
    <nav class="pager" aria-label={p.label}>
      {p.page > 1 && (
        <a href={p.href(p.page - 1)} rel="prev">
          {p.previous}
        </a>
      )}
      <span>{p.position}</span>
      {p.page < p.pages && (
        <a href={p.href(p.page + 1)} rel="next">
          {p.next}
        </a>
      )}
    </nav>
  ) : null;
