import { parseArgs } from 'node:util';
import { type Command, writeLine } from '../../platform/cli.ts';
import { asOptions, listFormat, printList, withCliApp } from '../../platform/cli-list.ts';
import { invalid } from '../../platform/errors.ts';
import { isLocale } from '../../platform/i18n/locales.ts';
import { accountNamed } from '../accounts/index.ts';
import { publicationJson } from './api.ts';
import { publicationFilters } from './inputs.ts';
import { languagesOf, versionIn } from './labels.ts';
import { listPublications } from './queries.ts';

export const publicationsUsage = `  publications list [--kind K] [--year Y] [--status S] [--lang L] [--format table|json|csv] [--as E]
                             statements, the Chair's messages, press releases and news, newest first,
                             as the public (without --as: published ones) or the account E sees them;
                             titles in the language L (en by default): a missing version is said so`;

/** `r1540 publications list …`: the list of the page and the API; a version missing in the language is never filled from another. */
export const publicationsCommand: Command = async (args, cli) => {
  const [sub, ...rest] = args;
  if (sub !== 'list') throw invalid([{ field: 'command', problem: 'write publications list' }]);
  const { values } = parseArgs({
    args: rest,
    options: {
      kind: { type: 'string' },
      year: { type: 'string' },
      status: { type: 'string' },
      lang: { type: 'string', default: 'en' },
      format: { type: 'string' },
      as: { type: 'string' },
    },
  });
  const format = listFormat(values.format);
  const filters = asOptions(() => publicationFilters({ kind: values.kind, year: values.year, status: values.status }));
  const lang = values.lang;
  if (!isLocale(lang)) throw invalid([{ field: '--lang', problem: 'must be one of ar, zh, en, fr, ru, es' }]);
  return withCliApp(cli, async (app) => {
    const db = app.database.db;
    const viewer = values.as ? await accountNamed(db, values.as) : null;
    const { total, rows } = await listPublications(db, viewer, filters, { limit: 100_000, offset: 0 });
    await printList(cli, format, {
      json: { count: total, data: rows.map(publicationJson) },
      header: ['dated', 'kind', 'status', 'reference', 'languages', `title (${lang})`, 'id'],
      rows: rows.map(({ row, texts }) => [
        row.dated,
        row.kind,
        row.status,
        row.reference,
        languagesOf(texts).join(' '),
        versionIn(texts, lang)?.title ?? `(no ${lang} version)`,
        row.id,
      ]),
    });
    writeLine(cli.stderr, `${total} publication${total === 1 ? '' : 's'}`);
    return 0;
  });
};
