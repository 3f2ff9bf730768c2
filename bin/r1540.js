#!/usr/bin/env node
// The package's command: the compiled application in dist/, built first when the sources changed
// since the last build (bin/build.js says so on standard error).
import { ensureBuilt } from './build.js';

try {
  ensureBuilt();
} catch (err) {
  process.stderr.write(`r1540: the build failed: ${err instanceof Error ? err.message : err}\n`);
  process.exit(1);
}
await import('../dist/app/cli/main.js');
