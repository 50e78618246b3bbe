import { describe, expect, it } from 'vitest';
import { SiteBaseError, siteBase, withBase, withoutBase } from './base.ts';

describe('siteBase', () => {
  it('is / when unset, empty or /', () => {
    expect(siteBase({})).toBe('/');
    expect(siteBase({ DRIFTSBOK_BASE: '' })).toBe('/');
    expect(siteBase({ DRIFTSBOK_BASE: ' / ' })).toBe('/');
  });

  it('gets a leading and a trailing slash, and loses doubled ones', () => {
    expect(siteBase({ DRIFTSBOK_BASE: 'driftsbok' })).toBe('/driftsbok/');
    expect(siteBase({ DRIFTSBOK_BASE: '/driftsbok' })).toBe('/driftsbok/');
    expect(siteBase({ DRIFTSBOK_BASE: '/docs//drift.v2/' })).toBe('/docs/drift.v2/');
  });

  it('refuses addresses, dot segments and characters a path would need escaped, saying how to fix it', () => {
    for (const [value, problem] of [
      ['https://example.org/drift/', 'is an address, not a path'],
      ['//example.org/drift/', 'is an address, not a path'],
      ['/a/../b/', 'may not contain ".."'],
      ['/drift bok/', 'has a part that cannot be used in a path without escaping: "drift bok"'],
      ['/"><script>/', 'has a part that cannot be used'],
      ['/sæter/', 'has a part that cannot be used'],
    ] as const) {
      expect(() => siteBase({ DRIFTSBOK_BASE: value }), value).toThrow(SiteBaseError);
      expect(() => siteBase({ DRIFTSBOK_BASE: value }), value).toThrow(problem);
      expect(() => siteBase({ DRIFTSBOK_BASE: value }), value).toThrow(/hint: give the path the site is served under/);
    }
  });
});

describe('withBase / withoutBase', () => {
  it('put a site path under the base and take it back out', () => {
    expect(withBase('/en/guests/', '/')).toBe('/en/guests/');
    expect(withBase('/en/guests/', '/driftsbok/')).toBe('/driftsbok/en/guests/');
    expect(withBase('/', '/driftsbok/')).toBe('/driftsbok/');
    expect(withoutBase('/driftsbok/en/guests/', '/driftsbok/')).toBe('/en/guests/');
    expect(withoutBase('/driftsbok', '/driftsbok/')).toBe('/');
    expect(withoutBase('/driftsbok/', '/driftsbok/')).toBe('/');
    expect(withoutBase('/other/en/', '/driftsbok/')).toBeUndefined();
    expect(withoutBase('/driftsbokx/', '/driftsbok/')).toBeUndefined();
    expect(withoutBase('/en/', '/')).toBe('/en/');
  });
});
