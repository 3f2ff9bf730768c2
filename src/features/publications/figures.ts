import type { PublicationKind, PublicationStatus } from './schema.ts';

/*
 * The figures of the Committee's publications for the annual review (¶44, ¶46 of the 2018
 * review: five press releases, as in 2017; the Chair's quarterly messages): pure functions over
 * plain records, each with the definition it uses, so that the API and the review say the same.
 */

/** What a figure looks at of a publication. */
export interface PublicationFact {
  kind: PublicationKind;
  status: PublicationStatus;
  /** The date the publication bears (YYYY-MM-DD). */
  dated: string;
  /** When the secretariat published it (YYYY-MM-DD), if it did. */
  publishedOn: string | null;
  archived: boolean;
}

export const publicationsFigureDefinition =
  'Publications of the kind published (not drafts, not approved-only, not archived) whose own date falls in the year, counted as at the date given: a publication published after that date is not counted.';

/** Whether a publication counts: published by `asAt` (when given), not archived. */
export function counts(p: PublicationFact, asAt?: string): boolean {
  return p.status === 'published' && !p.archived && p.publishedOn !== null && (asAt === undefined || p.publishedOn <= asAt);
}

/** The publications of a kind dated in a year. */
export function publicationsInYear(list: readonly PublicationFact[], kind: PublicationKind, year: number, asAt?: string): number {
  const prefix = `${year}-`;
  return list.filter((p) => p.kind === kind && p.dated.startsWith(prefix) && counts(p, asAt)).length;
}

/** The count per year of a kind, every year that has one, in year order. */
export function publicationsPerYear(
  list: readonly PublicationFact[],
  kind: PublicationKind,
  asAt?: string,
): { year: number; count: number }[] {
  const byYear = new Map<number, number>();
  for (const p of list)
    if (p.kind === kind && counts(p, asAt)) {
      const year = Number(p.dated.slice(0, 4));
      byYear.set(year, (byYear.get(year) ?? 0) + 1);
    }
  return [...byYear].sort(([a], [b]) => a - b).map(([year, count]) => ({ year, count }));
}

export interface YearFigures {
  year: number;
  pressReleases: number;
  pressReleasesYearBefore: number;
  chairMessages: number;
  statements: number;
  news: number;
  definition: string;
}

/** The publication figures of a year, and the press releases of the year before (¶46: "as in 2017"). */
export function yearFigures(list: readonly PublicationFact[], year: number, asAt?: string): YearFigures {
  return {
    year,
    pressReleases: publicationsInYear(list, 'press-release', year, asAt),
    pressReleasesYearBefore: publicationsInYear(list, 'press-release', year - 1, asAt),
    chairMessages: publicationsInYear(list, 'chair-message', year, asAt),
    statements: publicationsInYear(list, 'statement', year, asAt),
    news: publicationsInYear(list, 'news', year, asAt),
    definition: publicationsFigureDefinition,
  };
}
