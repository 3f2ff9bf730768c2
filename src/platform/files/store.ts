import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/*
 * Files by content hash: <filesDir>/ab/cd/<sha256>. A file is written to a temporary name in its
 * own folder, flushed to disk and renamed, so that a reader never sees half a file; the same
 * content is stored once. Files are only ever read back as bytes, never executed.
 */

export function filePath(filesDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** Stores the bytes under their hash; `created` says whether this call wrote the file (and so may remove it). */
export async function putFile(filesDir: string, sha256: string, bytes: Buffer): Promise<{ path: string; created: boolean }> {
  const path = filePath(filesDir, sha256);
  if (await exists(path)) {
    const st = await stat(path);
    if (st.size === bytes.length) return { path, created: false };
  }
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
  try {
    const folder = await open(dirname(path), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // Some file systems do not sync folders; the rename is still atomic.
  }
  return { path, created: true };
}

export async function removeFile(path: string): Promise<void> {
  await rm(path, { force: true });
}
