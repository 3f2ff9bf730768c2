#!/usr/bin/env node
// The package's command. tsx is a runtime dependency, so the TypeScript sources run as they are.
import { register } from 'tsx/esm/api';

register();
await import('../src/app/cli/main.ts');
