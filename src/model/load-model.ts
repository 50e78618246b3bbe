/**
 * Reads `model/*.yaml` and checks it in layers, every problem with file:line:column:
 *   0. the folder: which entries are model files (links only to files inside it), how many, and
 *      how much in all, before any is parsed
 *   1. the text of each file (size, empty, tabs, YAML syntax, duplicate keys, alias bombs,
 *      dangerous keys, secrets)  → yaml-source.ts, secrets.ts
 *   2. merging the files' sections (unknown sections, `site` twice, a section that is not a list)
 *   3. the zod schemas, issues turned into messages with hints  → error-map.ts
 *   4. cross-entity rules over the whole model and missing translations  → integrity.ts, translations.ts
 * Every problem is reported at once where that is sound: the schemas run over every file that
 * could be read, and the whole-model rules over every entity that passed its schema (a reference to
 * an entity left out that way is not called dangling). A file that cannot be read, or a section
 * that cannot be merged, stops the whole-model rules, so one mistake is not reported ten times.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ModelSchema, SECTION_NAMES, type Model, type SectionName } from './schema/model.ts';
import { followLink } from './follow-link.ts';
import { formatPath, locate, parseModelText, readModelFile, type ParsedFile, type PathSegment, type SourceProblem } from './yaml-source.ts';
import { dropImpliedMissing, mapIssue } from './error-map.ts';
import { suggest } from './suggest.ts';
import { checkIntegrity } from './integrity.ts';
import { findMissingTranslations, LANGUAGE_NAMES } from './translations.ts';
import { KIND_SECTIONS } from './entities.ts';
import { DEFAULT_MODEL_MAX_MB, readSetting, SettingError } from '../settings.ts';

/** A problem refuses the model; a warning (same shape) is reported and the model is used. */
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

/**
 * The whole model folder may hold this much (the sum of its model files' sizes), checked before
 * any file is parsed: the per-file limit alone let 25 files of 1 MB through, at 76 s and 2.95 GB.
 * The Saghaugen model is ~80 KB. DRIFTSBOK_MODEL_MAX_MB raises it (src/settings.ts).
 */
export { DEFAULT_MODEL_MAX_MB };
/** And at most this many model files: more means the wrong folder, or a model to merge into fewer files. */
export const MAX_MODEL_FILES = 200;
const MB = 1024 * 1024;

export interface LoadOptions {
  /** Where settings are read from (DRIFTSBOK_MODEL_MAX_MB); default process.env. */
  env?: Record<string, string | undefined>;
}

/** Where a path of the loaded model is written: its file, line and column. */
export type Locate = (segments: readonly PathSegment[]) => { file: string; line: number; column: number };

export type LoadResult =
  | { ok: true; model: Model; files: string[]; warnings: Problem[]; locate: Locate }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

interface Origin {
  parsed: ParsedFile;
  /** Index of the item within its file's section. */
  localIndex: number;
}

function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

export interface ModelDirListing {
  /** The model files, in name order. */
  files: string[];
  /** Their sizes added up. */
  bytes: number;
  /** Entries named like model files that cannot be read as one (broken or outside links, folders). */
  problems: Problem[];
}

/**
 * The model files of a folder: every `*.yaml` / `*.yml` not starting with a dot. Each must be a
 * regular file; a symbolic link is followed only to a file inside the model folder (a model that
 * reads a file from elsewhere checks and publishes something the folder does not show). A link that
 * loops, leads nowhere or leads out, and a folder or pipe named like a model file, are problems
 * with the entry's name, instead of a stack trace, a silent skip or a read that never returns.
 */
export function listModelFiles(dir: string): ModelDirListing {
  const root = realpathSync(dir);
  const listing: ModelDirListing = { files: [], bytes: 0, problems: [] };
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((e) => (e.name.endsWith('.yaml') || e.name.endsWith('.yml')) && !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const problem = (message: string, hint: string) => listing.problems.push({ file: shown(path), line: 1, column: 1, path: '', message, hint });
    if (entry.isSymbolicLink()) {
      const link = followLink(path, root);
      if (!link.ok) {
        if (link.why === 'loop') {
          problem(
            `is a symbolic link that loops: it points to "${link.target}", which leads back to itself`,
            'replace the link with the model file itself, or point it at a model file in this folder',
          );
        } else if (link.why === 'missing') {
          problem(
            `is a symbolic link to "${link.target}", which does not exist`,
            'restore the file it points to, point the link at a model file in this folder, or remove the link',
          );
        } else if (link.why === 'outside') {
          problem(
            `is a symbolic link to ${shown(link.real)}, outside the model folder`,
            'copy the file into the model folder instead: the model is read from its own folder only, so that what is checked and published is what the folder holds',
          );
        } else {
          problem(`is a symbolic link that cannot be followed (${link.code})`, 'replace the link with the model file itself');
        }
        continue;
      }
    }
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      problem(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'check that the file exists and is readable');
      continue;
    }
    if (stat.isDirectory()) {
      problem('is a folder, not a model file', 'model files are read from the model folder itself, not from folders in it: move the files up, or rename the folder so that its name does not end in .yaml');
    } else if (!stat.isFile()) {
      problem('is not a regular file (a pipe, socket or device)', 'remove it: a model file must be a regular file');
    } else {
      listing.files.push(path);
      listing.bytes += stat.size;
    }
  }
  return listing;
}

/** DRIFTSBOK_MODEL_MAX_MB, or the default; a message and its hint when it is not a positive number. */
export function modelMaxMb(env: Record<string, string | undefined>): { mb: number } | { error: string; hint: string } {
  try {
    return { mb: readSetting(env, 'DRIFTSBOK_MODEL_MAX_MB') };
  } catch (error) {
    if (!(error instanceof SettingError)) throw error;
    return { error: error.what, hint: error.howToFix ?? '' };
  }
}

/** "5.25 MB": two decimals, so that a small limit (as in tests) does not print as 0.0. */
function megabytes(bytes: number): string {
  return `${Number((bytes / MB).toFixed(2))} MB`;
}

/** Problems with the folder as a whole, found before any file is parsed. */
function folderLimitProblems(dir: string, listing: ModelDirListing, env: Record<string, string | undefined>): Problem[] {
  const at = { file: shown(dir), line: 1, column: 1, path: '' };
  const max = modelMaxMb(env);
  if ('error' in max) return [{ ...at, message: max.error, hint: max.hint }];
  const count = listing.files.length;
  if (count > MAX_MODEL_FILES) {
    return [
      {
        ...at,
        message: `the model folder holds ${count} model files; the limit is ${MAX_MODEL_FILES}`,
        hint: 'check that this is the model folder, and merge small files into larger ones (list sections of the same name add up across files)',
      },
    ];
  }
  if (listing.bytes > max.mb * MB) {
    return [
      {
        ...at,
        message: `the model files add up to ${megabytes(listing.bytes)} (${listing.bytes} bytes in ${count} file${count === 1 ? '' : 's'}); the limit for the whole model folder is ${max.mb} MB`,
        hint: `check that this is the model folder and remove files that are not part of the model (a model is usually well under 1 MB), or raise the limit: DRIFTSBOK_MODEL_MAX_MB=${Math.ceil(listing.bytes / MB)}`,
      },
    ];
  }
  return [];
}

function readOrReport(file: string): ParsedFile {
  try {
    return readModelFile(file);
  } catch (error) {
    const parsed = parseModelText(file, '');
    parsed.problems.splice(0, parsed.problems.length, {
      line: 1,
      column: 1,
      segments: [],
      message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      hint: 'check that the file exists and is readable',
    });
    return parsed;
  }
}

export function loadModel(dir: string, options: LoadOptions = {}): LoadResult {
  const env = options.env ?? process.env;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return {
      ok: false,
      problems: [
        {
          file: shown(dir),
          line: 1,
          column: 1,
          path: '',
          message: 'model directory not found',
          hint: 'run from the project root, or set DRIFTSBOK_MODEL_DIR to the directory holding the *.yaml files',
        },
      ],
      warnings: [],
    };
  }
  const listing = listModelFiles(dir);
  const { files } = listing;
  if (files.length === 0 && listing.problems.length === 0) {
    return {
      ok: false,
      problems: [
        { file: shown(dir), line: 1, column: 1, path: '', message: 'no model files (*.yaml) in this directory', hint: 'add at least site.yaml with a `site:` section' },
      ],
      warnings: [],
    };
  }

  // Layer 0: the folder as a whole, before reading any file.
  const tooMuch = folderLimitProblems(dir, listing, env);
  if (tooMuch.length > 0) return { ok: false, problems: tooMuch, warnings: [] };
  if (files.length === 0) return { ok: false, problems: sortProblems(listing.problems), warnings: [] };

  // A model file that cannot be read makes the rest unreliable, as a file with broken YAML does.
  const problems: Problem[] = [...listing.problems];
  const warnings: Problem[] = [];
  /** Paths (merged indexes) whose value layer 1 refused outright: the schema's word on them is left out. */
  const covered = new Set<string>();
  let unreliable = listing.problems.length > 0;
  const parsedFiles = files.map((file) => readOrReport(file));

  // Layer 2: merge sections, remembering where each list item came from.
  const merged: Record<string, unknown> = {};
  const origins = new Map<string, Origin[]>();
  let siteOrigin: ParsedFile | undefined;
  const sectionFile = new Map<string, ParsedFile>();

  for (const parsed of parsedFiles) {
    const file = shown(parsed.file);
    const offsets = new Map<string, number>();
    if (!parsed.fatal) {
      for (const [section, value] of Object.entries(parsed.data as Record<string, unknown>)) {
        const pos = locate(parsed, [section], { key: true });
        if (!(SECTION_NAMES as string[]).includes(section)) {
          const match = suggest(section, SECTION_NAMES);
          problems.push({
            file,
            line: pos.line,
            column: pos.column,
            path: section,
            message: `unknown section "${section}"${match ? ` (did you mean "${match}"?)` : ''}`,
            hint: match ? `rename it to "${match}"` : `a model file may hold these sections: ${SECTION_NAMES.join(', ')}`,
          });
          unreliable = true;
          continue;
        }
        if (section === 'site') {
          if (siteOrigin) {
            problems.push({
              file,
              line: pos.line,
              column: pos.column,
              path: 'site',
              message: `"site" appears a second time (first in ${shown(siteOrigin.file)})`,
              hint: 'keep one `site:` section in one file',
            });
            unreliable = true;
            continue;
          }
          siteOrigin = parsed;
          merged.site = value;
          continue;
        }
        if (!Array.isArray(value)) {
          problems.push({
            file,
            line: pos.line,
            column: pos.column,
            path: section,
            message: value === null ? `section "${section}" is empty` : `section "${section}" must be a list`,
            hint: value === null ? 'add items, each starting with "- ", or remove the line' : `write each ${section} entry on its own line, starting with "- "`,
          });
          unreliable = true;
          continue;
        }
        const list = (merged[section] ??= []) as unknown[];
        const from = origins.get(section) ?? [];
        offsets.set(section, list.length);
        value.forEach((item, localIndex) => {
          list.push(item);
          from.push({ parsed, localIndex });
        });
        origins.set(section, from);
        if (!sectionFile.has(section)) sectionFile.set(section, parsed);
      }
    }
    // Layer 1 problems and warnings, their list indexes turned into the merged ones.
    const merge = (p: SourceProblem): Problem => {
      const segments = [...p.segments];
      if (typeof segments[0] === 'string' && typeof segments[1] === 'number') {
        segments[1] += offsets.get(segments[0]) ?? 0;
      }
      if (p.coversValue) covered.add(formatPath(segments));
      return { file, line: p.line, column: p.column, path: formatPath(segments), message: p.message, ...(p.hint ? { hint: p.hint } : {}) };
    };
    problems.push(...parsed.problems.map(merge));
    warnings.push(...parsed.warnings.map(merge));
    if (parsed.fatal) unreliable = true;
  }

  const resolve = (segments: readonly PathSegment[], options: { key?: boolean } = {}) => {
    const [section, index, ...rest] = segments;
    let parsed: ParsedFile | undefined;
    let local: PathSegment[] = [...segments];
    if (section === 'site') parsed = siteOrigin;
    else if (typeof section === 'string' && typeof index === 'number') {
      const origin = origins.get(section)?.[index];
      if (origin) {
        parsed = origin.parsed;
        local = [section, origin.localIndex, ...rest];
      }
    } else if (typeof section === 'string') parsed = sectionFile.get(section);
    parsed ??= siteOrigin ?? parsedFiles[0]!;
    const found = locate(parsed, local, options);
    return { file: shown(parsed.file), found, complete: found.depth === local.length };
  };
  const problemAt = (segments: readonly PathSegment[], message: string, hint: string | undefined, options: { key?: boolean } = {}): Problem => {
    const { file, found } = resolve(segments, options);
    return { file, line: found.line, column: found.column, path: formatPath(segments), message, ...(hint ? { hint } : {}) };
  };

  // Layer 3: the schemas. Run over the files that could be read even when others could not, so
  // that every problem shows at once; a missing site is only news when every file was read.
  if (merged.site === undefined && !unreliable) {
    problems.push({
      file: shown(parsedFiles[0]!.file),
      line: 1,
      column: 1,
      path: 'site',
      message: 'no file has a "site" section',
      hint: 'add `site:` with name, title and documented to one file (for example site.yaml)',
    });
    return { ok: false, problems: sortProblems(problems), warnings: sortProblems(warnings) };
  }
  const parsed = ModelSchema.safeParse(merged);
  let model: Model | undefined;
  /** Merged list index of each item in `model`, per section (identity when the model is whole). */
  let indexMap: Map<string, number[]> | undefined;
  /** `kind:id` of entities left out for their own schema problems. */
  const leftOut = new Set<string>();
  if (parsed.success) model = parsed.data;
  else {
    const ctx = {
      valueAt: (segments: readonly PathSegment[]) => valueAt(merged, segments),
      sourceAt: (segments: readonly PathSegment[]) => {
        const { found, complete } = resolve(segments);
        return complete ? found.source : undefined;
      },
    };
    const issues = parsed.error.issues.filter((issue) => merged.site !== undefined || issue.path[0] !== 'site');
    const mapped = dropImpliedMissing(issues.flatMap((issue) => mapIssue(issue, ModelSchema, ctx)));
    for (const m of mapped) {
      if (!covered.has(formatPath(m.segments))) problems.push(problemAt(m.segments, m.message, m.hint, { key: m.atKey ?? false }));
    }
    // Layer 4 can still run over the entities that are sound, when only entities are unsound.
    if (!unreliable && issues.every((issue) => typeof issue.path[0] === 'string' && issue.path[0] !== 'site' && typeof issue.path[1] === 'number')) {
      const bad = new Set(issues.map((issue) => `${String(issue.path[0])}#${String(issue.path[1])}`));
      const reduced: Record<string, unknown> = { ...merged };
      indexMap = new Map();
      for (const [kind, section] of KIND_SECTIONS) {
        const items = merged[section] as unknown[] | undefined;
        if (!items) continue;
        const kept: number[] = [];
        items.forEach((item, i) => {
          if (!bad.has(`${section}#${i}`)) kept.push(i);
          else {
            const id = (item as { id?: unknown } | null)?.id;
            if (typeof id === 'string') leftOut.add(`${kind}:${id}`);
          }
        });
        reduced[section] = kept.map((i) => items[i]);
        indexMap.set(section, kept);
      }
      const again = ModelSchema.safeParse(reduced);
      if (again.success) model = again.data;
    }
  }
  if (!model || unreliable) return { ok: false, problems: sortProblems(problems), warnings: sortProblems(warnings) };

  // Layer 4: the whole model (or its sound part).
  const remap = (segments: PathSegment[]): PathSegment[] => {
    const [section, index, ...rest] = segments;
    const original = typeof section === 'string' && typeof index === 'number' ? indexMap?.get(section)?.[index] : undefined;
    return original === undefined ? segments : [section!, original, ...rest];
  };
  for (const p of checkIntegrity(model, { alsoKnown: leftOut })) {
    // A reference to an entity left out above is not dangling: that entity has its own problem.
    if (p.target && leftOut.has(p.target)) continue;
    let message = p.message;
    if (p.related) {
      // Name the other place by file and line too: `(first defined at guests[0], model/guests.yaml:12:9)`.
      const related = remap(p.related);
      const other = problemAt(related, '', undefined);
      message = message.replace(/ \(first defined at [^)]*\)$/, ` (first defined at ${formatPath(related.at(-1) === 'id' ? related.slice(0, -1) : related)}, ${other.file}:${other.line}:${other.column})`);
    }
    (p.severity === 'warning' ? warnings : problems).push(problemAt(remap(p.segments), message, p.hint));
  }
  for (const missing of findMissingTranslations(model)) {
    const other = missing.missing === 'nb' ? 'en' : 'nb';
    problems.push(
      problemAt(
        remap(missing.segments),
        `missing ${LANGUAGE_NAMES[missing.missing]} text`,
        `add \`${missing.missing}: "…"\` next to ${other}: ${JSON.stringify(truncate(missing.present, 60))}`,
      ),
    );
  }

  if (problems.length > 0) return { ok: false, problems: sortProblems(problems), warnings: sortProblems(warnings) };
  const locateIn: Locate = (segments) => {
    const { file, line, column } = problemAt(segments, '', undefined);
    return { file, line, column };
  };
  return { ok: true, model, files, warnings: sortProblems(warnings), locate: locateIn };
}

function truncate(text: string, length: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

function valueAt(data: unknown, segments: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** File order, then position; identical problems once. */
export function sortProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column))
    .filter((p) => {
      const key = `${p.file}:${p.line}:${p.column}:${p.path}:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export type { SectionName };
