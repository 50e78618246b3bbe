/**
 * The last look before a build is published: the finished output — every page's text, the search
 * index and the printed runbooks' text — scanned for what must not be in it (issue 15). The model
 * and the prose are scanned where they are written (src/model/secrets.ts, src/markdown/prose-check.ts);
 * this catches what reaches the output some other way: a field no scan reads, text a component
 * builds, a page the public profile should have left out.
 *
 *   - secrets (the same rules as the model and prose scans), in either profile;
 *   - in the public profile also internal addresses (any private, link-local or carrier-grade-NAT
 *     IPv4 address, and every address, MAC and user name the full model holds in its sensitive
 *     fields), which the public profile promises to leave out.
 *
 * Findings name the file and what was found, never the text itself: a build log may be public.
 * Pure, except `siteTexts` and `pdfTexts`, which read the output folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findSecrets } from '../model/secrets.ts';
import { KIND_SECTIONS } from '../model/entities.ts';
import type { Model } from '../model/schema/model.ts';
import { pdftotextPages } from '../runbook/pdftotext.ts';

export interface OutputText {
  /** The file, relative to the output folder (a PDF's page: `runbook-nb.pdf p.3`). */
  source: string;
  text: string;
}

export interface LeakRules {
  /** Texts the secret allow-list allowed where they were written (src/site/secret-allow.ts). */
  allowedSecrets: ReadonlySet<string>;
  /** Public profile: what the full model says that the public output must not. Empty for full. */
  internal: readonly InternalValue[];
  /** Public profile: also refuse every private or internal IPv4 address, named in the model or not. */
  internalAddresses: boolean;
}

export interface InternalValue {
  value: string;
  /** Where it is in the model, e.g. `guest:claude-code reach.ssh`: printed instead of the value. */
  where: string;
}

export interface OutputFinding {
  source: string;
  /** What it looks like, e.g. "a password (rule password-phrase)"; never the text itself. */
  what: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * What a page says: its text and the attribute values a reader or a search engine sees (title, alt,
 * aria-label, meta content, link targets), without scripts and stylesheets (the site's own code,
 * which no model string reaches: those are escaped into the text). Tags become spaces so that
 * "the <em>password</em> is" still reads as one phrase.
 */
export function htmlText(html: string): string {
  // One pass for the code and the tags, one for the attributes (a page is tens of kilobytes, and
  // a large site has thousands): the scan runs on every build.
  const attributes = [...html.matchAll(READ_ATTRIBUTE)].map((m) => m[1]!);
  const text = html.replace(CODE_OR_TAG, ' ');
  return decodeEntities(`${text}\n${attributes.join('\n')}`);
}

const CODE_OR_TAG = /<script\b[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<[^>]*>/gi;
const READ_ATTRIBUTE = /\s(?:title|alt|aria-label|content|href|xlink:href|placeholder|data-pagefind-meta)="([^"]*)"/gi;

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Pagefind's compressed files (gzip, then a "pagefind_dcd" signature, then the data) as text. */
export function pagefindText(compressed: Buffer): string {
  const data = gunzipSync(compressed).toString('utf8');
  const body = data.startsWith('pagefind_dcd') ? data.slice('pagefind_dcd'.length) : data;
  try {
    const strings: string[] = [];
    const collect = (value: unknown) => {
      if (typeof value === 'string') strings.push(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(JSON.parse(body));
    // The indexed text holds the page's HTML escaped once more.
    return decodeEntities(strings.join('\n'));
  } catch {
    // The index files are binary (CBOR): their words still show as UTF-8 runs.
    return body;
  }
}

/**
 * An IPv4 address a LAN uses and the internet does not: 10/8, 172.16/12, 192.168/16, 100.64/10
 * (carrier-grade NAT, and Tailscale's addresses), 169.254/16. Version numbers such as 10.2.3.4 look
 * the same; in a public build they are rare and reading one as an address is the safe mistake.
 */
const INTERNAL_IPV4 =
  /(?<![\d.])(?:10\.(?:25[0-5]|2[0-4]\d|1?\d?\d)|172\.(?:1[6-9]|2\d|3[01])|192\.168|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])|169\.254)\.(?:25[0-5]|2[0-4]\d|1?\d?\d)\.(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d]|\.\d)/;

/** User names too common to be a fact about this site ("root" is on every page about Linux). */
const GENERIC_USERS = new Set(['root', 'admin', 'administrator', 'user', 'pi', 'ubuntu', 'debian', 'guest']);

/**
 * Every address, MAC address, user name and SSH/web address the model holds in its sensitive
 * fields (src/model/profile.ts leaves these out of the public profile), with where it is.
 */
export function internalValues(model: Model): InternalValue[] {
  const out: InternalValue[] = [];
  const add = (value: unknown, where: string) => {
    if (typeof value === 'string' && value.trim().length >= 3) out.push({ value: value.trim(), where });
  };
  for (const [kind, section] of KIND_SECTIONS) {
    for (const entity of model[section] as unknown as Array<Record<string, unknown>>) {
      const at = (field: string) => `${kind}:${String(entity.id)} ${field}`;
      add(entity.ip, at('ip'));
      add(entity.mac, at('mac'));
      if (typeof entity.user === 'string' && !GENERIC_USERS.has(entity.user.toLowerCase())) add(entity.user, at('user'));
      const reach = entity.reach as { ips?: string[]; ssh?: string; webUi?: string } | undefined;
      reach?.ips?.forEach((ip, i) => add(ip, at(`reach.ips[${i}]`)));
      if (reach?.webUi) add(new URL(reach.webUi).host, at('reach.webUi'));
      for (const m of (reach?.ssh ?? '').matchAll(/([\w.-]+)@/g)) if (!GENERIC_USERS.has(m[1]!.toLowerCase())) add(m[1], at('reach.ssh'));
    }
  }
  return out;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What one text holds that it must not. Pure. */
export function findLeaks(item: OutputText, rules: LeakRules): OutputFinding[] {
  const found: OutputFinding[] = [];
  const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
  const allowed = [...rules.allowedSecrets].map(collapse);
  for (const secret of findSecrets(item.text)) {
    // The page may break lines or drop Markdown marks where the source had them: compare the words.
    const match = collapse(secret.match);
    if (allowed.some((a) => a.includes(match) || match.includes(a))) continue;
    found.push({ source: item.source, what: `${secret.what} (rule ${secret.rule})` });
  }
  const named = new Set<string>();
  for (const { value, where } of rules.internal) {
    if (named.has(value)) continue;
    // Whole words only: the user "ron" is not in "Saltronics".
    if (new RegExp(`(?<![\\w.-])${escapeRegExp(value)}(?![\\w-]|\\.\\w)`, 'i').test(item.text)) {
      named.add(value);
      found.push({ source: item.source, what: `the value of ${where}, which the public profile leaves out` });
    }
  }
  if (rules.internalAddresses && named.size === 0 && INTERNAL_IPV4.test(item.text)) {
    found.push({ source: item.source, what: 'an internal IPv4 address (10.x, 172.16-31.x, 192.168.x, 100.64-127.x or 169.254.x)' });
  }
  return found;
}

/** The texts of a built site's pages and search index (every HTML file, Pagefind's files). Reads files. */
export function* siteTexts(outDir: string): Generator<OutputText> {
  const files = (readdirSync(outDir, { recursive: true, encoding: 'utf8' }) as string[]).sort();
  for (const file of files) {
    const path = join(outDir, file);
    const source = file.split('\\').join('/');
    if (file.endsWith('.html')) yield { source, text: htmlText(readFileSync(path, 'utf8')) };
    else if (/\.pf_(?:fragment|meta|index)$/.test(file)) yield { source, text: pagefindText(readFileSync(path)) };
  }
}

/** A PDF's text, page by page (pdftotext; asynchronous, so several read at once). */
export async function pdfTexts(file: string, source: string): Promise<OutputText[]> {
  return (await pdftotextPages(file)).map((text, i) => ({ source: `${source} p.${i + 1}`, text }));
}

/** Every finding in the texts. */
export function scanTexts(texts: Iterable<OutputText>, rules: LeakRules): OutputFinding[] {
  const found: OutputFinding[] = [];
  for (const item of texts) found.push(...findLeaks(item, rules));
  return found;
}

/**
 * The same, giving the event loop a turn every few milliseconds: the build reads the pages while
 * the runbook prints, and the printer's messages to and from Chromium must not wait for the scan.
 */
export async function scanTextsInTurns(texts: Iterable<OutputText>, rules: LeakRules, turnMs = 10): Promise<OutputFinding[]> {
  const found: OutputFinding[] = [];
  let turn = performance.now();
  for (const item of texts) {
    found.push(...findLeaks(item, rules));
    if (performance.now() - turn > turnMs) {
      await new Promise((resume) => setImmediate(resume));
      turn = performance.now();
    }
  }
  return found;
}
