/**
 * Where each host, guest and storage entry (and each of its fields) is written in the model files,
 * so a drift finding can say "model/guests.yaml:48:5 — change cores to 4". Uses the loader's own
 * YAML reading (yaml-source.ts), so lines and columns match what `npm run check` prints.
 */
import { relative } from 'node:path';
import { listModelFiles } from '../model/load-model.ts';
import { locate, readModelFile, type ParsedFile } from '../model/yaml-source.ts';

export type PositionedSection = 'hosts' | 'guests' | 'storage';

export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface EntryPosition {
  /** Where the entry starts (its `- id:` line). */
  entry: SourcePosition;
  /** Where a field is written ("ha.group" for one inside `ha`); undefined when the entry does not have it. */
  field(name: string): SourcePosition | undefined;
}

export interface ModelPositions {
  find(section: PositionedSection, id: string): EntryPosition | undefined;
  /** Where a new entry of this section would go: the end of the file holding the section. */
  sectionFile(section: PositionedSection): string | undefined;
}

function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

export function modelPositions(dir: string): ModelPositions {
  const entries = new Map<string, { parsed: ParsedFile; index: number }>();
  const sectionFiles = new Map<PositionedSection, string>();
  for (const file of listModelFiles(dir).files) {
    const parsed = readModelFile(file);
    if (parsed.fatal || !parsed.data || typeof parsed.data !== 'object') continue;
    for (const section of ['hosts', 'guests', 'storage'] as const) {
      const list = (parsed.data as Record<string, unknown>)[section];
      if (!Array.isArray(list)) continue;
      if (!sectionFiles.has(section)) sectionFiles.set(section, shown(file));
      list.forEach((item, index) => {
        const id = (item as { id?: unknown } | null)?.id;
        if (typeof id === 'string' && !entries.has(`${section}:${id}`)) entries.set(`${section}:${id}`, { parsed, index });
      });
    }
  }
  return {
    find(section, id) {
      const found = entries.get(`${section}:${id}`);
      if (!found) return undefined;
      const { parsed, index } = found;
      const at = (path: (string | number)[], key: boolean) => {
        const pos = locate(parsed, path, { key });
        return { located: pos.depth === path.length, position: { file: shown(parsed.file), line: pos.line, column: pos.column } };
      };
      return {
        entry: at([section, index, 'id'], true).position,
        field(name) {
          // "ha.group" is the `group` key inside `ha`.
          const result = at([section, index, ...name.split('.')], true);
          return result.located ? result.position : undefined;
        },
      };
    },
    sectionFile: (section) => sectionFiles.get(section),
  };
}
