// A process that takes a data folder's lock, for the lock's tests: it loads, says `ready`, waits
// for a line on its standard input (so that several start racing at once), takes the lock of the
// folder given as its argument, says `locked` or `refused <message>`, and keeps the lock until its
// standard input closes or it is killed.
import { createInterface } from 'node:readline';
import { DataDirLockedError, lockDataDir } from '../../src/platform/db/data-dir-lock.ts';

const dir = process.argv[2]!;
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
lines.once('line', async () => {
  try {
    await lockDataDir(dir);
    process.stdout.write('locked\n');
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    process.stdout.write(`refused ${err.message}\n`);
  }
});
lines.once('close', () => process.exit(0));
