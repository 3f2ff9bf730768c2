import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import '../../src/features/registry.ts';
import { usage } from '../../src/app/cli/commands.ts';

/*
 * `r1540 --help` as a process prints what the build wrote beside the compiled command line
 * (dist/cli-usage.txt), without loading it: the same text as `run` prints from the sources.
 */
const bin = new URL('../../bin/r1540.js', import.meta.url).pathname;
const r1540 = (...args: string[]) =>
  promisify(execFile)(process.execPath, [bin, ...args], { encoding: 'utf8' }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );

test('r1540 --help, -h and help print the usage of the sources; no command is a usage error (2)', async () => {
  for (const flag of ['--help', '-h', 'help']) assert.deepEqual(await r1540(flag), { code: 0, stdout: `${usage()}\n` }, flag);
  assert.deepEqual(await r1540(), { code: 2, stdout: `${usage()}\n` });
});

test('the usage names the lists of the Committee’s own records', () => {
  for (const command of [
    'meetings list [--year Y] [--kind K] [--format table|json|csv]',
    'events list [--from D] [--to D] [--group G] [--state ISO3] [--organization O]',
    'events ics [the same filters] --out FILE',
    'publications list [--kind K] [--year Y] [--status S] [--lang L]',
    'cooperation list [--organization O] [--format table|json|csv] [--as E]',
  ])
    assert.ok(usage().includes(command), command);
});
