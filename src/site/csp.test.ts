import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CSP_META_PATTERN, inlineScriptHashes, withContentSecurityPolicy } from './csp.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const page = (head: string, body = '') =>
  `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('inlineScriptHashes', () => {
  it('hashes the exact text of each inline script, and skips scripts loaded from files', () => {
    const theme = "\n  const t = localStorage.getItem('theme');\n";
    const html = page(
      `<script>${theme}</script><script type="module" src="/_astro/page.js"></script>`,
      '<script type="module">import "/x.js";</script>',
    );
    expect(inlineScriptHashes(html)).toEqual([sha(theme), sha('import "/x.js";')]);
  });

  it('counts an empty inline script and a script repeated on the page once', () => {
    expect(inlineScriptHashes(page('<script></script><script></script>'))).toEqual([sha('')]);
  });

  it('does not mistake an escaped model string for a script', () => {
    expect(inlineScriptHashes(page('', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'))).toEqual([]);
  });
});

describe('contentSecurityPolicy', () => {
  it("allows only the site's own origin and the given hashes to run", () => {
    const policy = contentSecurityPolicy([sha('a')]);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha('a')};`);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).not.toMatch(/'unsafe-eval'|https?:|\*/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });
});

describe('withContentSecurityPolicy', () => {
  it('puts the policy right after <meta charset>, before any script it governs', () => {
    const html = withContentSecurityPolicy(page('<title>x</title><script>go()</script>'));
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeGreaterThan(html.indexOf('<meta charset="utf-8">'));
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script>'));
    expect(CSP_META_PATTERN.exec(html)![1]).toContain(sha('go()'));
  });

  it('is the same when run twice (a page that has a policy gets it replaced, not doubled)', () => {
    const once = withContentSecurityPolicy(page('<script>go()</script>'));
    expect(withContentSecurityPolicy(once)).toBe(once);
    expect(once.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it('puts it first in <head> when there is no charset, and refuses a document without <head>', () => {
    expect(withContentSecurityPolicy('<html><head><title>x</title></head></html>')).toMatch(
      /^<html><head><meta http-equiv="Content-Security-Policy"/,
    );
    expect(() => withContentSecurityPolicy('<p>no head</p>')).toThrow(/no <head>/);
  });
});
