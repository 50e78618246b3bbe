/** A plain Astro + Starlight site with no diagrams, as many pages as the project's: the bench's baseline. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkNodeModules, ROOT } from './project.ts';

export const PLAIN_CONFIG = `// A plain Starlight site: no diagrams, same locales as driftsbok. Written by scripts/bench.ts.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  integrations: [
    starlight({
      title: { nb: 'plain', en: 'plain' },
      defaultLocale: 'root',
      locales: { root: { label: 'Norsk bokmål', lang: 'nb' }, en: { label: 'English', lang: 'en' } },
      // A short fixed sidebar: the default (every page) grows with N² in a 10 000-page site.
      sidebar: [
        { label: 'Start', translations: { en: 'Start' }, link: '/' },
        { label: 'Side 1', translations: { en: 'Page 1' }, link: '/p/1/' },
      ],
    }),
  ],
});
`;

const PLAIN_CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

export function plainPage(title: string, lang: 'nb' | 'en', n: number): string {
  const words =
    lang === 'nb'
      ? 'Denne siden er en vanlig side uten diagrammer. Den har litt tekst, en liste og en tabell, omtrent som en side om en maskin eller en tjeneste.'
      : 'This page is a plain page without diagrams. It has some text, a list and a table, much like a page about a machine or a service.';
  return `---
title: ${JSON.stringify(title)}
---

${words}

## ${lang === 'nb' ? 'Fakta' : 'Facts'}

| ${lang === 'nb' ? 'Felt' : 'Field'} | ${lang === 'nb' ? 'Verdi' : 'Value'} |
| --- | --- |
| id | page-${n} |
| vmid | ${100 + n} |
| status | running |

- ${lang === 'nb' ? 'Avhenger av' : 'Depends on'} [page ${Math.max(1, n - 1)}](${lang === 'en' ? '/en' : ''}/p/${Math.max(1, n - 1)}/)
- ${lang === 'nb' ? 'Brukes av' : 'Used by'} [page ${n + 1}](${lang === 'en' ? '/en' : ''}/p/${n + 1}/)

${words}
`;
}

/**
 * A throwaway Astro + Starlight project with `nbPages` + `enPages` Markdown pages (each count
 * includes the language's home page), node_modules symlinked from this project.
 */
export function makePlainProject(target: string, nbPages: number, enPages: number): void {
  mkdirSync(join(target, 'src/content/docs/p'), { recursive: true });
  mkdirSync(join(target, 'src/content/docs/en/p'), { recursive: true });
  linkNodeModules(target);
  // The same dependency list as this project: Vite decides what to bundle for SSR from it (without
  // it, Starlight is left external and its `astro:` imports fail at render time).
  const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: object; devDependencies?: object };
  writeFileSync(
    join(target, 'package.json'),
    JSON.stringify(
      { name: 'plain-bench', private: true, type: 'module', dependencies: own.dependencies, devDependencies: own.devDependencies },
      null,
      2,
    ),
  );
  writeFileSync(join(target, 'astro.config.mjs'), PLAIN_CONFIG);
  writeFileSync(join(target, 'src/content.config.ts'), PLAIN_CONTENT_CONFIG);
  writeFileSync(join(target, 'tsconfig.json'), JSON.stringify({ extends: 'astro/tsconfigs/strict' }));
  writeFileSync(join(target, 'src/content/docs/index.md'), plainPage('Forside', 'nb', 0));
  writeFileSync(join(target, 'src/content/docs/en/index.md'), plainPage('Home', 'en', 0));
  for (let n = 1; n < nbPages; n++) writeFileSync(join(target, `src/content/docs/p/${n}.md`), plainPage(`Side ${n}`, 'nb', n));
  for (let n = 1; n < enPages; n++) writeFileSync(join(target, `src/content/docs/en/p/${n}.md`), plainPage(`Page ${n}`, 'en', n));
}
