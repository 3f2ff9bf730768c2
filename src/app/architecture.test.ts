import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { features } from '../features/registry.ts';

/*
 * The rules of the house that the code's imports show: the platform imports no feature and not the
 * composition root; a feature reaches another only through its index.ts, and only one listed before
 * it in the registry; nothing in src imports the composition root but the composition root. The
 * access-policy rows (`access.rows.ts`) import only the platform, and nothing else imports platform/testing.
 */

const src = resolve(import.meta.dirname, '..');

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const imports: Import[] = sourceFiles(src).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)(\s+type)?\s[^'";]*?from\s+'(\.[^']+)'|^import\s+'(\.[^']+)'|\bimport\('(\.[^']+)'\)/gm)].map(
    (m) => ({
      from: relative(src, file),
      to: relative(src, resolve(dirname(file), m[2] ?? m[3] ?? m[4] ?? '')),
      typeOnly: !!m[1],
    }),
  );
});

const layer = (path: string) => path.split('/')[0];
const featureOf = (path: string) => (path.startsWith('features/') && path !== 'features/registry.ts' ? path.split('/')[1] : undefined);
const order = new Map<string, number>(features.map((f, i) => [f.name, i]));

test('the imports were found', () => {
  assert.ok(imports.length > 1000, `${imports.length} imports`);
});

test('every feature in the registry is a folder of src/features named as its manifest says', () => {
  for (const f of features) assert.ok(statSync(join(src, 'features', f.name, 'index.ts')).isFile(), f.name);
});

test('the platform imports no feature and not the composition root', () => {
  const wrong = imports.filter((i) => layer(i.from) === 'platform' && ['features', 'app'].includes(layer(i.to) ?? ''));
  assert.deepEqual(wrong, []);
});

test('only the composition root imports the composition root', () => {
  const wrong = imports.filter((i) => layer(i.to) === 'app' && layer(i.from) !== 'app');
  assert.deepEqual(wrong, []);
});

test('a feature reaches another only through its index.ts', () => {
  const wrong = imports.filter((i) => {
    const from = featureOf(i.from);
    const to = featureOf(i.to);
    return from && to && from !== to && i.to !== `features/${to}/index.ts`;
  });
  assert.deepEqual(wrong, []);
});

test('a feature uses only features listed before it in the registry', () => {
  const wrong = imports
    .filter((i) => {
      const from = featureOf(i.from);
      const to = featureOf(i.to);
      return from && to && from !== to && (order.get(to) ?? Infinity) > (order.get(from) ?? -1);
    })
    .map((i) => `${i.from} → ${i.to}`);
  assert.deepEqual(wrong, []);
});

test('the composition root reaches the features only through their index.ts and the registry', () => {
  const wrong = imports.filter(
    (i) => layer(i.from) === 'app' && featureOf(i.to) && !/^features\/[^/]+\/index\.ts$/.test(i.to) && i.to !== 'features/registry.ts',
  );
  assert.deepEqual(wrong, []);
});

test('the access-policy rows import only the platform, and only they import platform/testing', () => {
  const isRows = (path: string) => path.endsWith('access.rows.ts');
  const wrong = imports
    .filter((i) =>
      isRows(i.from) ? layer(i.to) !== 'platform' : i.to.startsWith('platform/testing/') && !i.from.startsWith('platform/testing/'),
    )
    .map((i) => `${i.from} → ${i.to}`);
  assert.deepEqual(wrong, []);
});
