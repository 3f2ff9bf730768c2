// The embedded database's folder lock: one process a folder, for as long as that process lives.
//
// Why a listening Unix-domain socket. The lock must end with its holder, whatever happens to it
// (`kill -9`, a reboot), and must not depend on a process id, which the next process may reuse (a
// container whose server is PID 1): the lock file with a process id that this replaced refused
// every start after a `kill -9` there, and taking a stale one over was check-then-act. Node 20 has
// no flock(2); the npm packages that add it are native code built on install (fs-ext, os-lock:
// node-gyp and a compiler) or a fork with one release (fs-ext-extra-prebuilt); proper-lockfile and
// lockfile go by the file's age, which outlives its holder. A listening socket is the kernel's: a
// connect() to it succeeds while its process lives (even when that process is busy) and is refused
// from the moment it is gone.
//
// The socket's file stays behind a dead holder, though, and removing a stale one is check-then-act
// again, so the lock is a sequence of names, never taken over in place: `r1540.lock/<n>.sock`.
//   1. Listen on a name of one's own (`tmp-…`), so that every name below is live from its first
//      moment while its process lives.
//   2. Read the highest n. If `n.sock` answers, the folder is in use: refuse. If it is gone, read
//      again. If it is refused (its holder is dead), hard-link one's socket as `n+1.sock`: link(2)
//      creates a name only if it does not exist, so one process a number wins; the others read again.
//   3. Read the names again: if a higher n is there, one's own is not the lock (a process that read
//      long ago took an old number): remove it and read again. Else one holds the lock.
//   4. The holder removes the names below n-1 (dead) and keeps n-1, so that no reader can ever see
//      a maximum below it; on release it removes its own name, and the next process takes it again.
// Two holders would need the higher to have found the lower's live name refused, or the lower to
// have missed the higher name in step 3: neither can happen while names only appear live and the
// highest but one always stays. The tests race processes for it and `kill -9` its holders.
//
// The data folder must be on a local file system of this machine (as PGlite needs anyway): a
// socket on a network share does not answer from another machine.
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join, relative } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: string | undefined) {
    super(
      `The data folder ${dir} is already in use by ${pid ? `process ${pid}` : 'another process'}. Embedded PGlite allows one process per folder: ` +
        'stop the other process, or run several processes on one PostgreSQL server by setting DATABASE_URL.',
    );
    this.name = 'DataDirLockedError';
  }
}

const generation = /^(\d+)\.sock$/;
const temporary = /^tmp-\d+-[0-9a-f]+\.sock$/;

/** The highest number taken in the lock's folder, 0 when none is. */
function highest(lockDir: string): number {
  let top = 0;
  for (const name of readdirSync(lockDir)) {
    const m = generation.exec(name);
    if (m) top = Math.max(top, Number(m[1]));
  }
  return top;
}

function removeName(path: string): void {
  try {
    unlinkSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * A socket's address for bind and connect, which take at most 107 bytes: the path, else the path
 * from the working folder, else (Linux) the folder's open descriptor in /proc.
 */
class Addresses {
  private fd: number | undefined;
  constructor(private readonly lockDir: string) {}
  of(name: string): string {
    const full = join(this.lockDir, name);
    if (Buffer.byteLength(full) < 100) return full;
    const near = relative(process.cwd(), full);
    if (Buffer.byteLength(near) < 100) return near;
    if (process.platform !== 'linux')
      throw new Error(`The data folder's path is too long for its lock (${Buffer.byteLength(full)} bytes): use a shorter R1540_DATA_DIR`);
    this.fd ??= openSync(this.lockDir, 'r');
    return `/proc/self/fd/${this.fd}/${name}`;
  }
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

type Probe = { state: 'live'; pid: string | undefined } | { state: 'dead' } | { state: 'gone' };

/** Whether a process listens on the socket (with its process id, when it says it within a second). */
function probe(address: string): Promise<Probe> {
  return new Promise((resolve) => {
    const socket = connect(address);
    let said = '';
    let live = false;
    const done = (result: Probe) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    // A holder that does not answer in time (its event loop busy) is a holder all the same.
    const timer = setTimeout(() => done({ state: 'live', pid: undefined }), 1000);
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      live = true;
    });
    socket.on('data', (chunk: string) => {
      said += chunk;
    });
    socket.on('end', () => done({ state: 'live', pid: /^\d+$/.test(said.trim()) ? said.trim() : undefined }));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (live) return done({ state: 'live', pid: undefined });
      // Refused: no process listens (nor can: a file that is not a socket). Any other answer
      // (a full backlog, no permission) is taken as a holder's.
      if (err.code === 'ECONNREFUSED' || err.code === 'ENOTSOCK') return done({ state: 'dead' });
      if (err.code === 'ENOENT') return done({ state: 'gone' });
      done({ state: 'live', pid: undefined });
    });
  });
}

function listen(server: Server, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The lock's folder, made if missing; the lock file of earlier releases (a process id in `r1540.lock`) is replaced. */
function lockFolder(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const lockDir = join(dir, 'r1540.lock');
  try {
    if (!lstatSync(lockDir).isDirectory()) removeName(lockDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(lockDir, { recursive: true });
  return lockDir;
}

/** Step 4: the names below the holder's but one, and the temporary names of processes dead for a minute. */
async function sweep(lockDir: string, mine: number, addresses: Addresses): Promise<void> {
  for (const name of readdirSync(lockDir)) {
    const m = generation.exec(name);
    if (m && Number(m[1]) < mine - 1) removeName(join(lockDir, name));
    if (!temporary.test(name)) continue;
    try {
      if (Date.now() - lstatSync(join(lockDir, name)).mtimeMs < 60_000) continue;
    } catch {
      continue;
    }
    if ((await probe(addresses.of(name))).state === 'dead') removeName(join(lockDir, name));
  }
}

/**
 * Takes the data folder's lock, or throws DataDirLockedError naming the process that has it.
 * Resolves to its release (also done when the process exits); a process killed outright releases it
 * by ending.
 */
export async function lockDataDir(dir: string): Promise<() => void> {
  const lockDir = lockFolder(dir);
  const addresses = new Addresses(lockDir);
  // Whoever connects is told this process's id, for the message of a process refused.
  const server = createServer((c) => {
    c.on('error', () => {});
    c.end(`${process.pid}\n`);
  });
  const ownName = `tmp-${process.pid}-${randomBytes(6).toString('hex')}.sock`;
  const own = join(lockDir, ownName);
  let held: number | undefined;
  try {
    await listen(server, addresses.of(ownName));
    server.unref();
    for (let attempt = 0; attempt < 1000 && held === undefined; attempt++) {
      const top = highest(lockDir);
      if (top > 0) {
        const found = await probe(addresses.of(`${top}.sock`));
        if (found.state === 'live') throw new DataDirLockedError(dir, found.pid);
        if (found.state === 'gone') continue;
      }
      try {
        linkSync(own, join(lockDir, `${top + 1}.sock`));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw err;
      }
      if (highest(lockDir) === top + 1) held = top + 1;
      else removeName(join(lockDir, `${top + 1}.sock`));
    }
    if (held === undefined) throw new Error(`could not lock the data folder ${dir}`);
    // Tidying only: a name left behind is harmless.
    await sweep(lockDir, held, addresses).catch(() => {});
  } catch (err) {
    server.close();
    throw err;
  } finally {
    removeName(own);
    addresses.close();
  }
  const lock = join(lockDir, `${held}.sock`);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    removeName(lock);
    server.close();
  };
  process.once('exit', release);
  return release;
}
