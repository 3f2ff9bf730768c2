// A test worker of test/run.js: one process that runs test files one after another, as test/run.js
// hands them over (IPC), instead of a process per file: the start of Node, tsx and the app's
// modules (some seconds of CPU) is paid once per worker instead of once per file.
//
// Each file is imported inside a top-level test named after it, so that the file's tests are its
// subtests and its top-level hooks are that test's hooks (test/support/file-scope.js points the
// file's `node:test` at test/support/file-tests.js, which keeps each test's promise): the worker
// waits for them all before it asks for the next file. The TAP output has one top-level result per
// file, which test/run.js reads.
//
//   node --import tsx --import ./test/support/file-scope.js --test-reporter=tap test/worker.js
import { resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { registered } from './support/file-tests.js';

/** The next file from test/run.js, or null when there is none. */
const next = () =>
  new Promise((done) => {
    process.once('message', (message) => done(message.file ?? null));
    process.send({ next: true });
  });

for (let file = await next(); file; file = await next()) {
  await test(file, async () => {
    await import(pathToFileURL(resolve(file)).href);
    // A test registered while others run (in a hook, say) is kept too: wait until none is left.
    while (registered.length) await Promise.all(registered.splice(0));
  });
}
process.disconnect();
// A handle a file left open (a server, a pool) would keep the worker alive after its last file.
setTimeout(() => process.exit(), 10_000).unref();
