// The unit tests (src/**/*.test.ts: no database, no server) in one process: node test/unit.ts FILE…
// Each file is a module of its own; one process spares every file the start of Node, tsx and the
// modules they share (some seconds of CPU a file). test/run.js runs them so.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

for (const file of process.argv.slice(2)) await import(pathToFileURL(resolve(file)).href);
