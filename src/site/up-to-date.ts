/**
 * Whether a build can be skipped: the same inputs as the last successful build into the same
 * folder, and that folder exactly as the build left it. Node-only (reads files).
 *
 * A second `npm run build` with nothing changed then takes well under a second instead of starting
 * Astro to copy every page from its cache. "Exactly as left" is checked from every file's path,
 * size and modification time (renames keep them), so deleting or editing anything in dist/ makes
 * the next build run in full; `--force` always does.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface BuildRecord {
  /** Everything the output is made from (see scripts/build.ts). */
  key: string;
  /** The folder the build wrote. */
  outDir: string;
  /** outputManifest(outDir) right after the build. */
  manifest: string;
}

/** A hash of every file under `dir`: relative path, size and modification time. Empty dir or missing: ''. */
export function outputManifest(dir: string): string {
  if (!existsSync(dir)) return '';
  const hash = createHash('sha256');
  let files = 0;
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(folder, entry.name);
      const name = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(path, `${name}/`);
      else {
        const stat = statSync(path);
        hash.update(`${name}\0${stat.size}\0${stat.mtimeMs}\n`);
        files++;
      }
    }
  };
  walk(dir, '');
  return files ? hash.digest('hex') : '';
}

export function readBuildRecord(file: string): BuildRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuildRecord>;
    return typeof record.key === 'string' && typeof record.outDir === 'string' && typeof record.manifest === 'string'
      ? (record as BuildRecord)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Written last, after the output is in place: a crash before it leaves the old record, which no longer matches. */
export function writeBuildRecord(file: string, record: BuildRecord): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(record) + '\n');
  renameSync(tmp, file);
}

/** Whether the output in `outDir` is what a build with `key` would write. */
export function isUpToDate(record: BuildRecord | undefined, key: string, outDir: string): boolean {
  if (!record || record.key !== key || record.outDir !== outDir) return false;
  const manifest = outputManifest(outDir);
  return manifest !== '' && manifest === record.manifest;
}
