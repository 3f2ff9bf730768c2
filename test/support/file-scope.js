// Loader hook for test/worker.js (several test files in one process): a test file's `node:test`
// (and that of the helpers it shares, test/support/) resolves to test/support/file-tests.js, which
// registers its tests as it would, and keeps the promise of each, so that the worker can wait for
// one file's tests before it imports the next. Registered by `--import ./test/support/file-scope.js`.
import { register } from 'node:module';

register('./file-scope-hooks.js', import.meta.url);
