/**
 * The disk cache of rendered SVGs: one file per diagram, named by a key of everything that decides
 * the SVG (cacheKey), written in one rename with a content hash, verified on every read, and pruned
 * of entries not used for a month. A rebuild with an unchanged model never starts the browser.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DiagramSpec } from './types.ts';
import { readSettings } from '../settings.ts';
import { MERMAID_CONFIG, RENDERER_VERSION } from './render-config.ts';
import { mermaidPatchId, mermaidVersion } from './mermaid-script.ts';
import { unsafeSvgProblems } from './svg-post.ts';

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(readSettings(env).DRIFTSBOK_DIAGRAM_CACHE);
}

/** The cache key of a spec: everything that decides the SVG. */
export function cacheKey(spec: DiagramSpec): string {
  return createHash('sha256')
    .update(JSON.stringify([RENDERER_VERSION, mermaidVersion(), mermaidPatchId(), MERMAID_CONFIG, spec.id, spec.mermaid]))
    .digest('hex');
}

/**
 * A cache entry is the SVG and a last line with the SHA-256 of the SVG, written together in one
 * rename. On read the hash must match and the SVG must pass the same safety check as a fresh render
 * (assertSafeSvg): a cache folder restored in CI or shared between checkouts is not trusted blindly
 * (issue 15, finding 7). An entry that fails is deleted and rendered again, and the log says so.
 */
const CACHE_TRAILER = /\n<!-- driftsbok-sha256 ([0-9a-f]{64}) -->\n$/;

export function cacheEntry(svg: string): string {
  return `${svg}\n<!-- driftsbok-sha256 ${createHash('sha256').update(svg).digest('hex')} -->\n`;
}

/** The SVG of a cache entry, or why it is not to be used. */
export function verifyCacheEntry(spec: Pick<DiagramSpec, 'id' | 'source'>, entry: string): { svg: string } | { problem: string } {
  const trailer = CACHE_TRAILER.exec(entry);
  if (!trailer) return { problem: 'it has no content hash (written by an older driftsbok, or not by driftsbok)' };
  const svg = entry.slice(0, trailer.index);
  if (createHash('sha256').update(svg).digest('hex') !== trailer[1]) return { problem: 'its content does not match its hash' };
  if (!svg.includes(`id="dg-${spec.id}"`)) return { problem: 'it is the drawing of another diagram' };
  const unsafe = unsafeSvgProblems(svg);
  if (unsafe.length) return { problem: `unsafe SVG output: ${unsafe.join(', ')}` };
  return { svg };
}

/** Reads and verifies a cached SVG (and marks its last use for pruneCache), or undefined. */
export function readCached(spec: DiagramSpec, file: string, log: (message: string) => void): string | undefined {
  if (!existsSync(file)) return undefined;
  const checked = verifyCacheEntry(spec, readFileSync(file, 'utf8'));
  if ('problem' in checked) {
    log(`diagrams: the cached drawing of ${spec.id} is not used: ${checked.problem}; rendering it again`);
    try {
      unlinkSync(file);
    } catch {
      /* read-only cache: the fresh render is used all the same */
    }
    return undefined;
  }
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    /* read-only cache: fine */
  }
  return checked.svg;
}

/** Writes a cache entry for an SVG in one rename, so a reader never sees half a file. */
export function writeCacheEntry(file: string, svg: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, cacheEntry(svg));
  renameSync(tmp, file);
}

/** Whether a spec's SVG is in the disk cache already. */
export function isCached(spec: DiagramSpec): boolean {
  return existsSync(join(cacheDir(), `${cacheKey(spec)}.svg`));
}

/**
 * Deletes cached SVGs not used for `maxAgeDays` (each use refreshes a file's time), so a cache folder
 * that CI keeps does not grow forever. Returns how many were removed.
 */
export function pruneCache(maxAgeDays = 30, dir = cacheDir()): number {
  if (!existsSync(dir)) return 0;
  const cutoff = Date.now() - maxAgeDays * 86_400_000;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!/^[0-9a-f]{64}\.svg$/.test(name)) continue;
    const path = join(dir, name);
    try {
      if (statSync(path).mtimeMs < cutoff) {
        unlinkSync(path);
        removed++;
      }
    } catch {
      /* raced with another build: fine */
    }
  }
  return removed;
}
