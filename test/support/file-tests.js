// `node:test` as a test file sees it in test/worker.js: the same functions, except that `test`,
// `it`, `describe` and `suite` keep the promise that each returns (it settles when the test or
// suite has run), so that the worker waits for every test of one file before it imports the next.
// Hooks (`before`, `after`, …) need nothing: a file is imported inside a test of its own, so its
// top-level hooks belong to that test, and run before and after the file's tests as they would in
// a process of its own.
import * as real from 'node:test';

/** The promises of the tests registered since the worker last took them. */
export const registered = [];
function keep(register) {
  const kept = (...args) => {
    const done = register(...args);
    registered.push(done);
    return done;
  };
  // test.skip, test.todo, test.only, describe.skip…
  for (const name of ['skip', 'todo', 'only']) if (register[name]) kept[name] = keep(register[name]);
  return kept;
}

export const test = keep(real.test);
export const it = keep(real.it);
export const describe = keep(real.describe);
export const suite = keep(real.suite);
export const { before, after, beforeEach, afterEach, mock, run, only, skip, todo } = real;
export default test;
