/**
 * Turns zod issues into messages a person can act on: what is wrong, with the value, and a hint
 * with the fix (often the corrected value). Pure: the caller supplies the raw value and the YAML
 * source text at the issue's path.
 */
import { z } from 'zod';
import { didYouMean, suggest } from './suggest.ts';
import { ID_PATTERN } from './refs.ts';
import type { PathSegment } from './yaml-source.ts';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

export interface MappedIssue {
  segments: PathSegment[];
  message: string;
  hint?: string;
  /** Point at the key rather than the value (unknown keys). */
  atKey?: boolean;
  /** The issue is about a field that is missing: point at the mapping that lacks it. */
  missing?: boolean;
  /** For an unknown key: the known key it probably means. */
  suggested?: string;
}

/**
 * `rfe:` instead of `ref:` gives two issues: the unknown key and the missing field. The first
 * says it all ("did you mean ref?"), so the second is left out.
 */
export function dropImpliedMissing(issues: MappedIssue[]): MappedIssue[] {
  const implied = new Set(
    issues
      .filter((i) => i.suggested !== undefined)
      .map((i) => JSON.stringify([...i.segments.slice(0, -1), i.suggested])),
  );
  return issues.filter((i) => !(i.missing && implied.has(JSON.stringify(i.segments))));
}

export interface IssueContext {
  /** The raw (parsed YAML) value at a path of the whole data. */
  valueAt(segments: readonly PathSegment[]): unknown;
  /** The YAML source text of the scalar at a path (e.g. `8.10`), when there is one. */
  sourceAt(segments: readonly PathSegment[]): string | undefined;
}

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'readonly', 'prefault', 'catch', 'nonoptional']);

function def(schema: AnySchema): any {
  return (schema as any)._zod.def;
}

function descriptionOf(schema: AnySchema): string | undefined {
  return (z.globalRegistry.get(schema as z.ZodType) as { description?: string } | undefined)?.description;
}

/** Unwraps optional/default/pipe/lazy, collecting a description on the way. */
function unwrap(schema: AnySchema): { schema: AnySchema; description?: string } {
  let current = schema;
  let description = descriptionOf(current);
  for (let i = 0; i < 20; i++) {
    const d = def(current);
    if (WRAPPERS.has(d.type)) current = d.innerType;
    else if (d.type === 'pipe') current = d.in;
    else if (d.type === 'lazy') current = d.getter();
    else break;
    description ??= descriptionOf(current);
  }
  return { schema: current, ...(description ? { description } : {}) };
}

/** The schemas that may apply at a path (several when a union is on the way). */
export function schemasAt(root: AnySchema, segments: readonly PathSegment[]): AnySchema[] {
  let current: AnySchema[] = [root];
  for (const segment of segments) {
    const next: AnySchema[] = [];
    for (const candidate of current.flatMap(expandUnion)) {
      const d = def(candidate);
      if (d.type === 'object' && typeof segment === 'string' && segment in d.shape) next.push(d.shape[segment]);
      if (d.type === 'array' && typeof segment === 'number') next.push(d.element);
      if (d.type === 'record' && typeof segment === 'string') next.push(d.valueType);
    }
    current = next;
  }
  return current;
}

function expandUnion(schema: AnySchema): AnySchema[] {
  const inner = unwrap(schema).schema;
  const d = def(inner);
  if (d.type === 'union') return (d.options as AnySchema[]).flatMap(expandUnion);
  return [inner];
}

/** The keys a mapping at this path may have. */
export function allowedKeysAt(root: AnySchema, segments: readonly PathSegment[]): string[] {
  const keys = new Set<string>();
  for (const candidate of schemasAt(root, segments).flatMap(expandUnion)) {
    const d = def(candidate);
    if (d.type === 'object') for (const key of Object.keys(d.shape)) keys.add(key);
  }
  return [...keys];
}

export function fieldDescriptionAt(root: AnySchema, segments: readonly PathSegment[]): string | undefined {
  for (const schema of schemasAt(root, segments)) {
    const { description } = unwrap(schema);
    if (description) return description;
  }
  return undefined;
}

/** `the number 8.1`, `the text "x"`, `a list` … */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

function lastKey(segments: readonly PathSegment[]): string | undefined {
  for (let i = segments.length - 1; i >= 0; i--) if (typeof segments[i] === 'string') return segments[i] as string;
  return undefined;
}

function quoteHint(source: string | undefined, value: unknown): string {
  const text = source !== undefined && source.trim() !== '' ? source.trim() : String(value);
  return `quote it: ${JSON.stringify(text)}`;
}

function firstControlChar(value: string): string | undefined {
  const match = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.exec(value);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `U+${code} at character ${match.index + 1}`;
}

function allowedList(values: readonly unknown[]): string {
  return values.map((v) => String(v)).join(', ');
}

export function mapIssue(issue: Issue, root: AnySchema, ctx: IssueContext): MappedIssue[] {
  const segments = issue.path.filter((s): s is PathSegment => typeof s === 'string' || typeof s === 'number');
  const value = ctx.valueAt(segments);
  const field = lastKey(segments);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(root, segments);
      return issue.keys.map((key) => {
        const match = suggest(key, allowed);
        return {
          segments: [...segments, key],
          atKey: true,
          ...(match ? { suggested: match } : {}),
          message: `unknown key "${key}"${match ? ` (did you mean "${match}"?)` : ''}`,
          hint: match ? `rename it to "${match}"` : `remove it; allowed here: ${allowed.join(', ')}`,
        };
      });
    }

    case 'invalid_type': {
      const expected = issue.expected as string;
      if (value === undefined) {
        const description = fieldDescriptionAt(root, segments);
        return [
          {
            segments,
            missing: true,
            message: `missing required field "${field ?? formatSegment(segments)}"`,
            hint: `add \`${field}: …\`${description ? `: ${lowerFirst(description.replace(/\.$/, ''))}` : ''}`,
          },
        ];
      }
      if (value === null) {
        return [
          {
            segments,
            message: `"${field}" has no value (expected ${typeName(expected)})`,
            hint: `write a value after "${field}:", or remove the line if the field is optional`,
          },
        ];
      }
      if (expected === 'string' && typeof value === 'number') {
        return [
          {
            segments,
            message: `expected text, got ${describeValue(value)} (YAML reads an unquoted ${ctx.sourceAt(segments)?.trim() ?? value} as a number)`,
            hint: quoteHint(ctx.sourceAt(segments), value),
          },
        ];
      }
      if (expected === 'string' && typeof value === 'boolean') {
        return [
          {
            segments,
            message: `expected text, got ${describeValue(value)} (YAML reads an unquoted ${ctx.sourceAt(segments)?.trim() ?? value} as true/false)`,
            hint: quoteHint(ctx.sourceAt(segments), value),
          },
        ];
      }
      if ((expected === 'number' || expected === 'int') && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
        return [
          {
            segments,
            message: `expected ${typeName(expected)}, got ${describeValue(value)}`,
            hint: `write it without quotes: ${value.trim()}`,
          },
        ];
      }
      if (expected === 'int' && typeof value === 'number') {
        return [{ segments, message: `expected a whole number, got ${value}`, hint: `write a whole number such as ${Math.round(value)}` }];
      }
      if (expected === 'array') {
        return [
          {
            segments,
            message: `expected a list, got ${describeValue(value)}`,
            hint: 'write each item on its own line, starting with "- "',
          },
        ];
      }
      return [{ segments, message: `expected ${typeName(expected)}, got ${describeValue(value)}` }];
    }

    case 'invalid_value': {
      const allowed = issue.values;
      if (value === undefined) {
        return [
          {
            segments,
            missing: true,
            message: `missing required field "${field ?? formatSegment(segments)}"`,
            hint: `add \`${field}: …\` (${allowed.length === 1 ? JSON.stringify(allowed[0]) : `one of ${allowedList(allowed)}`})`,
          },
        ];
      }
      const match = typeof value === 'string' ? suggest(value, allowed.map(String)) : undefined;
      const shown = typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
      if (allowed.length === 1) {
        return [{ segments, message: `expected ${JSON.stringify(allowed[0])}, got ${shown}` }];
      }
      return [
        {
          segments,
          message: `${shown} is not one of the allowed values${match ? ` (did you mean "${match}"?)` : ''}`,
          hint: `allowed: ${allowedList(allowed)}`,
        },
      ];
    }

    case 'invalid_format': {
      const shown = typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
      if (issue.format === 'ipv4') {
        return [
          {
            segments,
            message: `${shown} is not a valid IPv4 address`,
            hint: 'write four numbers from 0 to 255 separated by dots, e.g. 10.12.0.205',
          },
        ];
      }
      if (issue.format === 'cidrv4') {
        return [{ segments, message: `${shown} is not a valid IPv4 network`, hint: 'write it as address/prefix, e.g. 10.12.0.0/24' }];
      }
      let hint: string | undefined;
      if (typeof value === 'string' && issue.message.startsWith('must be a reference') && ID_PATTERN.test(value)) {
        hint = `write the kind in front of the id, e.g. "guest:${value}" or "host:${value}"`;
      } else if (typeof value === 'string' && issue.message.startsWith('must be lower-case')) {
        const fixed = value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
        if (fixed && fixed !== value) hint = `for example "${fixed}"`;
      }
      return [{ segments, message: `${shown} ${issue.message}`, ...(hint ? { hint } : {}) }];
    }

    case 'too_small': {
      if (issue.origin === 'string') {
        return [
          {
            segments,
            message: issue.message.startsWith('Too small') ? `must not be empty` : issue.message,
            hint: 'write the text, or leave the field out if it is optional',
          },
        ];
      }
      if (issue.origin === 'array') {
        const message = issue.message.startsWith('Too small') ? `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}` : issue.message;
        return [{ segments, message }];
      }
      const message = issue.message.startsWith('Too small') ? `must be at least ${issue.minimum}, got ${String(value)}` : `${issue.message} (got ${String(value)})`;
      return [{ segments, message }];
    }

    case 'too_big': {
      if (issue.origin === 'string') {
        return [{ segments, message: issue.message.startsWith('Too big') ? `must be at most ${issue.maximum} characters` : issue.message }];
      }
      const message = issue.message.startsWith('Too big') ? `must be at most ${issue.maximum}, got ${String(value)}` : `${issue.message} (got ${String(value)})`;
      return [{ segments, message }];
    }

    case 'custom': {
      if (issue.message.includes('control characters') && typeof value === 'string') {
        const where = firstControlChar(value);
        return [
          {
            segments,
            message: issue.message,
            hint: where ? `remove the invisible character ${where}` : 'remove the control character',
          },
        ];
      }
      if (issue.message.startsWith('needs at least one of nb, en')) {
        return [{ segments, message: 'needs a text in nb and en', hint: 'write it as `{ nb: "…", en: "…" }`' }];
      }
      return [{ segments, message: issue.message }];
    }

    case 'invalid_union': {
      // A mapping that fits none of the mapping shapes: judge it against the shape it most
      // resembles (most keys in common, then most near misses) and report that shape's issues.
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const options = schemasAt(root, segments)
          .flatMap(expandUnion)
          .filter((option) => def(option).type === 'object');
        const keys = Object.keys(value);
        let best: AnySchema | undefined;
        let bestScore = [-1, -1];
        for (const option of options) {
          const shape = Object.keys(def(option).shape);
          const score = [keys.filter((k) => shape.includes(k)).length, keys.filter((k) => suggest(k, shape) !== undefined).length];
          if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
            best = option;
            bestScore = score;
          }
        }
        const result = best ? (best as z.ZodType).safeParse(value) : undefined;
        if (result && !result.success) {
          return result.error.issues.flatMap((inner) =>
            mapIssue({ ...inner, path: [...segments, ...inner.path] } as Issue, root, ctx),
          );
        }
      }
      const expected = new Set<string>();
      const collect = (errors: Issue[][]) => {
        for (const branch of errors)
          for (const inner of branch) {
            if (inner.code === 'invalid_type') expected.add(typeName(inner.expected as string));
            if (inner.code === 'invalid_union') collect(inner.errors);
          }
      };
      collect(issue.errors);
      const list = [...expected];
      const wanted = list.length ? list.join(' or ') : 'a different value';
      return [
        {
          segments,
          message: `expected ${wanted}, got ${describeValue(value)}`,
          ...(typeof value === 'number' || typeof value === 'boolean' ? { hint: quoteHint(ctx.sourceAt(segments), value) } : {}),
        },
      ];
    }

    default:
      return [{ segments, message: issue.message }];
  }
}

function lowerFirst(text: string): string {
  return text.length > 1 && /[A-Z][a-z]/.test(text.slice(0, 2)) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function formatSegment(segments: readonly PathSegment[]): string {
  return String(segments[segments.length - 1] ?? '');
}

export { didYouMean };
