/**
 * Every page carries a Content-Security-Policy (src/site/csp.ts, written by scripts/build.ts), and
 * in Chromium the site runs under it without one refusal — theme script, search (Pagefind's
 * WebAssembly), the offline app — while a script that reaches a page another way is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { DIST, entityExpectations, htmlFiles, siteModel } from './helpers/site.ts';
import { CSP_META_PATTERN, inlineScriptHashes } from '../src/site/csp.ts';
import { pagePath } from '../src/site/urls.ts';
import type { Lang } from '../src/model/entities.ts';
import { RUNBOOK_PRINT_PATHS } from '../src/runbook/pdf.ts';

test('every page of dist/ has one policy, before its first script, allowing exactly its inline scripts', () => {
  const pages = htmlFiles();
  expect(pages.length).toBeGreaterThan(10);
  const wrong: string[] = [];
  for (const page of pages) {
    const html = readFileSync(join(DIST, page), 'utf8');
    const policies = html.match(new RegExp(CSP_META_PATTERN.source, 'g')) ?? [];
    if (policies.length !== 1) {
      wrong.push(`${page}: ${policies.length} policies`);
      continue;
    }
    const firstScript = html.search(/<script\b/);
    if (firstScript >= 0 && html.indexOf(policies[0]!) > firstScript) wrong.push(`${page}: the policy comes after a script`);
    const policy = CSP_META_PATTERN.exec(html)![1]!;
    const allowed = new Set(policy.match(/'sha256-[^']+'/g) ?? []);
    const needed = inlineScriptHashes(html);
    if (needed.some((h) => !allowed.has(h)) || allowed.size !== needed.length)
      wrong.push(`${page}: allows ${allowed.size} inline scripts, has ${needed.length}`);
    if (!/default-src 'self'/.test(policy) || !/object-src 'none'/.test(policy)) wrong.push(`${page}: ${policy}`);
  }
  expect(wrong).toEqual([]);
});

/** Records every refusal the page's policy makes, from before the first script runs. */
async function watchRefusals(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __refusals: string[] }).__refusals = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __refusals: string[] }).__refusals)), ...errors];
}

const model = siteModel();
const expectations = entityExpectations(model);
const firstOf = (kind: string, lang: Lang) => expectations.find((x) => x.record.kind === kind && x.lang === lang)?.url;

for (const lang of ['nb', 'en'] as const) {
  test(`pages of each kind run under their policy with nothing refused (${lang})`, async ({ page }) => {
    test.setTimeout(300_000);
    const urls = [
      pagePath('', lang).replace(/\/\/$/, '/'),
      firstOf('host', lang),
      firstOf('guest', lang),
      firstOf('scenario', lang),
      firstOf('plan', lang),
      pagePath('architecture', lang),
      pagePath('runbook', lang),
      RUNBOOK_PRINT_PATHS[lang],
    ].filter((url): url is string => Boolean(url));
    const refusals = await watchRefusals(page);
    const found: string[] = [];
    for (const url of urls) {
      const response = await page.goto(url, { waitUntil: 'load' });
      expect(response?.status(), url).toBe(200);
      for (const r of await refusals()) found.push(`${url}: ${r}`);
    }
    // Search: Pagefind starts its worker and fetches its index under the page's policy.
    await page.goto(urls[0]!);
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('dialog[open] input').fill(model.guests[0]!.name);
    await expect(page.locator('dialog[open] .pagefind-ui__result').first()).toBeVisible();
    for (const r of await refusals()) found.push(`search: ${r}`);
    expect(found).toEqual([]);
  });
}

test('a script that reaches a page another way does not run', async ({ page }) => {
  const refusals = await watchRefusals(page);
  await page.goto(firstOf('guest', 'nb')!);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    const img = document.createElement('img');
    img.src = 'https://example.invalid/beacon.png';
    document.body.append(img);
  });
  await expect
    .poll(refusals)
    .toEqual(
      expect.arrayContaining([expect.stringMatching(/^script-src-elem /), expect.stringMatching(/^img-src https:\/\/example\.invalid/)]),
    );
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});
