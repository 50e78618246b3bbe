/**
 * What the offline app holds: every file of a finished site, each with a content hash, in the
 * order a person in trouble needs them (the runbook and its PDFs, the scenarios, the code and the
 * search index the pages need, then every other page), cut at a size budget. Files past the budget
 * are still cached, but only once a page has asked for them. Pure: takes the file list as data.
 */

export interface SiteFile {
  /** Path inside the output folder, with forward slashes ("en/guests/chirpstack/index.html"). */
  path: string;
  bytes: number;
  /** A hash of the content (hex); an unchanged file keeps it from build to build. */
  hash: string;
}

export interface PrecacheEntry {
  /** The URL the site links to, under the base ("/driftsbok/en/guests/chirpstack/"). */
  url: string;
  /** The first 16 hex digits of the content hash: enough to tell versions apart. */
  hash: string;
  bytes: number;
}

export interface PrecachePlan {
  /** Fetched when the app is installed or updated, in this order. */
  precache: PrecacheEntry[];
  /** Known to the app but cached only once visited (past the budget). */
  onVisit: PrecacheEntry[];
  precacheBytes: number;
  totalBytes: number;
  budgetBytes: number;
}

/** Files the offline app never holds: its own code (the browser fetches it fresh) and build leftovers. */
const NEVER = [/^sw\.js$/, /^\.prerender\//, /(^|\/)\.[^/]+$/, /\.map$/];

/** Lower is more urgent. */
function priority(path: string): number {
  const page = path.replace(/^en\//, '');
  if (/^runbook[^/]*\.pdf$/.test(path)) return 0;
  if (page === 'index.html' || page.startsWith('runbook/') || page.startsWith('scenarios/') || page === 'start-order/index.html') return 1;
  if (path === 'build-info.json' || path === 'offline.js' || path.endsWith('manifest.webmanifest') || path.startsWith('icons/')) return 1;
  if (path.startsWith('_astro/') || path === 'favicon.svg' || path === '404.html') return 2;
  if (path.startsWith('pagefind/')) return 3;
  if (path.endsWith('.html')) return 4;
  return 5;
}

/** The URL a file is linked as: a folder's index.html is its folder. */
export function fileUrl(path: string, base: string): string {
  const linked = path === 'index.html' ? '' : path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
  return `${base}${linked}`;
}

export function planPrecache(files: SiteFile[], base: string, budgetBytes: number): PrecachePlan {
  const kept = files.filter((f) => !NEVER.some((re) => re.test(f.path)));
  const ordered = [...kept].sort((a, b) => priority(a.path) - priority(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const precache: PrecacheEntry[] = [];
  const onVisit: PrecacheEntry[] = [];
  let precacheBytes = 0;
  let totalBytes = 0;
  for (const file of ordered) {
    const entry = { url: fileUrl(file.path, base), hash: file.hash.slice(0, 16), bytes: file.bytes };
    totalBytes += file.bytes;
    // Past the budget, a file still fits if it is small: the budget is for the bulk of the pages.
    if (precacheBytes + file.bytes <= budgetBytes) {
      precache.push(entry);
      precacheBytes += file.bytes;
    } else onVisit.push(entry);
  }
  return { precache, onVisit, precacheBytes, totalBytes, budgetBytes };
}

/** "12.3 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
