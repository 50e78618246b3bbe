/**
 * Which revision of the model a build shows (runbook footer and cover, the pages, the offline app):
 * DRIFTSBOK_REVISION, else the git commit the project is at, else "unknown". Node-only.
 */
import { execFileSync } from 'node:child_process';
import { readSettings } from './settings.ts';

/** `git rev-parse --short HEAD` in `cwd`; undefined outside a git checkout or without git. */
export function gitRevision(cwd = process.cwd()): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** The model revision: DRIFTSBOK_REVISION, else what git says, else "unknown". */
export function resolveRevision(env: Record<string, string | undefined>, fromGit: () => string | undefined = gitRevision): string {
  const set = readSettings(env).DRIFTSBOK_REVISION;
  if (set) return set;
  const git = fromGit()?.trim();
  return git ? git : 'unknown';
}
