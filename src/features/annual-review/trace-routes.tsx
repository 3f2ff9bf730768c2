import type { Hono } from 'hono';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AppContextOf, AppEnv } from '../../platform/http/env.ts';
import { formBody, text } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/http/guard.ts';
import { render } from '../../platform/http/render.tsx';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { pick } from '../../platform/i18n/locales.ts';
import { can, may } from '../../platform/policy/policy.ts';
import { stateNames } from '../member-states/index.ts';
import { reconcileParagraph } from './commands.ts';
import { codesIn, reviewDocument, showValue } from './document.ts';
import { besideLastYear } from './previous.ts';
import { paragraphsOf, type ReviewRow } from './queries.ts';
import { traceFigure } from './sources.ts';
import { FigurePage, PreviousYearPage, TranslationsPage } from './trace-pages.tsx';
import { VersionDiffPage, VersionsPage } from './versions-pages.tsx';
import { translationTable } from './translations.ts';
import { compareSides, currentSide, definitionOf, type Side, versionsOf } from './versions.ts';

/*
 * The Committee side's pages around a review (issue 15, items 4, 5, 6 and 8), under
 * `/{lang}/reviews/{year}`: `figures/{key}` (a figure with the records behind it), `translations`,
 * `versions` and `versions/diff?from=&to=`, `previous-year`; and the expert's clearing of a flag,
 * `POST paragraphs/{key}/reconcile`. The drafts are the Committee side's: everyone else is refused
 * before the review is even looked up, so that nobody learns a draft exists.
 */

const draftResource = { type: 'annual-review' as const, confidentiality: 'committee' as const };
const committeeOnly = (c: AppContextOf) =>
  authorize(c, may(c.get('viewer'), 'annual-review.drafts'), 'the Committee’s working pages of the review');

/** A side of a comparison in the query: a version's number, or `now`. */
function sideOf(value: string | undefined): 'now' | number {
  if (value === 'now') return 'now';
  if (value && /^\d{1,6}$/.test(value)) return Number(value);
  throw new AppError('bad-request', 'give the two versions to compare as ?from=N&to=M (a version number, or now)');
}

export function traceRoutes(r: Hono<AppEnv>, loadReview: (c: AppContextOf) => Promise<ReviewRow>): void {
  r.get('/:year{[0-9]{4}}/figures/:key', async (c) => {
    committeeOnly(c);
    const m = c.get('m');
    const db = c.get('app').database.db;
    const review = await loadReview(c);
    const key = c.req.param('key');
    const trace = await traceFigure(db, m, c.get('viewer'), review, key);
    const doc = await reviewDocument(db, m, review);
    const figure = doc.figures.find((f) => f.key === key);
    if (!trace || !figure) throw notFound(`the figure ${key.slice(0, 60)}`);
    const codes = codesIn([trace.stored.value, trace.staleness?.freshValue, ...trace.lines.map((l) => l.state)]);
    const names = await stateNames(db, codes);
    const name = (iso3: string) => pick(names[iso3], m.locale) || iso3;
    return render(
      c,
      { title: m.t('annualReview.figure.title', { key, year: String(review.year) }) },
      <FigurePage
        m={m}
        year={review.year}
        cutOff={String(review.cut_off_on)}
        generatedAt={review.generated_at}
        figure={figure}
        trace={trace}
        freshShown={trace.staleness?.valueChanged ? showValue(m, trace.staleness.freshValue, name) : null}
        name={name}
      />,
    );
  });

  r.get('/:year{[0-9]{4}}/translations', async (c) => {
    committeeOnly(c);
    const m = c.get('m');
    const review = await loadReview(c);
    const rows = translationTable(await paragraphsOf(c.get('app').database.db, review.id));
    const mayEdit = can(c.get('viewer'), 'update', draftResource) && !['approved', 'transmitted', 'published'].includes(review.status);
    return render(
      c,
      { title: m.t('annualReview.translations.title', { year: String(review.year) }) },
      <TranslationsPage m={m} year={review.year} rows={rows} mayEdit={mayEdit} />,
    );
  });

  r.get('/:year{[0-9]{4}}/previous-year', async (c) => {
    committeeOnly(c);
    const m = c.get('m');
    const db = c.get('app').database.db;
    const review = await loadReview(c);
    const previous = await besideLastYear(db, c.get('viewer'), review);
    const names = await stateNames(db, codesIn(previous.rows.flatMap((x) => [x.now, x.before])));
    const name = (iso3: string) => pick(names[iso3], m.locale) || iso3;
    return render(
      c,
      { title: m.t('annualReview.previous.title', { year: String(review.year), previous: String(previous.year) }) },
      <PreviousYearPage
        m={m}
        year={review.year}
        previous={previous}
        definition={(k) => definitionOf(m, k)}
        shown={(v) => showValue(m, v, name)}
      />,
    );
  });

  r.get('/:year{[0-9]{4}}/versions', async (c) => {
    committeeOnly(c);
    const m = c.get('m');
    const review = await loadReview(c);
    const versions = await versionsOf(c.get('app').database.db, review.id);
    return render(
      c,
      { title: m.t('annualReview.versions.title', { year: String(review.year) }) },
      <VersionsPage
        m={m}
        year={review.year}
        edition={review.edition}
        versions={versions}
        statusLabel={(s) => m.t(`annualReview.status.${s}` as MessageKey)}
      />,
    );
  });

  r.get('/:year{[0-9]{4}}/versions/diff', async (c) => {
    committeeOnly(c);
    const m = c.get('m');
    const db = c.get('app').database.db;
    const review = await loadReview(c);
    const from = sideOf(c.req.query('from'));
    const to = sideOf(c.req.query('to'));
    const versions = await versionsOf(db, review.id);
    const side = async (label: 'now' | number): Promise<Side> => {
      if (label === 'now') return currentSide(db, review);
      const v = versions.find((x) => x.number === label);
      if (!v) throw notFound(`version ${label} of the ${review.year} review`);
      return { label, figures: v.figures, paragraphs: v.paragraphs };
    };
    const comparison = await compareSides(db, m, review, await side(from), await side(to));
    return render(
      c,
      { title: m.t('annualReview.diff.title', { year: String(review.year) }) },
      <VersionDiffPage m={m} year={review.year} from={from} to={to} comparison={comparison} />,
    );
  });

  r.post('/:year{[0-9]{4}}/paragraphs/:key/reconcile', async (c) => {
    const m = c.get('m');
    authorize(c, can(c.get('viewer'), 'update', draftResource), 'the drafts of the annual review');
    const review = await loadReview(c);
    const body = await formBody(c);
    const key = c.req.param('key');
    await reconcileParagraph(c.get('app').database.db, c.get('viewer')!, review.id, key, m.locale, {
      rowVersion: text(body, 'rowVersion'),
    });
    return c.redirect(`/${m.locale}/reviews/${review.year}#p-${key}`, 303);
  });
}
