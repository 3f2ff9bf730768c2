import { parseArgs } from 'node:util';
import { type Command, write, writeLine, writeWhole } from '../../platform/cli.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { PdfPrinter, chromiumPath } from '../../platform/formats/pdf.ts';
import { messages } from '../../platform/i18n/i18n.ts';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { accountNamed } from '../accounts/index.ts';
import { type ReviewFormat, reviewFile, reviewFormats } from './outputs.ts';
import { type ReviewRow, reviewOfYear } from './queries.ts';

export const reviewUsage = `  review draft --year YYYY [--lang L] [--format html|docx|pdf] [--out FILE] [--as E]
                             the annual review of the year in a language (en by default), its latest
                             edition, as printable HTML, Word (DOCX) or PDF (printed by Chromium);
                             to FILE, else standard output; with --as as that account may see it
                             (the public: the published review only)`;

/** `r1540 review draft --year Y [--lang L] [--format F] [--out FILE] [--as E]` */
const draftCommand: Command = async (args, cli) => {
  const { values } = parseArgs({
    args,
    options: {
      year: { type: 'string' },
      lang: { type: 'string', default: 'en' },
      format: { type: 'string', default: 'html' },
      out: { type: 'string' },
      as: { type: 'string' },
    },
  });
  const problems = [];
  const year = Number(values.year);
  if (values.year === undefined) problems.push({ field: '--year', problem: 'is required (the year of the review, YYYY)' });
  else if (!/^[0-9]{4}$/.test(values.year)) problems.push({ field: '--year', problem: `must be a year (YYYY), got "${values.year}"` });
  if (!isLocale(values.lang)) problems.push({ field: '--lang', problem: `must be one of ar, zh, en, fr, ru, es, got "${values.lang}"` });
  if (!(reviewFormats as readonly string[]).includes(values.format))
    problems.push({ field: '--format', problem: `must be one of ${reviewFormats.join(', ')}, got "${values.format}"` });
  if (problems.length) throw invalid(problems);
  const m = messages(values.lang as Locale);
  const app = await cli.open();
  const printer = new PdfPrinter({ executablePath: chromiumPath(cli.env) });
  try {
    const db = app.database.db;
    const viewer = values.as ? await accountNamed(db, values.as) : undefined;
    // Without --as the operator, who holds the database itself, reads the latest edition, draft or not.
    const review: ReviewRow | undefined = viewer
      ? await reviewOfYear(db, viewer, year)
      : await db
          .selectFrom('annual_review')
          .selectAll()
          .where('year', '=', year)
          .where('archived_at', 'is', null)
          .orderBy('edition', 'desc')
          .limit(1)
          .executeTakeFirst();
    if (!review) throw notFound(`the review of ${year}${viewer ? ` that ${viewer.email} may see` : ''}`);
    const file = await reviewFile(db, m, review, values.format as ReviewFormat, () => printer);
    if (values.out && values.out !== '-') await writeWhole(values.out, file.body);
    else await write(cli.stdout, file.body);
    writeLine(
      cli.stderr,
      `the ${year} review (edition ${review.edition}, ${review.status}) in ${m.locale} as ${values.format}: ${file.body.length} bytes${values.out && values.out !== '-' ? ` to ${values.out}` : ''}`,
    );
    return 0;
  } finally {
    await printer.close();
    await app.database.close();
  }
};

/** `r1540 review <draft> …` */
export const reviewCommand: Command = async (args, cli) => {
  const [name, ...rest] = args;
  if (name !== 'draft') {
    writeLine(cli.stderr, `r1540 review: say draft\n\n${reviewUsage}`);
    return 2;
  }
  return draftCommand(rest, cli);
};
