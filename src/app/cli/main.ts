import { readFileSync } from 'node:fs';

// The process's entry: its arguments, streams and environment to `run`, and the exit code back.
// A reader that stops early (`r1540 export | head`) closes the pipe: not an error of the command.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});
const argv = process.argv.slice(2);

// `r1540 --help` prints the usage that the build wrote beside the compiled code (cli-usage.txt,
// from `run`'s own), without loading the commands and their libraries; from the sources, or when
// the build is writing that file, `run` prints it.
const [asked] = argv;
if (argv.length <= 1 && (!asked || asked === 'help' || asked === '--help' || asked === '-h') && !process.env.R1540_WRITING_USAGE) {
  let text: string | undefined;
  try {
    text = readFileSync(new URL('../../cli-usage.txt', import.meta.url), 'utf8');
  } catch {}
  if (text !== undefined) {
    process.stdout.write(text);
    process.exitCode = asked ? 0 : 2;
  }
}
if (process.exitCode === undefined) {
  const { run } = await import('./run.ts');
  const code = await run(argv, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }, { env: process.env });
  // A command that ends well lets the process end by itself (`serve` keeps it running); a failure
  // ends it now, whatever handles are left open.
  if (code !== 0) process.exit(code);
}
