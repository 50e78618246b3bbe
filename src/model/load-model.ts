/**
 * Reads `model/*.yaml` with source positions and validates it.
 * MINIMAL FIRST VERSION: the model/check work (issue 2) hardens this: exact positions for every zod
 * issue, unique keys, alias and size limits, the error map with hints, integrity checks.
 * The public signature below is the contract other modules rely on.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import { ModelSchema, type Model } from './schema/model.ts';

export interface Problem {
  /** Path of the file as given (relative to the working directory when possible). */
  file: string;
  line: number;
  column: number;
  /** The YAML path, e.g. `guests[3].host`. */
  path: string;
  message: string;
  hint?: string;
}

export type LoadResult =
  | { ok: true; model: Model; files: string[] }
  | { ok: false; problems: Problem[] };

export function loadModel(dir: string): LoadResult {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
  const problems: Problem[] = [];
  const merged: Record<string, unknown> = {};
  for (const file of files) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(readFileSync(file, 'utf8'), { schema: 'core', uniqueKeys: true, lineCounter });
    const shown = relative(process.cwd(), file) || file;
    for (const error of doc.errors) {
      const pos = lineCounter.linePos(error.pos[0]);
      problems.push({ file: shown, line: pos.line, column: pos.col, path: '', message: error.message });
    }
    const data = doc.toJS({ maxAliasCount: 50 }) as Record<string, unknown> | null;
    for (const [section, value] of Object.entries(data ?? {})) {
      if (Array.isArray(value) && Array.isArray(merged[section])) (merged[section] as unknown[]).push(...value);
      else merged[section] = value;
    }
  }
  if (problems.length) return { ok: false, problems };
  const parsed = ModelSchema.safeParse(merged);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        file: dir,
        line: 0,
        column: 0,
        path: issue.path.join('.'),
        message: issue.message,
      })),
    };
  }
  return { ok: true, model: parsed.data, files };
}
