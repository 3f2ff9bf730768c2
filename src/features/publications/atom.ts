import { Feed } from 'feed';
import type { Messages } from '../../platform/i18n/i18n.ts';
import { languageNames } from '../../platform/http/layout.tsx';
import { kindLabel, languagesOf } from './labels.ts';
import type { PublicationView } from './queries.ts';
import type { PublicationKind } from './schema.ts';

/**
 * The Atom feed (RFC 4287) of published publications, in the reader's language: an entry takes
 * the version in that language; one that has none says so in the reader's language and names the
 * languages it has, with the link to the publication. Only what the public may see is given.
 */
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** The text as HTML paragraphs, escaped: the feed's `type="html"` never carries markup someone typed. */
const asHtml = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');

export function publicationsAtom(m: Messages, origin: string, kind: PublicationKind | undefined, items: PublicationView[]): string {
  const title = kind ? `${m.t('publications.title')}: ${kindLabel(m, kind)}` : m.t('publications.title');
  const self = `${origin}/${m.locale}/publications/feed.atom${kind ? `?kind=${kind}` : ''}`;
  const updated = new Date(Math.max(Date.parse('2004-04-28T00:00:00Z'), ...items.map(({ row }) => row.updated_at.getTime())));
  const feed = new Feed({
    id: self,
    title,
    link: `${origin}/${m.locale}/publications${kind ? `?kind=${kind}` : ''}`,
    language: m.locale,
    updated,
    generator: false,
    feedLinks: { atom: self },
    copyright: m.t('layout.committee'),
    author: { name: m.t('layout.committee') },
  });
  for (const { row, texts } of items) {
    const version = texts[m.locale];
    const link = `${origin}/${m.locale}/publications/${row.id}`;
    const have = languagesOf(texts)
      .map((l) => languageNames[l])
      .join(', ');
    feed.addItem({
      id: `urn:uuid:${row.id}`,
      link,
      title: escapeHtml(version?.title ?? `${kindLabel(m, row.kind)} (${m.date(row.dated, 'medium')})`),
      date: new Date(`${row.published_on ?? row.dated}T00:00:00Z`),
      published: new Date(`${row.published_on ?? row.dated}T00:00:00Z`),
      description: escapeHtml(
        version
          ? version.body.slice(0, 500)
          : `${m.t('publications.missing', { language: languageNames[m.locale] })} ${m.t('publications.availableIn')} ${have}`,
      ),
      ...(version ? { content: asHtml(version.body) } : {}),
      category: [{ term: row.kind, name: kindLabel(m, row.kind) }],
    });
  }
  return feed.atom1();
}
