/**
 * Makes a finished site an installable offline app: a web app manifest per language, the page
 * script every page loads (src/offline/page-script.js), build-info.json (when this copy was built,
 * from which revision) and the service worker (src/offline/service-worker.js) with the list of
 * files it keeps and their content hashes (src/offline/precache.ts). Runs on the output folder
 * after the pages and the PDFs are in it. Node-only (fs).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Lang } from '../model/entities.ts';
import { INTL_LOCALE, t } from '../i18n/ui.ts';
import { formatBytes, planPrecache, type PrecachePlan, type SiteFile } from './precache.ts';

export interface OfflineAppOptions {
  outDir: string;
  /** The site's base path ("/" or "/driftsbok/"). */
  base: string;
  /** The site's title per language; the first language is the one served at the base. */
  titles: Partial<Record<Lang, string>>;
  locales: readonly Lang[];
  revision: string;
  profile: string;
  built: Date;
  /** Bytes fetched when the app is installed; the rest is kept once read. */
  budgetBytes: number;
}

export interface OfflineApp {
  plan: PrecachePlan;
  /** The script every page loads for the offline app, in bytes. */
  pageScriptBytes: number;
  version: string;
}

const THEME_COLOUR = '#1a4fb0';

function readTemplate(name: string): string {
  return readFileSync(new URL(name, import.meta.url), 'utf8');
}

function sha256(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Every file of the output folder, with its size and content hash. */
export function listSiteFiles(outDir: string): SiteFile[] {
  const files: SiteFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const content = readFileSync(path);
        files.push({ path: relative(outDir, path).split(sep).join('/'), bytes: content.length, hash: sha256(content) });
      }
    }
  };
  walk(outDir);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The manifest of one language: the app opens at that language's home page. */
export function webManifest(lang: Lang, title: string, base: string, isRoot: boolean): string {
  const start = isRoot ? base : `${base}${lang}/`;
  const icon = (file: string, size: number, purpose: string) => ({
    src: `${base}icons/${file}`,
    sizes: `${size}x${size}`,
    type: 'image/png',
    purpose,
  });
  return `${JSON.stringify(
    {
      id: base,
      name: title,
      short_name: title.length <= 12 ? title : title.slice(0, 12).trimEnd(),
      description: t(lang, 'offline.description'),
      lang: INTL_LOCALE[lang],
      start_url: start,
      scope: base,
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: THEME_COLOUR,
      icons: [icon('icon-192.png', 192, 'any'), icon('icon-512.png', 512, 'any'), icon('icon-maskable-512.png', 512, 'maskable')],
    },
    null,
    2,
  )}\n`;
}

/** The page script as served: the source without its comments and indentation. */
export function pageScript(): string {
  return `${readTemplate('./page-script.js')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('//'))
    .join('\n')}\n`;
}

/** The words the page script says, in each language. */
function pageWords(locales: readonly Lang[]) {
  return Object.fromEntries(
    locales.map((lang) => [
      lang,
      {
        locale: INTL_LOCALE[lang],
        built: t(lang, 'offline.built', { date: '{date}', revision: '{revision}' }),
        saved: t(lang, 'offline.saved'),
        offline: t(lang, 'offline.offline', { date: '{date}' }),
        newer: t(lang, 'offline.newer'),
      },
    ]),
  );
}

export function writeOfflineApp(options: OfflineAppOptions): OfflineApp {
  const { outDir, base, locales } = options;
  locales.forEach((lang, i) => {
    const dir = i === 0 ? outDir : join(outDir, lang);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'manifest.webmanifest'),
      webManifest(lang, options.titles[lang] ?? options.titles[locales[0]!] ?? 'driftsbok', base, i === 0),
    );
  });
  const script = pageScript();
  writeFileSync(join(outDir, 'offline.js'), script);
  // What this build is, apart from when it was made: the page compares it with the server's.
  const contentId = sha256(
    JSON.stringify([
      base,
      options.profile,
      listSiteFiles(outDir)
        .filter((f) => f.path !== 'build-info.json' && f.path !== 'sw.js')
        .map((f) => [f.path, f.hash]),
    ]),
  ).slice(0, 16);
  writeFileSync(
    join(outDir, 'build-info.json'),
    `${JSON.stringify({ id: contentId, built: options.built.toISOString(), revision: options.revision, profile: options.profile, root: locales[0], words: pageWords(locales) })}\n`,
  );
  const plan = planPrecache(listSiteFiles(outDir), base, options.budgetBytes);
  const entries = (list: typeof plan.precache) => list.map((e) => [encodeURI(e.url), e.hash]);
  const version = sha256(JSON.stringify(entries(plan.precache).concat(entries(plan.onVisit)))).slice(0, 16);
  const config = { scope: base, version, precache: entries(plan.precache), onVisit: entries(plan.onVisit) };
  writeFileSync(
    join(outDir, 'sw.js'),
    `const OFFLINE = ${JSON.stringify(config)};\n${readTemplate('./service-worker.js').replace(/^\/\* global OFFLINE \*\/\n/m, '')}`,
  );
  return { plan, pageScriptBytes: Buffer.byteLength(script), version };
}

/** One line for the build log. */
export function describeOfflineApp(app: OfflineApp): string {
  const { plan } = app;
  const later = plan.onVisit.length
    ? `; ${plan.onVisit.length} more files (${formatBytes(plan.totalBytes - plan.precacheBytes)}) kept once read`
    : '';
  return `offline: ${plan.precache.length} files, ${formatBytes(plan.precacheBytes)} kept for use without network (budget ${formatBytes(plan.budgetBytes)})${later}; ${app.pageScriptBytes} B of script per page`;
}
