import '../../features/registry.ts';
import { loadConfig } from '../../platform/config.ts';
import { DataDirLockedError } from '../../platform/db/connect.ts';
import { AppError } from '../../platform/errors.ts';
import { cliServices, commandNamed, usage } from './commands.ts';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commandNamed(name);
  if (!command) {
    console.error(`r1540: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const config = loadConfig();
  return (await command(config, rest, cliServices(config))) ?? 0;
}

try {
  const code = await main(process.argv.slice(2));
  if (code !== 0) process.exit(code);
} catch (err) {
  if (err instanceof DataDirLockedError) {
    console.error(`r1540: ${err.message}`);
    process.exit(3);
  }
  if (err instanceof AppError) {
    console.error(`r1540: ${err.fields.length ? `${err.fields.length} problem(s):` : err.message}`);
    for (const f of err.fields) console.error(`  - ${f.field}: ${f.problem}`);
    process.exit(1);
  }
  console.error('r1540:', err instanceof Error ? err.message : err);
  if (process.env.R1540_DEBUG) console.error(err);
  process.exit(1);
}
