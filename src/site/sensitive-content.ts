/**
 * Prose files marked `sensitive: true` in their front matter, in the public profile: the content
 * collections (src/content.config.ts) never store them, so they get no page, no sidebar entry, no
 * search entry, and no entity page or runbook section shows them. (Their rendering is empty anyway:
 * src/markdown/sensitive.ts.) Node-side.
 */
import { readFileSync } from 'node:fs';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Profile } from '../model/profile.ts';
import { splitFrontMatter } from '../markdown/prose-check.ts';
import { isSensitivePage } from '../markdown/sensitive.ts';

/** Whether a prose file's front matter says `sensitive: true`. */
export function isSensitiveFile(path: string): boolean {
  return isSensitivePage(splitFrontMatter(readFileSync(path, 'utf8')).frontMatter);
}

/**
 * The loader, except that in the public profile an entry whose data says `sensitive: true` is
 * never stored (and one a previous build stored is removed).
 */
export function withoutSensitiveEntries(loader: Loader, profile: Profile): Loader {
  if (profile !== 'public') return loader;
  return {
    ...loader,
    name: `${loader.name}-public`,
    load: async (context: LoaderContext) => {
      const { store } = context;
      const guarded: LoaderContext['store'] = {
        get: (key) => store.get(key),
        entries: () => store.entries(),
        values: () => store.values(),
        keys: () => store.keys(),
        delete: (key) => store.delete(key),
        clear: () => store.clear(),
        has: (key) => store.has(key),
        addModuleImport: (fileName) => store.addModuleImport(fileName),
        set: (entry) => {
          if (isSensitivePage(entry.data)) {
            store.delete(entry.id);
            return false;
          }
          return store.set(entry);
        },
      };
      await loader.load({ ...context, store: guarded });
      for (const [id, entry] of store.entries()) if (isSensitivePage(entry.data)) store.delete(id);
    },
  };
}
