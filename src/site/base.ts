/**
 * The path the site is served under: `/` at the root of a domain, `/driftsbok/` for a GitHub Pages
 * project site (https://<owner>.github.io/driftsbok/). Set with DRIFTSBOK_BASE; Astro's `base`, every
 * link a page or diagram makes (src/site/urls.ts) and the runbook print read it from here.
 */

import { readSetting } from '../settings.ts';

/** What a DRIFTSBOK_BASE that cannot be a path throws (src/settings.ts checks it). */
export { SettingError as SiteBaseError } from '../settings.ts';

// The last value and its path: every link on every page asks (urls.ts), with the same value, so the
// text as set is compared before the setting is read again.
let last: { raw: string; base: string } | undefined;

/** DRIFTSBOK_BASE as a path that starts and ends with `/` (`/` when unset); SiteBaseError when it cannot be one. */
export function siteBase(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DRIFTSBOK_BASE ?? '';
  if (last?.raw === raw) return last.base;
  const base = readSetting(env, 'DRIFTSBOK_BASE');
  last = { raw, base };
  return base;
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
