// The resolve hook of test/support/file-scope.js (it runs in the loader's thread).
const shim = new URL('./file-tests.js', import.meta.url).href;
const tests = new URL('../', import.meta.url).href;
const src = new URL('../../src/', import.meta.url).href;
// The test files and their helpers: test/ (the worker and this shim aside) and the tests of src/.
const isTestCode = (url) =>
  (url.startsWith(tests) && url !== shim && !url.endsWith('/test/worker.js')) || (url.startsWith(src) && /\.test\.tsx?$/.test(url));

export async function resolve(specifier, context, next) {
  if ((specifier === 'node:test' || specifier === 'test') && context.parentURL && isTestCode(context.parentURL))
    return { url: shim, shortCircuit: true };
  return next(specifier, context);
}
