/**
 * One key for everything a page of the site is made from, so that Astro's incremental build can
 * reuse a page from the previous build when none of it changed: the model and prose folders, the
 * project's own code and static files, the lockfile, the settings pages read from the environment,
 * and the diagram renderer's version. Any change to any of them re-renders every page: coarse, but
 * never stale. Node-only (reads files).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folders never part of the inputs, wherever they appear. */
const SKIP = new Set(['node_modules', '.git', '.cache', '.astro', 'dist']);

/** The settings pages read from the environment (the model and content folders are hashed by content). */
export const PAGE_SETTINGS = ['DRIFTSBOK_PROFILE', 'DRIFTSBOK_REVISION', 'DRIFTSBOK_PUBLIC_URL', 'DRIFTSBOK_BASE'] as const;

/** A folder, following a symbolic link; false for a link that loops or leads nowhere. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function listFiles(dir: string, out: string[] = [], above: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  if (statSync(dir).isFile()) {
    out.push(dir);
    return out;
  }
  // A link to a folder that holds it would be listed forever.
  const real = realpathSync(dir);
  if (above.includes(real)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.dist-')) continue;
    const path = join(dir, entry.name);
    // Symlinks are followed (src/content/docs points into content/), by reading what they name.
    if (entry.isDirectory() || (entry.isSymbolicLink() && isFolder(path))) listFiles(path, out, [...above, real]);
    else out.push(path);
  }
  return out;
}

/**
 * A file's bytes. A link that loops or leads nowhere, or a pipe, counts by what it is instead:
 * reading it would throw or never return, and the model and prose checks after this report it.
 */
function contentOf(file: string): Buffer | string {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    let target = '';
    try {
      target = readlinkSync(file);
    } catch {
      // Not a link.
    }
    return `unreadable ${(error as NodeJS.ErrnoException).code ?? ''} ${target}`;
  }
  return stat.isFile() ? readFileSync(file) : `not a file, mode ${stat.mode}`;
}

export interface SiteInputs {
  root: string;
  /** Folders and files whose every byte counts (model, content, src, public, config, lockfile). */
  paths: string[];
  env: NodeJS.ProcessEnv;
  /** Anything else that shapes the output, e.g. the diagram renderer and Mermaid versions. */
  extra: string[];
}

export function siteInputKey({ root, paths, env, extra }: SiteInputs): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([PAGE_SETTINGS.map((name) => env[name] ?? ''), extra]));
  const files = [...new Set(paths.flatMap((path) => listFiles(path)))].sort();
  for (const file of files) {
    hash.update(`\0${relative(root, file)}\0`);
    hash.update(contentOf(file));
  }
  return hash.digest('hex');
}
