/**
 * A Content-Security-Policy for every built page (issue 15): nothing loads from another origin,
 * and the only scripts that run are the site's own files and the inline scripts the build itself
 * wrote, each allowed by its SHA-256. A script that reached a page any other way (a model string
 * or a prose line that got past escaping and the prose check) is refused by the browser.
 *
 * The policy is a <meta http-equiv> because the site is static files (GitHub Pages sets no
 * headers). A meta policy cannot carry `frame-ancestors`, `report-uri` or `sandbox` (browsers
 * ignore them there); a host that can send headers should add `frame-ancestors 'none'` (README).
 *
 * It is added to the finished HTML, after Astro, because only then are a page's inline scripts
 * known (Starlight's theme script, Astro's small inlined modules). The HTML is the build's own
 * output, so finding its <script> elements with a pattern is exact: a script's text cannot contain
 * `</script>`, and every model string and prose text in the page is escaped (`&lt;script`). Pure.
 */
import { createHash } from 'node:crypto';

/**
 * Styles stay 'unsafe-inline': the inline SVG diagrams carry their own <style>, and Starlight and
 * Mermaid write style attributes, which hashes cannot allow one by one. A style cannot run script.
 * 'wasm-unsafe-eval' lets Pagefind's search compile its WebAssembly in the page when it cannot
 * start its worker (in the worker, the page's meta policy does not apply); it allows no JavaScript
 * eval.
 */
const FIXED_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /(?:^|\s)src\s*=/i;

/** The SHA-256 of each inline script of a page, as CSP source expressions, in order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attrs, body] of html.matchAll(SCRIPT)) {
    if (HAS_SRC.test(attrs!)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/** The policy for a page with these inline script hashes. */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    ...FIXED_DIRECTIVES.slice(0, 1),
    `script-src 'self' 'wasm-unsafe-eval'${scriptHashes.map((h) => ` ${h}`).join('')}`,
    ...FIXED_DIRECTIVES.slice(1),
  ].join('; ');
}

export const CSP_META_PATTERN = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;

/**
 * The page with its policy as the first thing after <meta charset> (or first in <head>): a meta
 * policy governs only what comes after it. A page that already has one gets it replaced, so running
 * twice changes nothing. Throws on a document without <head>, which no page of the site is.
 */
export function withContentSecurityPolicy(html: string): string {
  const without = html.replace(CSP_META_PATTERN, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(inlineScriptHashes(without))}">`;
  const charset = /<meta charset=["']?[\w-]+["']?\s*\/?>/i.exec(without);
  if (charset && charset.index < without.search(/<\/head>/i) >>> 0) {
    const at = charset.index + charset[0].length;
    return without.slice(0, at) + meta + without.slice(at);
  }
  const head = /<head\b[^>]*>/i.exec(without);
  if (!head) throw new Error('content-security-policy: the page has no <head> to put its policy in');
  const at = head.index + head[0].length;
  return without.slice(0, at) + meta + without.slice(at);
}
