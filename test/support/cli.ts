// `bin/r1540.js` as an operator runs it: a process of its own with the environment given (DATABASE_URL
// left out, so that the command opens the embedded database of R1540_DATA_DIR), nothing on its input.
import { spawn } from 'node:child_process';

const bin = new URL('../../bin/r1540.js', import.meta.url).pathname;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `r1540 ...args` with the environment without DATABASE_URL, plus `env`. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    const child = spawn(process.execPath, [bin, ...args], { env: { ...rest, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end('');
  });
}
