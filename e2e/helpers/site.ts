/**
 * What the end-to-end tests need to know about the built site: the model it was built from and
 * the files in dist/. Node-side helpers for Playwright specs.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadModel } from '../../src/model/load-model.ts';
import type { Model } from '../../src/model/schema/model.ts';
import { listEntities, displayName, type EntityRecord, type Lang } from '../../src/model/entities.ts';
import { entityHref } from '../../src/site/urls.ts';
import { reachOf } from '../../src/analysis/reach.ts';
import { readSettings } from '../../src/settings.ts';

/** The settings the site under test was built with (src/settings.ts). */
export const SETTINGS = readSettings();
/** The build under test (DRIFTSBOK_DIST_DIR, what `astro preview` serves). */
export const DIST = SETTINGS.DRIFTSBOK_DIST_DIR;

export function siteModel(): Model {
  const result = loadModel(SETTINGS.DRIFTSBOK_MODEL_DIR);
  if (!result.ok) throw new Error(`e2e: the model does not load: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.model;
}

export interface EntityExpectation {
  key: string;
  lang: Lang;
  url: string;
  name: string;
  /** Text that must appear on the page (vmid, IP, status words). */
  facts: string[];
  record: EntityRecord;
}

export function entityExpectations(model: Model, profile: string = SETTINGS.DRIFTSBOK_PROFILE): EntityExpectation[] {
  const out: EntityExpectation[] = [];
  for (const record of listEntities(model)) {
    for (const lang of ['nb', 'en'] as const) {
      const e = record.entity as Record<string, unknown>;
      const facts: string[] = [];
      if (typeof e.vmid === 'number') facts.push(String(e.vmid));
      if (profile === 'full') facts.push(...(reachOf(record)?.ips ?? []));
      // A translated title replaces the name in the heading; the name itself is not repeated below.
      if (typeof e.name === 'string' && !e.title) facts.push(e.name);
      out.push({ key: record.key, lang, url: entityHref(record.key, lang), name: displayName(record.entity, lang), facts, record });
    }
  }
  return out;
}

/** Every .html file under dir, as paths relative to it. */
export function htmlFiles(dir = DIST): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/**
 * Link targets (`<a href>`, and `xlink:href` in diagrams), the files a page loads (`<link href>`,
 * `<script src>`, `<img src>`) and element ids in an HTML text (good enough for the generated,
 * well-formed HTML).
 */
export function linksAndIds(html: string): { hrefs: string[]; assets: string[]; ids: Set<string> } {
  const hrefs = [...html.matchAll(/<a\b[^>]*?\s(?:xlink:)?href="([^"]*)"/g)].map((m) => decode(m[1]!));
  const assets = [...html.matchAll(/<(?:link|script|img|source)\b[^>]*?\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1]!));
  const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));
  return { hrefs, assets, ids };
}

/** The file a site path is served from, or undefined. */
export function fileForPath(pathname: string, dir = DIST): string | undefined {
  const clean = decodeURIComponent(pathname.replace(/^\/+/, ''));
  const candidates =
    clean === '' ? ['index.html'] : clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}/index.html`, `${clean}.html`];
  return candidates.find((c) => existsSync(join(dir, c)) && statSync(join(dir, c)).isFile());
}

export interface BrokenLink {
  from: string;
  href: string;
  why: string;
}

/**
 * Crawls the built HTML for internal links and loaded files that lead nowhere, or to an anchor that
 * is not there. `base` is the path the site is served under (DRIFTSBOK_BASE): every page is at
 * base + its folder, and a link or file outside the base cannot be served by the site.
 */
export function brokenInternalLinks(dir = DIST, base = '/'): BrokenLink[] {
  const files = htmlFiles(dir);
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!idsCache.has(file)) idsCache.set(file, linksAndIds(readFileSync(join(dir, file), 'utf8')).ids);
    return idsCache.get(file)!;
  };
  const broken: BrokenLink[] = [];
  for (const file of files) {
    const { hrefs, assets } = linksAndIds(readFileSync(join(dir, file), 'utf8'));
    const pagePath = base + file.replace(/index\.html$/, '').replace(/\\/g, '/');
    for (const href of [...hrefs, ...assets]) {
      if (/^(https?:|mailto:|tel:|data:)/i.test(href) || href === '') continue;
      const url = new URL(href, `http://site${pagePath}`);
      if (url.host !== 'site') continue;
      if (!url.pathname.startsWith(base) && url.pathname !== base.slice(0, -1)) {
        broken.push({ from: file, href, why: `outside the site's base path ${base}` });
        continue;
      }
      const target = fileForPath(url.pathname.slice(base.length - 1), dir);
      if (!target) {
        broken.push({ from: file, href, why: 'no such page' });
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && anchor !== '_top' && target.endsWith('.html') && !idsOf(target).has(anchor)) {
        broken.push({ from: file, href, why: `no element with id "${anchor}"` });
      }
    }
  }
  return broken;
}
