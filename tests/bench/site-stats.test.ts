import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { listHtml, siteStats } from '../../src/bench/site-stats.ts';
import { plainPage } from '../../src/bench/plain-site.ts';

const dir = mkdtempSync(join(tmpdir(), 'driftsbok-site-stats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const put = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};

describe('siteStats', () => {
  it('counts pages per language and the JS each loads up front, static imports followed once', () => {
    put('_astro/a.js', 'import "./b.js";console.log(1)'); // 30 bytes
    put('_astro/b.js', 'export const b=1;'); // 17 bytes
    put('index.html', '<script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{"a":1}</script>');
    put('en/index.html', '<script>var x=1;</script>'); // 8 bytes inline
    put('404.html', '<p>not found</p>');
    expect(listHtml(dir).map((p) => p.slice(dir.length + 1))).toEqual(['404.html', 'en/index.html', 'index.html']);
    expect(siteStats(dir)).toEqual({ pages: 3, enPages: 1, nbPages: 1, jsBytesPerPage: (30 + 17 + 8) / 3, pagesWithJs: 2 });
  });

  it('finds nothing in a folder that is not there', () => {
    expect(siteStats(join(dir, 'missing'))).toEqual({ pages: 0, enPages: 0, nbPages: 0, jsBytesPerPage: 0, pagesWithJs: 0 });
  });
});

describe('plainPage', () => {
  it('is a Markdown page with a title, a table and links to its neighbours, per language', () => {
    const nb = plainPage('Side 3', 'nb', 3);
    expect(nb).toMatch(/^---\ntitle: "Side 3"\n---\n/);
    expect(nb).toContain('| vmid | 103 |');
    expect(nb).toContain('- Avhenger av [page 2](/p/2/)');
    expect(plainPage('Page 1', 'en', 1)).toContain('- Used by [page 2](/en/p/2/)');
  });
});
