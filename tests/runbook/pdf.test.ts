/** The pure helpers behind the runbook PDF: dates, footer, page-number detection, links. */
import { describe, expect, it } from 'vitest';
import {
  buildDate,
  findSectionPages,
  fixPdfDates,
  footerTemplate,
  isoDay,
  normalizeStructIds,
  pdfDate,
  publicHref,
  sectionMarker,
  splitPages,
} from '../../src/runbook/pdf.ts';
import { resolveRevision } from '../../src/revision.ts';

describe('build date', () => {
  it('uses SOURCE_DATE_EPOCH when set', () => {
    expect(isoDay(buildDate({ SOURCE_DATE_EPOCH: '1764720000' }))).toBe('2025-12-03');
  });
  it('falls back to now', () => {
    const now = new Date('2026-01-02T03:04:05Z');
    expect(buildDate({}, () => now)).toBe(now);
  });
  it('refuses a SOURCE_DATE_EPOCH that is not whole seconds, with a hint', () => {
    expect(() => buildDate({ SOURCE_DATE_EPOCH: '2025-12-03' })).toThrow(
      /whole seconds.*hint: SOURCE_DATE_EPOCH=\$\(git log -1 --format=%ct\)/s,
    );
  });
  it('writes a PDF date of the length Chromium uses', () => {
    expect(pdfDate(new Date('2025-12-03T00:00:00Z'))).toBe("D:20251203000000+00'00'");
    expect(pdfDate(new Date(0)).length).toBe("D:20261125171006+00'00'".length);
  });
});

describe('fixPdfDates', () => {
  const pdf = Buffer.from(
    "%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (D:20261125171006+00'00')\n/ModDate (D:20261125171006+00'00')>>\nendobj\nxref\n",
    'latin1',
  );
  it('replaces both dates without moving a byte', () => {
    const fixed = fixPdfDates(pdf, new Date('2025-12-03T00:00:00Z'));
    expect(fixed.replaced).toBe(2);
    expect(fixed.skipped).toEqual([]);
    expect(fixed.pdf.length).toBe(pdf.length);
    expect(fixed.pdf.toString('latin1')).toContain("/CreationDate (D:20251203000000+00'00')");
    expect(fixed.pdf.toString('latin1')).toContain("/ModDate (D:20251203000000+00'00')");
    expect(fixed.pdf.indexOf('xref')).toBe(pdf.indexOf('xref'));
  });
  it('is idempotent: two runs with the same date give the same bytes', () => {
    const date = new Date('2025-12-03T00:00:00Z');
    const once = fixPdfDates(pdf, date).pdf;
    expect(fixPdfDates(once, date).pdf.equals(once)).toBe(true);
  });
  it('leaves a date of another length alone rather than breaking offsets', () => {
    const odd = Buffer.from('/CreationDate (D:2026)', 'latin1');
    const fixed = fixPdfDates(odd, new Date(0));
    expect(fixed.pdf.equals(odd)).toBe(true);
    expect(fixed.skipped).toEqual(['D:2026']);
  });
  it('keeps binary bytes intact', () => {
    const bin = Buffer.concat([Buffer.from([0, 255, 128, 10]), pdf, Buffer.from([200, 13, 0])]);
    const fixed = fixPdfDates(bin, new Date(0)).pdf;
    expect(fixed.subarray(0, 4)).toEqual(Buffer.from([0, 255, 128, 10]));
    expect(fixed.subarray(-3)).toEqual(Buffer.from([200, 13, 0]));
  });
});

describe('normalizeStructIds', () => {
  it('renumbers tagged-PDF node ids by rank, keeping length and order', () => {
    const a = Buffer.from('/ID (node00000028) /ID (node00000031) /Names [(node00000028) 1 0 R (node00000031) 2 0 R]', 'latin1');
    const b = Buffer.from('/ID (node00000029) /ID (node00000032) /Names [(node00000029) 1 0 R (node00000032) 2 0 R]', 'latin1');
    const na = normalizeStructIds(a);
    expect(na.equals(normalizeStructIds(b))).toBe(true);
    expect(na.length).toBe(a.length);
    expect(na.toString('latin1')).toBe('/ID (node00000001) /ID (node00000002) /Names [(node00000001) 1 0 R (node00000002) 2 0 R]');
  });

  it('numbers ids by the structure element they name, so the order in which the DOM handed them out does not matter', () => {
    // The same document twice: its elements 52, 50 and 105 got their node ids in another order.
    const doc = (a: string, b: string, c: string) =>
      Buffer.from(
        `50 0 obj <</S /TD /ID (node${b})>> endobj 52 0 obj <</S /TD /ID (node${a})>> endobj 105 0 obj <</S /P /ID (node${c})>> endobj ` +
          `794 0 obj <</Limits [(node${[a, b, c].sort()[0]}) (node${[a, b, c].sort()[2]})]\n/Names [` +
          [
            [a, 52],
            [b, 50],
            [c, 105],
          ]
            .sort()
            .map(([id, n]) => `(node${id}) ${n} 0 R`)
            .join(' ') +
          ']>> endobj',
        'latin1',
      );
    const first = doc('00000001', '00000005', '00000006');
    const second = doc('00000005', '00000001', '00000006');
    const a = normalizeStructIds(first);
    expect(a.equals(normalizeStructIds(second))).toBe(true);
    expect(a.length).toBe(first.length);
    const text = a.toString('latin1');
    // Element 50 is first, 52 second, 105 third; the tree is sorted and its limits are right.
    expect(text).toContain('50 0 obj <</S /TD /ID (node00000001)>>');
    expect(text).toContain('52 0 obj <</S /TD /ID (node00000002)>>');
    expect(text).toContain('/Limits [(node00000001) (node00000003)]');
    expect(text).toContain('/Names [(node00000001) 50 0 R (node00000002) 52 0 R (node00000003) 105 0 R]');
  });
});

describe('revision', () => {
  it('prefers DRIFTSBOK_REVISION, then git, then "unknown"', () => {
    expect(resolveRevision({ DRIFTSBOK_REVISION: 'abc1234' }, () => 'def5678')).toBe('abc1234');
    expect(resolveRevision({}, () => 'def5678\n')).toBe('def5678');
    expect(resolveRevision({}, () => undefined)).toBe('unknown');
  });
});

describe('footer', () => {
  it('has page X of Y, the date and the revision, in the language', () => {
    const nb = footerTemplate({ lang: 'nb', date: new Date('2025-12-03T00:00:00Z'), revision: 'abc1234', siteName: 'Saghaugen' });
    expect(nb).toContain('Side <span class="pageNumber"></span> av <span class="totalPages"></span>');
    expect(nb).toContain('2025-12-03');
    expect(nb).toContain('Versjon abc1234');
    const en = footerTemplate({ lang: 'en', date: new Date('2025-12-03T00:00:00Z'), revision: 'abc1234' });
    expect(en).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(en).toContain('Version abc1234');
  });
  it('shows a hostile revision or site name literally', () => {
    const html = footerTemplate({ lang: 'en', date: new Date(0), revision: '<img src=x onerror=alert(1)>', siteName: '"&<b>' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('page numbers from a measuring pass', () => {
  it('splits pdftotext output on form feeds, dropping the empty tail', () => {
    expect(splitPages('one\ftwo\fthree\f')).toEqual(['one', 'two', 'three']);
  });
  it('finds the page each section starts on', () => {
    const pages = [
      'Contents 1. A ..... 2. B .....',
      `${sectionMarker(0)} 1. A`,
      'more of A',
      `2. B ${sectionMarker(1)}`,
      `R E F ${sectionMarker(10)}`,
    ];
    const ids = ['a', 'b', ...Array.from({ length: 8 }, (_, i) => `x${i}`), 'ref'];
    expect(findSectionPages(pages, ids)).toEqual({ a: 2, b: 4, ref: 5 });
  });
  it('does not mistake marker 1 for marker 11', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `s${i}`);
    expect(findSectionPages(['x', sectionMarker(11)], ids)).toEqual({ s11: 2 });
  });
  it('finds a marker that pdftotext broke over whitespace', () => {
    expect(findSectionPages(['RBMARK\n3Q'], ['a', 'b', 'c', 'd'])).toEqual({ d: 1 });
  });
});

describe('links in the PDF', () => {
  const page = 'http://127.0.0.1:43123/runbook/print/';
  it('points site links at the public address', () => {
    expect(publicHref('/guests/frigate/', page, 'https://driftsbok.example.no')).toBe('https://driftsbok.example.no/guests/frigate/');
    expect(publicHref('/en/hosts/pve-core/', page, 'https://example.github.io/driftsbok/')).toBe(
      'https://example.github.io/driftsbok/en/hosts/pve-core/',
    );
    expect(publicHref('http://127.0.0.1:43123/runbook-nb.pdf', page, 'https://x.no/')).toBe('https://x.no/runbook-nb.pdf');
  });
  it('under a base path, points the path below the base at the public address (which is where the base is served)', () => {
    const basePage = 'http://127.0.0.1:43123/driftsbok/runbook/print/';
    const publicUrl = 'https://example.github.io/driftsbok/';
    expect(publicHref('/driftsbok/en/hosts/pve-core/', basePage, publicUrl, '/driftsbok/')).toBe(
      'https://example.github.io/driftsbok/en/hosts/pve-core/',
    );
    expect(publicHref('/driftsbok/runbook-nb.pdf', basePage, publicUrl, '/driftsbok/')).toBe(
      'https://example.github.io/driftsbok/runbook-nb.pdf',
    );
    expect(publicHref('/driftsbok/runbook/print/#reference', basePage, undefined, '/driftsbok/')).toBe('#reference');
    expect(publicHref('/driftsbok/guests/frigate/', basePage, undefined, '/driftsbok/')).toBeNull();
  });
  it('keeps in-document anchors, also written as the page URL', () => {
    expect(publicHref('#scenario-proxmox-down', page, undefined)).toBe('#scenario-proxmox-down');
    expect(publicHref('/runbook/print/#reference', page, undefined)).toBe('#reference');
  });
  it('never leaves a link to the preview server when the public address is unknown', () => {
    expect(publicHref('/guests/frigate/', page, undefined)).toBeNull();
    expect(publicHref('http://127.0.0.1:43123/x/', page, undefined)).toBeNull();
  });
  it('keeps links to other sites, drops other schemes', () => {
    expect(publicHref('https://www.starlink.com/', page, undefined)).toBe('https://www.starlink.com/');
    expect(publicHref('javascript:alert(1)', page, undefined)).toBeNull();
  });
});
