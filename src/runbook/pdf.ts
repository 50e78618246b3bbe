/**
 * Pure helpers for printing the runbook to PDF: the footer, the build date and revision, the
 * page-number detection for the table of contents, public links, and fixed PDF dates.
 * No I/O here; src/runbook/print-pdf.ts drives Chromium and the file system.
 */
import { withoutBase } from '../site/base.ts';
import type { Lang } from '../model/entities.ts';
import { t } from '../i18n/store.ts';
import { readSettings } from '../settings.ts';

/** The languages the runbook is printed in, and where each print page lives. */
export const RUNBOOK_PRINT_PATHS: Record<Lang, string> = {
  nb: '/runbook/print/',
  en: '/en/runbook/print/',
};

export const RUNBOOK_PDF_NAMES: Record<Lang, string> = {
  nb: 'runbook-nb.pdf',
  en: 'runbook-en.pdf',
};

/** The attribute every section that should get a page number carries (its value: the section id). */
export const SECTION_ATTR = 'data-runbook-section';
/** The attribute of the elements that show a section's page number (value: the section id). */
export const PAGE_OF_ATTR = 'data-runbook-page-of';

/** The build date: SOURCE_DATE_EPOCH (seconds) when set, so two builds print the same text. */
export function buildDate(env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): Date {
  return readSettings(env).SOURCE_DATE_EPOCH ?? now();
}

/** 2026-11-25 (UTC), the form printed in the footer. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A PDF date as Chromium writes it, fixed to UTC: D:20261125171006+00'00' (22 characters, the
 * length Chromium uses, so that the replacement keeps every byte offset in the file valid).
 */
export function pdfDate(date: Date): string {
  const iso = date.toISOString(); // 2026-11-25T17:10:06.000Z
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  return `D:${digits}+00'00'`;
}

/**
 * Replaces /CreationDate and /ModDate in a PDF written by Chromium (Skia) with `date`, so two builds
 * with the same SOURCE_DATE_EPOCH give the same bytes. The replacement has the same length as the
 * original, so the cross-reference table stays valid. A date of another length is left alone and
 * reported (returned in `skipped`) rather than corrupting the file.
 */
export function fixPdfDates(pdf: Buffer, date: Date): { pdf: Buffer; replaced: number; skipped: string[] } {
  const fixed = pdfDate(date);
  // latin1 maps bytes 1:1 to code units, so offsets are preserved through the round trip.
  const text = pdf.toString('latin1');
  let replaced = 0;
  const skipped: string[] = [];
  const out = text.replace(/\/(CreationDate|ModDate) \((D:[^)]*)\)/g, (whole, key: string, value: string) => {
    if (value.length !== fixed.length) {
      skipped.push(value);
      return whole;
    }
    replaced++;
    return `/${key} (${fixed})`;
  });
  return { pdf: Buffer.from(out, 'latin1'), replaced, skipped };
}

/**
 * Chromium's tagged PDF names structure elements after DOM node ids, "(node00000028)", which
 * differ from run to run — and so does their order: a node gets its id when something first asks
 * for one, which depends on timing (the same page printed while the build's other work ran, or not,
 * numbered a table cell 1st in one run and 5th in another). So the ids are renumbered by the
 * structure element they name: its object number, which is the same in every run. The IDTree's
 * /Names array (pairs of id and element, kept sorted by id) is put back in order and its /Limits
 * rewritten; every replacement has the same length, so no byte offset moves. With more than one
 * /Names leaf (which Chromium has not been seen to write) ids are ranked by their old order instead,
 * which keeps each leaf's ids within its limits.
 */
export function normalizeStructIds(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const pattern = /\(node(\d{8})\)/g;
  const seen = [...new Set([...text.matchAll(pattern)].map((m) => m[1]!))].sort();
  if (seen.length === 0) return pdf;
  const pad = (n: number) => String(n).padStart(8, '0');
  const leaves = [...text.matchAll(/\/Names \[((?:\s*\(node\d{8}\)\s+\d+ 0 R)+)\s*\]/g)];
  const element = new Map<string, number>();
  if (leaves.length === 1) for (const m of leaves[0]![1]!.matchAll(/\(node(\d{8})\)\s+(\d+) 0 R/g)) element.set(m[1]!, Number(m[2]));
  const byElement = leaves.length === 1 && seen.every((id) => element.has(id));
  const order = byElement ? [...seen].sort((a, b) => element.get(a)! - element.get(b)!) : seen;
  const rank = new Map(order.map((id, i) => [id, pad(i + 1)]));
  let out = text.replace(pattern, (_, id: string) => `(node${rank.get(id)})`);
  if (byElement) {
    // The one leaf again (its ids renumbered, same length): pairs sorted by their new id, each
    // separator left where it was, and /Limits set to the first and last id.
    out = out.replace(/\/Names \[((?:\s*\(node\d{8}\)\s+\d+ 0 R)+)(\s*)\]/, (_, body: string, tail: string) => {
      const pairs = [...body.matchAll(/\(node\d{8}\)\s+\d+ 0 R/g)].map((m) => m[0]);
      const gaps = body.split(/\(node\d{8}\)\s+\d+ 0 R/);
      const sorted = [...pairs].sort();
      return `/Names [${gaps.map((gap, i) => gap + (sorted[i] ?? '')).join('')}${tail}]`;
    });
    out = out.replace(/\/Limits \[\(node\d{8}\) \(node\d{8}\)\]/, `/Limits [(node${pad(1)}) (node${pad(order.length)})]`);
  }
  return Buffer.from(out, 'latin1');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Chromium's footer template: "Side X av Y · Bygget 2026-11-25 · Versjon abc1234".
 * Chromium fills the `pageNumber` and `totalPages` spans. The template has no access to page CSS,
 * so it carries its own (black text, a font with æøå).
 */
export function footerTemplate(opts: { lang: Lang; date: Date; revision: string; siteName?: string }): string {
  const { lang } = opts;
  const parts = [
    `${escapeHtml(t(lang, 'runbook.footerPage'))} <span class="pageNumber"></span> ${escapeHtml(t(lang, 'runbook.footerOf'))} <span class="totalPages"></span>`,
    `${escapeHtml(t(lang, 'runbook.footerBuilt'))} ${isoDay(opts.date)}`,
    `${escapeHtml(t(lang, 'runbook.footerRevision'))} ${escapeHtml(opts.revision)}`,
  ];
  const left = escapeHtml(opts.siteName ? `${t(lang, 'runbook.runbookTitle')} · ${opts.siteName}` : t(lang, 'runbook.runbookTitle'));
  return (
    "<div style=\"box-sizing:border-box;width:100%;padding:0 14mm;font-family:'DejaVu Sans',Arial,sans-serif;font-size:7.5pt;" +
    'color:#000;display:flex;justify-content:space-between;border-top:0.5pt solid #000;padding-top:1.5mm">' +
    `<span>${left}</span><span>${parts.join(' · ')}</span></div>`
  );
}

/** An empty header (Chromium prints a default one with the URL and date when none is given). */
export const HEADER_TEMPLATE = '<span></span>';

/** The text marker placed at the top of a section in a measuring pass: letters and digits only. */
export function sectionMarker(index: number): string {
  return `RBMARK${index}Q`;
}

/**
 * Which page each section starts on, from the text of a measuring pass, split in pages
 * (pdftotext writes a form feed between pages). Sections whose marker is not found are absent.
 */
export function findSectionPages(pagesText: string[], sectionIds: string[]): Record<string, number> {
  const result: Record<string, number> = {};
  sectionIds.forEach((id, index) => {
    const marker = sectionMarker(index);
    // The marker must not match a longer one (RBMARK1Q vs RBMARK11Q): the Q ends it.
    const page = pagesText.findIndex((text) => text.replace(/\s+/g, '').includes(marker));
    if (page >= 0) result[id] = page + 1;
  });
  return result;
}

/** pdftotext output of a whole document → the text of each page. */
export function splitPages(text: string): string[] {
  const pages = text.split('\f');
  // pdftotext ends the last page with a form feed too.
  if (pages.length > 1 && pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages;
}

/**
 * Where a link in the printed runbook should point. Links to the local preview server become links
 * to the public site when its address is known, and are dropped (null: keep the text, no link)
 * when it is not, so a PDF never points at 127.0.0.1. In-document anchors and other sites stay.
 */
export function publicHref(href: string, pageUrl: string, publicUrl: string | undefined, base = '/'): string | null {
  if (href.startsWith('#')) return href;
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch {
    return null;
  }
  const page = new URL(pageUrl);
  if (url.origin !== page.origin) return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? href : null;
  if (url.pathname === page.pathname && url.hash) return url.hash;
  if (!publicUrl) return null;
  // The public address is where the site's base is served, so the path below the base is what follows it.
  const path = withoutBase(url.pathname, base) ?? url.pathname;
  const root = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  return new URL(path.replace(/^\/+/, '') + url.search + url.hash, root).toString();
}
