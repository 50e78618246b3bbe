/**
 * The path the site is served under: `/` at the root of a domain, `/driftsbok/` for a GitHub Pages
 * project site (https://<owner>.github.io/driftsbok/). Set with DRIFTSBOK_BASE; Astro's `base`, every
 * link a page or diagram makes (src/site/urls.ts) and the runbook print read it from here. Pure.
 */

export class SiteBaseError extends Error {
  constructor(value: string, problem: string) {
    super(
      `DRIFTSBOK_BASE=${JSON.stringify(value)} ${problem}\n` +
        '  hint: give the path the site is served under, such as /driftsbok/ for https://<owner>.github.io/driftsbok/ ' +
        '(letters, digits, ".", "_", "~" and "-" between slashes), or leave it unset for the root of a domain.',
    );
    this.name = 'SiteBaseError';
  }
}

const SEGMENT = /^[A-Za-z0-9._~-]+$/;

// The last value read and its path: every link on every page asks (urls.ts), with the same value.
let last: { raw: string; base: string } | undefined;

/** DRIFTSBOK_BASE as a path that starts and ends with `/` (`/` when unset); SiteBaseError when it cannot be one. */
export function siteBase(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DRIFTSBOK_BASE ?? '';
  if (last?.raw === raw) return last.base;
  const base = parseBase(raw);
  last = { raw, base };
  return base;
}

function parseBase(raw: string): string {
  const value = raw.trim();
  if (value === '' || value === '/') return '/';
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) {
    throw new SiteBaseError(raw, 'is an address, not a path (the public address goes in site.publicUrl or DRIFTSBOK_PUBLIC_URL)');
  }
  const segments = value.split('/').filter((s) => s !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..') throw new SiteBaseError(raw, `may not contain "${segment}"`);
    if (!SEGMENT.test(segment)) throw new SiteBaseError(raw, `has a part that cannot be used in a path without escaping: ${JSON.stringify(segment)}`);
  }
  return `/${segments.join('/')}/`;
}

/** A root-relative path of the site ("/en/guests/") under the base ("/driftsbok/en/guests/"). */
export function withBase(path: string, base: string): string {
  return `${base}${path.replace(/^\/+/, '')}`;
}

/** The inverse of withBase: the path below the base, or undefined when `pathname` is not under it. */
export function withoutBase(pathname: string, base: string): string | undefined {
  if (base === '/') return pathname;
  if (pathname === base.slice(0, -1)) return '/';
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : undefined;
}
