import { describe, expect, it } from 'vitest';
import { fileUrl, formatBytes, planPrecache, type SiteFile } from './precache.ts';

const file = (path: string, bytes = 100): SiteFile => ({
  path,
  bytes,
  hash: `${path.length.toString(16).padStart(4, '0')}${'ab'.repeat(30)}`,
});

describe('fileUrl', () => {
  it('links a folder index as its folder, under the base', () => {
    expect(fileUrl('index.html', '/')).toBe('/');
    expect(fileUrl('en/guests/chirpstack/index.html', '/driftsbok/')).toBe('/driftsbok/en/guests/chirpstack/');
    expect(fileUrl('runbook-nb.pdf', '/driftsbok/')).toBe('/driftsbok/runbook-nb.pdf');
    expect(fileUrl('404.html', '/')).toBe('/404.html');
  });
});

describe('planPrecache', () => {
  const site = [
    file('guests/chirpstack/index.html'),
    file('_astro/page.js'),
    file('pagefind/pagefind.js'),
    file('runbook-nb.pdf', 500),
    file('scenarios/power-outage/index.html'),
    file('en/runbook/index.html'),
    file('sw.js'),
    file('.prerender/x.svg'),
    file('_astro/page.js.map'),
  ];

  it('puts the runbook PDFs and the outage pages first, and never lists its own worker or leftovers', () => {
    const plan = planPrecache(site, '/', 10_000);
    expect(plan.precache.map((e) => e.url)).toEqual([
      '/runbook-nb.pdf',
      '/en/runbook/',
      '/scenarios/power-outage/',
      '/_astro/page.js',
      '/pagefind/pagefind.js',
      '/guests/chirpstack/',
    ]);
    expect(plan.onVisit).toEqual([]);
    expect(plan.precacheBytes).toBe(1000);
    expect(plan.totalBytes).toBe(1000);
  });

  it('keeps hashes short but stable', () => {
    const [first] = planPrecache(site, '/', 10_000).precache;
    expect(first!.hash).toHaveLength(16);
    expect(first!.hash).toBe(file('runbook-nb.pdf').hash.slice(0, 16));
  });

  it('past the budget, leaves files to be kept once read, most urgent first', () => {
    const plan = planPrecache(site, '/', 750);
    expect(plan.precache.map((e) => e.url)).toEqual(['/runbook-nb.pdf', '/en/runbook/', '/scenarios/power-outage/']);
    expect(plan.onVisit.map((e) => e.url)).toEqual(['/_astro/page.js', '/pagefind/pagefind.js', '/guests/chirpstack/']);
    expect(plan.precacheBytes).toBeLessThanOrEqual(750);
    expect(plan.totalBytes).toBe(1000);
  });
});

describe('formatBytes', () => {
  it('says sizes as people read them', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 kB');
    expect(formatBytes(15.5 * 1024 * 1024)).toBe('15.5 MB');
  });
});
