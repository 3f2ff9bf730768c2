import { parseArgs } from 'node:util';
import { type Command, write, writeLine } from '../../platform/cli.ts';
import { invalid } from '../../platform/errors.ts';
import { accountNamed } from '../accounts/index.ts';
import { rebuildSearchIndex } from './indexer.ts';
import { search } from './search.ts';

export const searchUsage = `  search reindex             index every record and document again (after an upgrade of the tokenizer)
  search query WORDS [--as E] [--kind K] [--state ISO3] [--year Y] [--lang L] [--page N] [--json]
                             search as the account (the public without --as) may see`;

const reindex: Command = async (_args, cli) => {
  const app = await cli.open();
  try {
    const started = Date.now();
    const s = await rebuildSearchIndex(app.database.db);
    const seconds = (Date.now() - started) / 1000;
    await write(
      cli.stdout,
      `indexed ${s.records} records in ${s.chunks} chunks (${(s.characters / 1e6).toFixed(1)} million characters) in ${seconds.toFixed(1)} s\n`,
    );
  } finally {
    await app.database.close();
  }
  return 0;
};

const query: Command = async (args, cli) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      as: { type: 'string' },
      kind: { type: 'string' },
      state: { type: 'string' },
      year: { type: 'string' },
      lang: { type: 'string' },
      page: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const q = positionals.join(' ');
  if (!q.trim()) throw invalid([{ field: 'WORDS', problem: 'say what to search for' }]);
  const app = await cli.open();
  try {
    const db = app.database.db;
    const viewer = values.as ? await accountNamed(db, values.as) : null;
    const r = await search(db, viewer ?? null, {
      q,
      kind: values.kind,
      state: values.state,
      year: values.year,
      language: values.lang,
      page: values.page,
    });
    if (values.json) await write(cli.stdout, `${JSON.stringify({ total: r.total, page: r.filters.page, data: r.hits }, null, 2)}\n`);
    else {
      const lines = [`${r.total} found`];
      for (const h of r.hits) {
        lines.push('', `${h.type}  ${h.title}  (${h.path})`);
        const text = h.snippet.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');
        if (text) lines.push(`  ${text}`);
      }
      await write(cli.stdout, `${lines.join('\n')}\n`);
    }
  } finally {
    await app.database.close();
  }
  return 0;
};

/** `r1540 search reindex | query …` */
export const searchCommand: Command = async (args, cli) => {
  const [name, ...rest] = args;
  if (name === 'reindex') return reindex(rest, cli);
  if (name === 'query') return query(rest, cli);
  writeLine(cli.stderr, `r1540 search: say reindex or query\n\n${searchUsage}`);
  return 2;
};
