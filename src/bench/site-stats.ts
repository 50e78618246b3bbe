/** Measuring a built site: its pages (per language) and the JS each loads up front. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export interface SiteStats {
  pages: number;
  enPages: number;
  /** Pages that are not the 404 page, not under en/. */
  nbPages: number;
  jsBytesPerPage: number;
  /** Pages with any JS at all. */
  pagesWithJs: number;
}

export function listHtml(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) found.push(path);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found.sort();
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const STATIC_IMPORT = /(?:\bimport\s*|\bfrom\s*)["']([^"']+\.m?js)["']/g;

/**
 * JS bytes a page loads up front: every `<script src>` file plus inline script text, following the
 * static `import`s of those scripts (module chunks), each file counted once per page. Dynamic
 * imports (Pagefind's search UI loads on demand) are not counted. JSON scripts are not JS.
 */
export function siteStats(outDir: string): SiteStats {
  const pages = listHtml(outDir);
  const sizeCache = new Map<string, { size: number; imports: string[] }>();
  const fileInfo = (path: string) => {
    let info = sizeCache.get(path);
    if (!info) {
      if (!existsSync(path)) info = { size: 0, imports: [] };
      else {
        const text = readFileSync(path, 'utf8');
        const imports = [...text.matchAll(STATIC_IMPORT)].map((m) => resolveAsset(outDir, dirname(path), m[1]!));
        info = { size: statSync(path).size, imports: imports.filter((p): p is string => p !== null) };
      }
      sizeCache.set(path, info);
    }
    return info;
  };
  let total = 0;
  let withJs = 0;
  let en = 0;
  let notFound = 0;
  for (const page of pages) {
    const rel = relative(outDir, page).split(sep).join('/');
    if (rel.startsWith('en/')) en++;
    if (rel === '404.html' || rel === '404/index.html') notFound++;
    const html = readFileSync(page, 'utf8');
    const seen = new Set<string>();
    let bytes = 0;
    const visit = (file: string | null) => {
      if (!file || seen.has(file)) return;
      seen.add(file);
      const info = fileInfo(file);
      bytes += info.size;
      for (const imported of info.imports) visit(imported);
    };
    for (const match of html.matchAll(SCRIPT)) {
      const attrs = match[1] ?? '';
      const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
      if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
      const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1];
      if (src) visit(resolveAsset(outDir, dirname(page), src));
      else {
        const body = match[2] ?? '';
        bytes += Buffer.byteLength(body, 'utf8');
        for (const m of body.matchAll(STATIC_IMPORT)) visit(resolveAsset(outDir, dirname(page), m[1]!));
      }
    }
    total += bytes;
    if (bytes > 0) withJs++;
  }
  return {
    pages: pages.length,
    enPages: en,
    nbPages: pages.length - en - notFound,
    jsBytesPerPage: pages.length ? total / pages.length : 0,
    pagesWithJs: withJs,
  };
}

function resolveAsset(outDir: string, fromDir: string, url: string): string | null {
  if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//') || url.startsWith('data:')) return null;
  const clean = url.split(/[?#]/)[0]!;
  return clean.startsWith('/') ? join(outDir, clean) : join(fromDir, clean);
}
