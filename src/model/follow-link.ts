/**
 * The rule for symbolic links in the folders driftsbok reads (the model, the prose): a link is
 * followed only to a place inside the folder. One that loops, leads nowhere or leads out is a
 * problem the caller words for its own folder. Node-only (reads links).
 */
import { readlinkSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

export type FollowedLink =
  | { ok: true; target: string; real: string }
  | { ok: false; target: string; why: 'loop' | 'missing' | 'unreadable'; code?: string }
  | { ok: false; target: string; why: 'outside'; real: string };

/** True when `path` is inside `root` (both real paths). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Where the link at `path` leads, if it may be followed from the folder whose real path is `root`. */
export function followLink(path: string, root: string): FollowedLink {
  const target = readlinkSync(path);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { ok: false, target, why: 'loop' };
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, target, why: 'missing' };
    return { ok: false, target, why: 'unreadable', code: code ?? (error as Error).message };
  }
  return isInside(root, real) ? { ok: true, target, real } : { ok: false, target, why: 'outside', real };
}
