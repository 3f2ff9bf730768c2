import { todayIso } from '../../platform/values/dates.ts';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { type CliServices, type Command, readAll, write, writeLine } from '../../platform/cli.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { messages } from '../../platform/i18n/i18n.ts';
import { isLocale } from '../../platform/i18n/locales.ts';
import { may, type Viewer } from '../../platform/policy/policy.ts';
import { accountNamed } from '../accounts/index.ts';
import { type Actor, actorOf, systemActor } from '../../platform/audit/record.ts';
import { requestDetail } from './api.ts';
import { audienceOf, presentOffer, presentRequest } from './api-schemas.ts';
import { activeOffers, matchItemsOf, matchOfferOf, setWeights, takeStep, weightsInForce } from './requests/commands.ts';
import { defaultWeights, rankOffersForItem, reasonsText } from './matching/matching.ts';
import {
  currentWeights,
  deliveredByProvider,
  findRequest,
  flagsOf,
  itemsOf,
  listOffers,
  listRequests,
  offerProviderKey,
} from './queries.ts';
import { requestStatuses } from './schema.ts';

export const assistanceUsage = `  assistance list [--state ISO3] [--year Y] [--status S] [--json] [--as E]
                             the requests for assistance, newest first, with their items and status
  assistance show ID [--json] [--as E]   one request: items, steps, circulation, responses, matches
  assistance step ID ACTION --on DATE [--providers organization:WCO,state:FRA] [--note TEXT] [--as E]
                             takes a step of the procedure (as the system, or as account E)
  assistance offers [--json] [--as E]    the offers of assistance
  assistance match ID [--limit N] [--lang L] [--as E]
                             the offers the engine ranks for each item of a request, with the reasons
  assistance weights show | set FILE [--as E]
                             the matching weights in force; set them from a JSON file (- for standard input)
  (without --as the operator, who holds the database itself, sees every record)`;

/** The operator at the console: the Committee side's view of everything (no account of its own). */
const operator: Viewer = {
  id: '00000000-0000-0000-0000-000000000000',
  email: 'system',
  displayName: 'system',
  role: 'admin',
  stateIso3: null,
  organizationCode: null,
};

/** The account a command reads or acts as: --as E, or the operator (for changes: the system actor). */
async function who(db: Kysely<DB>, as: string | undefined): Promise<{ viewer: Viewer; account: Viewer | null; actor: Actor }> {
  if (!as) return { viewer: operator, account: null, actor: systemActor };
  const account = await accountNamed(db, as);
  return { viewer: account, account, actor: actorOf(account) };
}

async function withApp(
  cli: CliServices,
  run: (db: Kysely<DB>, print: (text: string) => Promise<void>) => Promise<number>,
): Promise<number> {
  const app = await cli.open();
  try {
    return await run(app.database.db, (text) => write(cli.stdout, text));
  } finally {
    await app.database.close();
  }
}

async function visible(db: Kysely<DB>, viewer: Viewer, id: string | undefined) {
  if (!id) throw invalid([{ field: 'ID', problem: 'name the request (its id)' }]);
  const row = await findRequest(db, viewer, id);
  if (!row)
    throw new AppError(
      'not-found',
      `no request for assistance ${id.slice(0, 40)} that ${viewer === operator ? 'exists' : `${viewer.email} may see`}`,
    );
  return row;
}

const list: Command = async (args, cli) => {
  const { values } = parseArgs({
    args,
    options: {
      state: { type: 'string' },
      year: { type: 'string' },
      status: { type: 'string' },
      json: { type: 'boolean', default: false },
      as: { type: 'string' },
    },
  });
  const problems = [];
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) problems.push({ field: '--year', problem: 'must be a year (YYYY)' });
  if (values.status !== undefined && !(requestStatuses as readonly string[]).includes(values.status))
    problems.push({ field: '--status', problem: `must be one of ${requestStatuses.join(', ')}` });
  if (values.state !== undefined && !/^[A-Za-z]{3}$/.test(values.state))
    problems.push({ field: '--state', problem: 'must be a State code (ISO3)' });
  if (problems.length) throw invalid(problems);
  return withApp(cli, async (db, print) => {
    const { viewer } = await who(db, values.as);
    const m = messages('en');
    const { total, rows } = await listRequests(
      db,
      viewer,
      {
        state: values.state,
        year: values.year ? Number(values.year) : undefined,
        status: values.status as (typeof requestStatuses)[number] | undefined,
      },
      { limit: 100_000, offset: 0 },
    );
    const [items, flags] = await Promise.all([
      itemsOf(
        db,
        rows.map((r) => r.id),
      ),
      flagsOf(db, rows, todayIso()),
    ]);
    const data = rows.map((r) => presentRequest(r, items, audienceOf(viewer, r), flags.get(r.id) ?? null, m));
    if (values.json) await print(`${JSON.stringify({ count: total, data }, null, 2)}\n`);
    else {
      const lines = [`${total} request${total === 1 ? '' : 's'}`];
      for (const r of data) {
        lines.push(
          `${r.id}  ${r.state}  ${r.receivedOn}  ${r.status} since ${r.statusOn}  ${r.items.length} item${r.items.length === 1 ? '' : 's'}${r.reference ? `  ${r.reference}` : ''}`,
        );
        for (const f of r.flags ?? []) lines.push(`  ! ${f.text}`);
      }
      await print(`${lines.join('\n')}\n`);
    }
    return 0;
  });
};

const show: Command = async (args, cli) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, as: { type: 'string' } },
  });
  return withApp(cli, async (db, print) => {
    const { viewer } = await who(db, values.as);
    const r = await visible(db, viewer, positionals[0]);
    // What the API answers for GET /assistance/requests/{id}, as the same reader.
    const request = await requestDetail(db, viewer, r, messages('en'));
    if (values.json) {
      await print(`${JSON.stringify(request, null, 2)}\n`);
      return 0;
    }
    const position = (itemId: string) => request.items.find((i) => i.id === itemId)?.position ?? '?';
    const lines = [
      `Request ${request.id} from ${request.state}, received ${request.receivedOn} (${request.channel})${request.reference ? `, ${request.reference}` : ''}`,
      `Status: ${request.status} since ${request.statusOn} (version ${request.rowVersion})`,
    ];
    if (request.contact?.name || request.contact?.email)
      lines.push(`Contact: ${[request.contact.name, request.contact.email && `<${request.contact.email}>`].filter(Boolean).join(' ')}`);
    for (const f of request.flags ?? []) lines.push(`! ${f.text}`);
    lines.push('', 'Items:');
    for (const i of request.items) lines.push(`  ${i.position}. ${i.description}  [${i.areas.join(', ')}]  (${i.id})`);
    lines.push('', 'Steps:');
    for (const s of request.steps) lines.push(`  ${s.on}  ${s.action}${s.actor ? `  by ${s.actor}` : ''}${s.note ? ` — ${s.note}` : ''}`);
    if (request.circulation.length)
      lines.push('', `Circulated to: ${request.circulation.map((x) => `${x.provider} (${x.on})`).join(', ')}`);
    if (request.responses.length) {
      lines.push('', 'Responses:');
      for (const x of request.responses)
        lines.push(`  ${x.respondedOn}  ${x.provider}: items ${x.itemIds.map(position).join(', ')}${x.text ? ` — ${x.text}` : ''}`);
    }
    if (request.matches.length) {
      lines.push('', 'Matches:');
      for (const x of request.matches)
        lines.push(
          `  item ${position(x.itemId)}: ${x.offerTitle} (${x.provider}) ${x.status}${x.score === null ? '' : `, score ${x.score}`}`,
        );
    }
    await print(`${lines.join('\n')}\n`);
    return 0;
  });
};

const step: Command = async (args, cli) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { on: { type: 'string' }, providers: { type: 'string' }, note: { type: 'string' }, as: { type: 'string' } },
  });
  const [id, action] = positionals;
  if (!id || !action || positionals.length > 2) {
    writeLine(cli.stderr, `usage: r1540 assistance step ID ACTION --on DATE [--providers a,b] [--note TEXT] [--as E]`);
    return 2;
  }
  if (!values.on) throw invalid([{ field: '--on', problem: 'is required: the date the step was taken (YYYY-MM-DD)' }]);
  return withApp(cli, async (db, print) => {
    const { viewer, account, actor } = await who(db, values.as);
    const r = await visible(db, viewer, id);
    const providers = values.providers
      ?.split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const row = await takeStep(db, actor, account, r.id, {
      action,
      on: values.on!,
      note: values.note,
      providers,
      expectedVersion: r.row_version,
    });
    await print(`${row.state_iso3.trim()} request ${row.id}: ${action} on ${values.on}, now ${row.status} (version ${row.row_version})\n`);
    return 0;
  });
};

const offers: Command = async (args, cli) => {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false }, as: { type: 'string' } } });
  return withApp(cli, async (db, print) => {
    const { viewer } = await who(db, values.as);
    const data = (await listOffers(db, viewer)).map(presentOffer);
    if (values.json) await print(`${JSON.stringify({ count: data.length, data }, null, 2)}\n`);
    else {
      const lines = [`${data.length} offer${data.length === 1 ? '' : 's'}`];
      for (const o of data)
        lines.push(
          `${o.id}  ${o.provider}  ${o.title}  [${o.areas.join(', ')}]${o.languages.length ? `  in ${o.languages.join(', ')}` : ''}`,
        );
      await print(`${lines.join('\n')}\n`);
    }
    return 0;
  });
};

const match: Command = async (args, cli) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { limit: { type: 'string' }, lang: { type: 'string', default: 'en' }, as: { type: 'string' } },
  });
  const problems = [];
  if (values.limit !== undefined && !/^[1-9]\d{0,1}$/.test(values.limit))
    problems.push({ field: '--limit', problem: 'must be a number from 1 to 99' });
  if (!isLocale(values.lang)) problems.push({ field: '--lang', problem: 'must be one of ar, zh, en, fr, ru, es' });
  if (problems.length) throw invalid(problems);
  const m = messages(values.lang as Parameters<typeof messages>[0]);
  return withApp(cli, async (db, print) => {
    const { viewer } = await who(db, values.as);
    const r = await visible(db, viewer, positionals[0]);
    const available = viewer === operator ? await activeOffers(db) : await listOffers(db, viewer);
    const byId = new Map(available.map((o) => [o.id, o]));
    const [items, engineItems, track, weights] = await Promise.all([
      itemsOf(db, [r.id]),
      matchItemsOf(db, [r.id]),
      deliveredByProvider(db),
      weightsInForce(db),
    ]);
    const engineOffers = available.map(matchOfferOf);
    const lines = [
      `Offers ranked for the request ${r.id} from ${r.state_iso3.trim()} (${engineOffers.length} offer${engineOffers.length === 1 ? '' : 's'} considered)`,
    ];
    for (const item of items) {
      const engineItem = engineItems.find((i) => i.id === item.id);
      const ranked = engineItem ? rankOffersForItem(engineItem, engineOffers, track, weights, values.limit ? Number(values.limit) : 5) : [];
      lines.push('', `Item ${item.position}: ${item.description}`);
      if (!ranked.length) lines.push('  no offer matches');
      ranked.forEach((x, k) => {
        const o = byId.get(x.offerId)!;
        lines.push(`  ${k + 1}. ${x.score}  ${o.title} (${offerProviderKey(o)})`, `     ${reasonsText(x.reasons, m.locale, m)}`);
      });
    }
    await print(`${lines.join('\n')}\n`);
    return 0;
  });
};

const weights: Command = async (args, cli) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { as: { type: 'string' } } });
  const [sub, file] = positionals;
  if (sub === 'show' && positionals.length === 1)
    return withApp(cli, async (db, print) => {
      const saved = await currentWeights(db);
      await print(`${JSON.stringify({ weights: await weightsInForce(db), defaults: defaultWeights, saved: saved !== null }, null, 2)}\n`);
      return 0;
    });
  if (sub === 'set' && file && positionals.length === 2) {
    let text: string;
    if (file === '-') {
      text = (await readAll(cli.stdin)).toString('utf8');
    } else {
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        throw invalid([{ field: 'FILE', problem: `${file} could not be read: ${(err as Error).message}` }]);
      }
    }
    return withApp(cli, async (db, print) => {
      const { account, actor } = await who(db, values.as);
      if (account && !may(account, 'set-matching-weights'))
        throw invalid([{ field: '--as', problem: `${account.email} may not set the matching weights (experts and administrators do)` }]);
      await setWeights(db, actor, text);
      await print(`${JSON.stringify({ weights: await weightsInForce(db), saved: true }, null, 2)}\n`);
      return 0;
    });
  }
  writeLine(cli.stderr, `usage: r1540 assistance weights show | set FILE [--as E]`);
  return 2;
};

const sub: Record<string, Command> = { list, show, step, offers, match, weights };

/** `r1540 assistance list | show | step | offers | match | weights …` */
export const assistanceCommand: Command = async (args, cli) => {
  const [name, ...rest] = args;
  const command = name ? sub[name] : undefined;
  if (!command) {
    writeLine(cli.stderr, `r1540 assistance: say list, show, step, offers, match or weights\n\n${assistanceUsage}`);
    return 2;
  }
  return command(rest, cli);
};
