/**
 * Where Starlight's docs and the per-entity prose come from.
 *
 * Starlight's Markdown features (asides, language-aware labels) only run fully on
 * src/content/docs, which is a symlink to ../../content/docs. With the default content dir the
 * docs collection reads through that symlink. With another DRIFTSBOK_CONTENT_DIR (a second
 * infrastructure, a test fixture) the docs collection uses a glob loader on <dir>/docs instead,
 * registered with Starlight's `markdown.processedDirs` so asides still render. Nothing in the
 * work tree is rewritten for another content dir, so parallel builds do not disturb each other.
 */
import { join, resolve } from 'node:path';
import type { SitePaths } from './env.ts';

export interface DocsDir {
  dir: string;
  usesSymlink: boolean;
}

export function docsDirFor(paths: SitePaths): DocsDir {
  const usesSymlink = resolve(paths.contentDir) === resolve(paths.root, 'content');
  return { dir: join(paths.contentDir, 'docs'), usesSymlink };
}

export function entitiesDirFor(paths: SitePaths): string {
  return join(paths.contentDir, 'entities');
}
