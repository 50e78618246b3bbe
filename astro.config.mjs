// @ts-check
// The site is generated from the model: title and sidebar come from DRIFTSBOK_MODEL_DIR (default
// model/), prose from DRIFTSBOK_CONTENT_DIR (default content/). Nothing here names an infrastructure.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { diagramsIntegration } from './src/diagrams/integration.ts';
import { sitePaths } from './src/site/env.ts';
import { getSiteData } from './src/site/data.ts';
import { buildSidebar } from './src/site/sidebar.ts';
import { runbookSidebarLink } from './src/runbook/sidebar.ts';
import { starlightLocales, STARLIGHT_TRANSLATIONS } from './src/i18n/ui.ts';
import { localized } from './src/model/entities.ts';
import { entityLinksIntegration } from './src/markdown/satteri-entity-links.ts';
import { sensitiveProseIntegration } from './src/markdown/sensitive.ts';
import { isSensitiveFile } from './src/site/sensitive-content.ts';
import { docsDirFor } from './src/site/content-dirs.ts';
import { siteBase } from './src/site/base.ts';
import { readSettings } from './src/settings.ts';
import { offlineHead } from './src/offline/head.ts';

const paths = sitePaths();
// The model the pages use (scripts/build.ts has loaded and checked it already, in this process),
// with the profile applied (src/model/profile.ts).
const { model, withheld, profile } = getSiteData();
const docs = docsDirFor(paths);
// Hand-written pages at the top of the docs folder join the sidebar (label from their frontmatter);
// the public profile leaves out those marked `sensitive: true` (they get no page either).
const docPages = existsSync(docs.dir)
  ? readdirSync(docs.dir)
      .filter((f) => /^[^_].*\.mdx?$/.test(f) && !/^index\./.test(f))
      .filter((f) => profile !== 'public' || !isSensitiveFile(join(docs.dir, f)))
      .sort()
      .map((f) => ({ slug: f.replace(/\.mdx?$/, '') }))
  : [];

export default defineConfig({
  // The path the site is served under (DRIFTSBOK_BASE, default /): e.g. /driftsbok/ on GitHub Pages.
  base: siteBase(),
  // What `astro preview` serves: scripts/build.ts always names its own output folder, so this only
  // lets the end-to-end tests serve a fixture's build (DRIFTSBOK_DIST_DIR, scripts/e2e-fixture.ts).
  outDir: readSettings().DRIFTSBOK_DIST_DIR,
  // Where the site is published, when the model knows (canonical URLs, sitemap).
  ...(model.site.publicUrl && /^https?:\/\//.test(model.site.publicUrl) ? { site: model.site.publicUrl } : {}),
  // Pages carry a cacheKey when scripts/build.ts computed one (src/site/input-key.ts): a rebuild with
  // nothing changed then copies last build's pages instead of rendering them again.
  experimental: { incrementalBuild: true },
  integrations: [
    // First: sensitive prose blocks go (public) or get their mark (full) before anything else reads them.
    sensitiveProseIntegration(profile),
    entityLinksIntegration(model, withheld),
    diagramsIntegration(),
    starlight({
      title: { nb: localized(model.site.title, 'nb'), en: localized(model.site.title, 'en') },
      defaultLocale: 'root',
      locales: starlightLocales(model.site.locales),
      sidebar: [...buildSidebar(model, [], [runbookSidebarLink()]), ...docPages],
      // The offline app (src/offline/): its files are written into the output by scripts/build.ts.
      head: offlineHead(siteBase()),
      // Starlight writes the <title> as raw HTML; ours writes it as text (model names are text).
      components: { Head: './src/components/Head.astro' },
      ...(docs.usesSymlink ? {} : { markdown: { processedDirs: [docs.dir] } }),
      // Tables that fit the column or scroll in a frame that shows it (src/components/TableFrame.astro).
      // The offline notice (src/offline/) styles offline.css; the sensitive marks sensitive.css;
      // pagination.css keeps the previous/next cards from breaking words.
      customCss: ['./src/styles/tables.css', './src/styles/offline.css', './src/styles/sensitive.css', './src/styles/pagination.css'],
      // Starlight's Norwegian lacks Pagefind's words ("Load more results" on a Norwegian page).
      plugins: [
        {
          name: 'driftsbok-translations',
          hooks: {
            'i18n:setup': ({ injectTranslations }) => injectTranslations(STARLIGHT_TRANSLATIONS),
            // Starlight requires this hook of every plugin; there is nothing to configure.
            'config:setup': () => {},
          },
        },
      ],
    }),
  ],
});
