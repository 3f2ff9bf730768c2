import { run } from './run.ts';

// The process's entry: its arguments, streams and environment to `run`, and the exit code back.
// A reader that stops early (`r1540 export | head`) closes the pipe: not an error of the command.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});
const code = await run(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin },
  { env: process.env },
);
// A command that ends well lets the process end by itself (`serve` keeps it running); a failure
// ends it now, whatever handles are left open.
if (code !== 0) process.exit(code);
