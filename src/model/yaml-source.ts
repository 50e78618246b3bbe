/**
 * Reading one model file: YAML with source positions, and the checks that belong to the text
 * itself (size, encoding, emptiness, tabs, YAML 1.1, tags, duplicate keys, alias bombs, dangerous
 * keys, secrets, invisible characters). `parseModelText` is pure; `readModelFile` adds the file-system part (size check before
 * reading, UTF-8 decoding).
 */
import { readFileSync, statSync } from 'node:fs';
import { LineCounter, Parser, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { detectSecret, isSecretKey, SECRET_HINT } from './secrets.ts';
import { findInvisibleChars, invisibleMessage } from './invisible-chars.ts';

/** Larger model files are refused before they are read (the whole Saghaugen model is ~50 KB). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** A model needs no aliases; a few are tolerated, an expansion attack fails at once. */
export const MAX_ALIAS_COUNT = 16;
/** Keys that would reach Object.prototype if any code ever copied the data carelessly. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type PathSegment = string | number;

/** A problem inside one file. `segments` is the path within this file (list indexes are local). */
export interface SourceProblem {
  line: number;
  column: number;
  segments: PathSegment[];
  message: string;
  hint?: string;
  /**
   * The value at `segments` is refused here, so what the schema would also say about it (an id
   * with an invisible character does not match the id pattern either) only repeats this: left out.
   */
  coversValue?: boolean;
}

export interface ParsedFile {
  file: string;
  text: string;
  doc: Document.Parsed | null;
  lineCounter: LineCounter;
  /** The plain data; undefined when the file could not be read safely (see `fatal`). */
  data: unknown;
  problems: SourceProblem[];
  /** Reported, not refused: invisible characters in free text. */
  warnings: SourceProblem[];
  /** True when the data must not be used (syntax errors, alias bomb, dangerous keys, empty). */
  fatal: boolean;
}

/** `guests[3].host`: the form paths are printed in. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function readModelFile(file: string): ParsedFile {
  const size = statSync(file).size;
  if (size > MAX_FILE_BYTES) {
    return {
      file,
      text: '',
      doc: null,
      lineCounter: new LineCounter(),
      data: undefined,
      fatal: true,
      warnings: [],
      problems: [
        {
          line: 1,
          column: 1,
          segments: [],
          message: `file is too large (${size} bytes; the limit is ${MAX_FILE_BYTES})`,
          hint: 'split the model into several files in the same directory; list sections concatenate',
        },
      ],
    };
  }
  const decoded = decodeUtf8(readFileSync(file));
  if (!decoded.ok) {
    return { file, text: '', doc: null, lineCounter: new LineCounter(), data: undefined, fatal: true, problems: [decoded.problem], warnings: [] };
  }
  return parseModelText(file, decoded.text);
}

/**
 * The offset of the first byte that does not begin a well-formed UTF-8 sequence (the lead byte of
 * a broken or cut-off sequence, a stray continuation byte, an overlong form, a surrogate, or a code
 * point past U+10FFFF), or -1 when all of it is UTF-8. The same rules as TextDecoder's fatal mode,
 * which says only that something is wrong, not where.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // The second byte's range rules out overlong forms (E0, F0), surrogates (ED) and > U+10FFFF (F4).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}

export type Decoded = { ok: true; text: string } | { ok: false; problem: SourceProblem };

/**
 * The bytes as UTF-8 text, or a problem at the first byte that is not UTF-8. Reading with 'utf8'
 * would turn such bytes into U+FFFD without a word, and the page would show "Str�mnettet". A UTF-8
 * byte order mark is accepted (and dropped, as editors show the text without it).
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Not UTF-8: find where, below.
  }
  const offset = invalidUtf8Offset(bytes);
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  // Columns count characters, as the YAML positions do; what precedes the byte on its line is valid.
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  const byte = bytes[offset]!;
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const utf16 = offset === 0 && bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  // An 8-bit byte alone is most likely Latin-1 / Windows-1252 (ø is 0xF8 there): name the letter.
  const guess = new TextDecoder('windows-1252').decode(Uint8Array.of(byte));
  const named = !utf16 && /^[^\p{C}\s]$/u.test(guess) ? ` (it is "${guess}" in Latin-1 / Windows-1252)` : '';
  return {
    ok: false,
    problem: {
      line,
      column: before.length + 1,
      segments: [],
      message: `the file is not valid UTF-8: byte ${hex} here is not part of a UTF-8 character${named}`,
      hint: utf16
        ? 'the file is saved as UTF-16: save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)'
        : 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8), and check the letters around this place afterwards',
    },
  };
}

export function parseModelText(file: string, text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const problems: SourceProblem[] = [];
  const warnings: SourceProblem[] = [];
  const result = (doc: Document.Parsed | null, data: unknown, fatal: boolean): ParsedFile => ({
    file,
    text,
    doc,
    lineCounter,
    data,
    problems,
    warnings,
    fatal,
  });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };

  if (text.length > MAX_FILE_BYTES) {
    problems.push({ line: 1, column: 1, segments: [], message: 'file is too large', hint: 'split the model into several files' });
    return result(null, undefined, true);
  }

  const doc = parseDocument(text, {
    schema: 'core',
    uniqueKeys: true,
    lineCounter,
    prettyErrors: false,
    keepSourceTokens: false,
  });

  // Tabs in indentation: reported once per file, at the first one, with a clear fix. Only when
  // the parser stumbled: a tab inside a block scalar (a command, say) is content, not indentation.
  const tabLines = doc.errors.length > 0 ? [...text.matchAll(/^([ ]*)\t/gm)] : [];
  if (tabLines.length > 0) {
    const first = tabLines[0]!;
    const pos = at(first.index! + first[1]!.length);
    const more = tabLines.length > 1 ? ` (and ${tabLines.length - 1} more line${tabLines.length > 2 ? 's' : ''})` : '';
    problems.push({
      ...pos,
      segments: [],
      message: `tab used for indentation${more}`,
      hint: 'YAML indents with spaces only: replace each tab at the start of the line with spaces',
    });
  }

  // YAML 1.1 would read `no`, `yes`, `on`, `off` as booleans (the "Norway problem").
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    const match = /^%YAML[ \t]+\S+/m.exec(text);
    problems.push({
      ...at(match?.index ?? 0),
      segments: [],
      message: `"%YAML ${doc.directives.yaml.version}" is not supported: model files are read as YAML 1.2 (core schema)`,
      hint: 'remove the %YAML line; in YAML 1.2 `lang: no` stays the text "no" (YAML 1.1 would turn it into false)',
    });
  }

  // Key offsets → paths, so that a duplicate key can be named by its path.
  const keyPaths = new Map<number, PathSegment[]>();
  /** Where each node with an explicit tag starts, and its path: to name the path of a tag. */
  const taggedNodes: { start: number; path: PathSegment[] }[] = [];
  let fatal = false;
  let firstAlias: number | undefined;
  let aliasNodes = 0;

  // Invisible and direction-changing characters (invisible-chars.ts): refused in keys, ids, names
  // and titles, reported in free text. At the character itself when it is written out, else (an
  // escape such as "\u202E") at the start of the value.
  const invisible = (value: string, node: Node, path: PathSegment[], kind: 'key' | 'name' | 'text'): void => {
    const found = findInvisibleChars(value);
    if (found.length === 0) return;
    const start = node.range?.[0] ?? 0;
    const literal = findInvisibleChars(text.slice(start, node.range?.[1] ?? start))[0];
    const problem: SourceProblem = {
      ...at(start + (literal?.index ?? 0)),
      segments: path,
      message: `${kind === 'key' ? 'the key ' : ''}${invisibleMessage(value, found)}`,
      hint:
        kind === 'text'
          ? 'remove it unless the text needs it: it does not show on the page, yet changes what is displayed, searched and copied'
          : `remove it: ${kind === 'key' ? 'a key' : 'an id, a name or a title'} must read exactly as it is written, and such a character lets one pass for another`,
    };
    if (kind === 'text') warnings.push(problem);
    else problems.push({ ...problem, coversValue: true });
  };

  const walk = (node: unknown, path: PathSegment[]): void => {
    const tagged = node as { tag?: string; range?: [number, number, number] } | null;
    if (tagged?.tag && tagged.range) taggedNodes.push({ start: tagged.range[0], path });
    if (isAlias(node)) {
      aliasNodes++;
      firstAlias ??= node.range?.[0];
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const keyName = isScalar(keyNode) ? String(keyNode.value) : undefined;
        const keyOffset = keyNode?.range?.[0] ?? node.range?.[0] ?? 0;
        if (keyName === undefined) {
          if (isAlias(keyNode)) walk(keyNode, path);
          problems.push({
            ...at(keyOffset),
            segments: path,
            message: 'keys must be plain names',
            hint: 'write the key as a plain word such as `name:`',
          });
          fatal = true;
          continue;
        }
        const childPath = [...path, keyName];
        keyPaths.set(keyOffset, childPath);
        invisible(keyName, keyNode as Node, childPath, 'key');
        if ((keyNode as { tag?: string }).tag) taggedNodes.push({ start: keyOffset, path: childPath });
        if (FORBIDDEN_KEYS.has(keyName)) {
          problems.push({
            ...at(keyOffset),
            segments: childPath,
            message: `"${keyName}" is not allowed as a key`,
            hint: `"${keyName}" is reserved in JavaScript objects; rename or remove the key`,
          });
          fatal = true;
        }
        if (isSecretKey(keyName) && isScalar(pair.value) && pair.value.value !== null && pair.value.value !== '') {
          problems.push({
            ...at(pair.value.range?.[0] ?? keyOffset),
            segments: childPath,
            message: `"${keyName}" holds what looks like a secret`,
            hint: SECRET_HINT,
          });
        }
        walk(pair.value, childPath);
      }
      return;
    }
    if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
      return;
    }
    if (isScalar(node) && typeof node.value === 'string') {
      invisible(node.value, node, path, isNamingField(path) ? 'name' : 'text');
      const secret = detectSecret(node.value);
      if (secret) {
        problems.push({ ...at(node.range?.[0] ?? 0), segments: path, message: secret.message, hint: SECRET_HINT });
      }
    }
  };
  walk(doc.contents, []);

  // Explicit YAML tags are refused, every one. Unknown tags (`!secret`, `!include`, `!!js/function`)
  // would be read as plain text without a word (the library only warns), as if the secret or the
  // include were there. The tags the core schema still honours make values the schemas and pages do
  // not expect (`!!binary` a byte buffer, `!!set` and `!!omap` a Set or Map, `!!timestamp` a Date),
  // and even `!!str` or `!!int` only repeat what quoting says more plainly: the schema decides every
  // field's type, and quoting makes text. One rule is easier to follow than a list of good tags.
  const tagOffsets = new Set<number>();
  if (text.includes('!')) {
    // Tags and tagged nodes in text order: each tag belongs to the first node after it.
    taggedNodes.sort((a, b) => a.start - b.start);
    let next = 0;
    for (const tag of findTags(text)) {
      while (next < taggedNodes.length && taggedNodes[next]!.start < tag.offset + tag.source.length) next++;
      const node = taggedNodes[next];
      tagOffsets.add(tag.offset);
      problems.push(tagProblem(at(tag.offset), node?.path ?? [], tag.source));
      fatal = true;
    }
  }
  // Anything else the library only warns about is a problem too: a model file means one thing.
  for (const warning of doc.warnings) {
    if (tagOffsets.has(warning.pos[0])) continue;
    fatal = true;
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      problems.push(tagProblem(at(warning.pos[0]), [], text.slice(warning.pos[0], warning.pos[1])));
    } else {
      problems.push({
        ...at(warning.pos[0]),
        segments: [],
        message: `YAML: ${warning.message.split('\n')[0]}`,
        hint: warning.code === 'BAD_DIRECTIVE' ? 'remove the line starting with %' : 'write the line as plain YAML (see the other model files)',
      });
    }
  }

  for (const error of doc.errors) {
    fatal = true;
    if (error.code === 'TAB_AS_INDENT' && tabLines.length > 0) continue;
    const offset = error.pos[0];
    const pos = at(offset);
    if (error.code === 'DUPLICATE_KEY') {
      const segments = keyPaths.get(offset) ?? [];
      const name = segments.length ? String(segments[segments.length - 1]) : text.slice(error.pos[0], error.pos[1]);
      problems.push({
        ...pos,
        segments,
        message: `duplicate key "${name}"`,
        hint: 'a key may appear once in a mapping: merge the two entries or remove one',
      });
    } else if (error.code === 'MULTIPLE_DOCS') {
      problems.push({
        ...pos,
        segments: [],
        message: 'a model file holds one YAML document',
        hint: 'remove the `---` line, or move the second document into its own file',
      });
    } else if (error.code === 'TAB_AS_INDENT') {
      problems.push({ ...pos, segments: [], message: 'tab used for indentation', hint: 'YAML indents with spaces only' });
    } else if (tabLines.length === 0) {
      // With tabs in the indentation, the parser's other complaints follow from them: fix the tabs first.
      problems.push({
        ...pos,
        segments: [],
        message: `YAML syntax error: ${error.message.split('\n')[0]}`,
        hint: 'check the indentation and quoting on this line and the one before it',
      });
    }
  }

  if (fatal) return result(doc, undefined, true);

  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    problems.push({
      line: 1,
      column: 1,
      segments: [],
      message: 'the file is empty',
      hint: 'add at least one section (for example `hosts:` with a list of hosts), or delete the file',
    });
    return result(doc, undefined, true);
  }

  if (aliasNodes > MAX_ALIAS_COUNT) {
    problems.push(aliasProblem(at(firstAlias ?? 0), aliasNodes));
    return result(doc, undefined, true);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    problems.push(aliasProblem(at(firstAlias ?? 0), aliasNodes));
    return result(doc, undefined, true);
  }

  if (!isMap(doc.contents)) {
    problems.push({
      ...at(doc.contents.range?.[0] ?? 0),
      segments: [],
      message: 'a model file must be a mapping of sections',
      hint: 'start the file with a section name such as `hosts:` or `guests:`, followed by a list',
    });
    return result(doc, undefined, true);
  }
  return result(doc, data, false);
}

/** Every tag written in the text (`!secret`, `!!binary`, `!<tag:…>`, `!`), found in its syntax tree. */
/**
 * The fields that name or identify: any `id`, `name` or `title`, and each language of a localized
 * title (`title.nb`, `title.en`). What is shown as a heading, a link or a diagram label, and what
 * tells two things apart.
 */
function isNamingField(path: readonly PathSegment[]): boolean {
  const last = path.at(-1);
  if (last === 'id' || last === 'name' || last === 'title') return true;
  return path.at(-2) === 'title' && (last === 'nb' || last === 'en');
}

export function findTags(text: string): { offset: number; source: string }[] {
  const tags: { offset: number; source: string }[] = [];
  const visit = (token: unknown): void => {
    if (Array.isArray(token)) token.forEach(visit);
    else if (token !== null && typeof token === 'object') {
      const t = token as { type?: unknown; offset?: unknown; source?: unknown };
      if (t.type === 'tag' && typeof t.offset === 'number' && typeof t.source === 'string') tags.push({ offset: t.offset, source: t.source });
      else for (const value of Object.values(token)) if (value !== null && typeof value === 'object') visit(value);
    }
  };
  for (const token of new Parser().parse(text)) visit(token);
  return tags.sort((a, b) => a.offset - b.offset);
}

function tagProblem(pos: { line: number; column: number }, segments: PathSegment[], tag: string): SourceProblem {
  return {
    ...pos,
    segments,
    message: `YAML tags are not supported: "${tag}"`,
    hint: 'remove the tag and write the value as plain text (quote it if it would otherwise read as a number); a model file has no includes, secrets or custom types',
  };
}

function aliasProblem(pos: { line: number; column: number }, count: number): SourceProblem {
  return {
    ...pos,
    segments: [],
    message: `too many YAML aliases (${count} alias${count === 1 ? '' : 'es'}, expanding past the limit of ${MAX_ALIAS_COUNT})`,
    hint: 'write the values out instead of using anchors and aliases (&name / *name)',
  };
}

export interface NodeLocation {
  line: number;
  column: number;
  /** How many path segments were found; less than the path length when a key is missing. */
  depth: number;
  /** The source text of the node found (for hints such as "quote it"). */
  source?: string;
}

/**
 * The position of the node at `path` in the file, or of its deepest existing ancestor.
 * With `key: true` the position of the last key is given rather than of its value.
 */
export function locate(parsed: ParsedFile, path: readonly PathSegment[], options: { key?: boolean } = {}): NodeLocation {
  let node: unknown = parsed.doc?.contents ?? null;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    let next: unknown;
    let keyOffset: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair) {
        next = pair.value;
        keyOffset = (pair.key as Node).range?.[0];
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (next === undefined) break;
    depth = i + 1;
    const isLast = i === path.length - 1;
    if (isLast && options.key && keyOffset !== undefined) {
      offset = keyOffset;
      node = null;
      break;
    }
    if (next === null) {
      // `key:` with no value: point at the key.
      offset = keyOffset ?? offset;
      node = null;
      break;
    }
    node = next;
    offset = (node as Node).range?.[0] ?? keyOffset ?? offset;
  }
  const pos = parsed.lineCounter.linePos(offset);
  const range = (node as Node | null)?.range;
  const source = range && isScalar(node) ? parsed.text.slice(range[0], range[1]) : undefined;
  return { line: pos.line, column: pos.col, depth, ...(source !== undefined ? { source } : {}) };
}
