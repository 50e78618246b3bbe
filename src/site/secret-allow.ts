/**
 * The allow-list for secret-scanner false positives: explicit and located. Each entry names the
 * file (as the scanner prints it), the line and the rule it allows, and says why:
 *
 *   # content/secrets-allow.yaml
 *   - file: content/docs/about.md
 *     line: 14
 *     rule: password-phrase
 *     reason: an example of what not to write, not a password
 *
 * An entry allows nothing else: another line, another rule or another file is still refused. The
 * text an allowed finding matched is allowed in the finished output too (the same words end up in
 * the HTML, the search index and the PDF). Node-only (reads the file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { SecretFinding } from '../model/secrets.ts';

export interface SecretAllowEntry {
  file: string;
  line: number;
  rule: string;
  reason: string;
}

export interface SecretAllowList {
  entries: SecretAllowEntry[];
  /** What allowed findings matched, filled in as they are found (for the output scan). */
  matched: Set<string>;
}

export const SECRET_ALLOW_FILE = 'secrets-allow.yaml';

export function emptyAllowList(): SecretAllowList {
  return { entries: [], matched: new Set() };
}

/** Reads <contentDir>/secrets-allow.yaml; throws with the file and entry when an entry is incomplete. */
export function readSecretAllowList(contentDir: string): SecretAllowList {
  const path = join(contentDir, SECRET_ALLOW_FILE);
  if (!existsSync(path)) return emptyAllowList();
  const data = parse(readFileSync(path, 'utf8'), { schema: 'core' }) as unknown;
  if (data === null || data === undefined) return emptyAllowList();
  if (!Array.isArray(data)) throw new Error(`${path}: expected a list of { file, line, rule, reason }`);
  const entries = data.map((entry: unknown, i) => {
    const e = entry as Partial<SecretAllowEntry>;
    if (
      typeof e?.file !== 'string' ||
      !Number.isInteger(e.line) ||
      typeof e.rule !== 'string' ||
      typeof e.reason !== 'string' ||
      !e.reason.trim()
    ) {
      throw new Error(`${path}: entry ${i + 1} needs file, line, rule and a reason (why it is not a secret)`);
    }
    return e as SecretAllowEntry;
  });
  return { entries, matched: new Set() };
}

const normal = (file: string) => file.replace(/\\/g, '/').replace(/^\.\//, '');

/** Whether the list allows this finding at this file and line (and remembers what it matched). */
export function isAllowed(list: SecretAllowList, file: string, line: number, finding: Pick<SecretFinding, 'rule' | 'match'>): boolean {
  const ok = list.entries.some((e) => normal(e.file) === normal(file) && e.line === line && e.rule === finding.rule);
  if (ok) list.matched.add(finding.match);
  return ok;
}
