/**
 * Gives every page of a built site its Content-Security-Policy (src/site/csp.ts). Runs on the
 * finished HTML, before the runbook is printed from it and before the offline app hashes the
 * files. Node-only.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withContentSecurityPolicy } from './csp.ts';

/** Every .html file under outDir, relative paths, sorted. */
export function htmlFiles(outDir: string): string[] {
  return (readdirSync(outDir, { recursive: true, encoding: 'utf8' }) as string[]).filter((path) => path.endsWith('.html')).sort();
}

/** Writes the policy into each page; returns how many pages have one. */
export function writeContentSecurityPolicies(outDir: string): number {
  const pages = htmlFiles(outDir);
  for (const page of pages) {
    const file = join(outDir, page);
    const html = readFileSync(file, 'utf8');
    const next = withContentSecurityPolicy(html);
    if (next !== html) writeFileSync(file, next);
  }
  return pages.length;
}
