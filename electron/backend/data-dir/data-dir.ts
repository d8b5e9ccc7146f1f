import { randomBytes } from 'node:crypto';
import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DataDirError } from '../errors';

/** Create the data dir if missing and prove it is writable; otherwise stop with one sentence. */
export async function prepareDataDir(dir: string): Promise<void> {
  try {
    await makeDirs(dir);
  } catch (error) {
    throw dataDirFailure(dir, error);
  }
  const info = await stat(dir);
  if (!info.isDirectory()) throw new DataDirError(`data dir ${dir} is not a directory.`);
  // mkdir succeeds on an existing read-only dir, and permission bits lie for root on some
  // mounts, so the only honest check is to write a file.
  const probe = join(dir, `.write-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(probe, 'ok');
    await unlink(probe);
  } catch (error) {
    throw dataDirFailure(dir, error);
  }
}

function dataDirFailure(dir: string, error: unknown): DataDirError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return new DataDirError(`data dir ${dir} is not a directory.`, { cause: error });
  }
  if (code === 'ENOSPC') return new DataDirError(`data dir ${dir} is on a full disk.`, { cause: error });
  return new DataDirError(`data dir ${dir} is not writable.`, { cause: error });
}

// Not mkdir({recursive: true}): on some file systems (e.g. a path under /proc) Node's
// recursive mkdir retries forever instead of failing, and a hang says nothing to anyone.
async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let current = resolve(dir); !(await exists(current)); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const path of missing) {
    try {
      await mkdir(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
