/**
 * Every setting driftsbok reads from the environment, in one zod schema: its type, its default and
 * a line saying what it does. Modules read their settings through readSettings(env) (tests pass an
 * env object of their own), never from process.env directly; README's settings table is generated
 * from this schema (settingsTable) and a test keeps it current.
 *
 * Rules for every variable: surrounding spaces are ignored, and an empty value is the same as none
 * (the default). A value that cannot be used fails with a SettingError that names the variable,
 * says what is wrong with the value and how to write it.
 *
 * readSettings reads each variable when it is first asked for, so a bad value fails where that
 * setting is used (the model check reports a bad DRIFTSBOK_MODEL_MAX_MB as a model problem, a bad
 * DRIFTSBOK_BASE stops the build before it starts); settingProblems(env) lists every bad value at once.
 */
import { z } from 'zod';
import type { Profile } from './model/profile.ts';
import { DriftsbokError } from './errors.ts';

/** A variable whose value cannot be used: which one, what is wrong, how to fix it. */
export class SettingError extends DriftsbokError {
  readonly variable: string;
  constructor(variable: string, problem: string, howToFix: string) {
    super(problem, howToFix);
    this.variable = variable;
  }
}

/** How a setting is documented (README's table). */
export type SettingDoc = {
  /** The default, in Markdown as README shows it ('' when there is none). */
  default: string;
  /** One line: what it does. */
  description: string;
};

/** A bad value, as a parser reports it. */
class Bad {
  readonly problem: string;
  readonly hint: string;
  constructor(problem: string, hint: string) {
    this.problem = problem;
    this.hint = hint;
  }
}

/**
 * A setting: the variable's text (trimmed; undefined when unset or empty) → its value, or Bad.
 * `original` is the text as set, for messages that quote it.
 */
function setting<T>(parse: (raw: string | undefined, original: string) => T | Bad, doc: SettingDoc) {
  return z
    .string()
    .optional()
    .transform((value, ctx): T => {
      const raw = value?.trim() || undefined;
      const parsed = parse(raw, value ?? '');
      if (parsed instanceof Bad) {
        ctx.addIssue({ code: 'custom', message: parsed.problem, params: { hint: parsed.hint } });
        return z.NEVER;
      }
      return parsed;
    })
    .meta(doc);
}

const text = (fallback: string) => (raw: string | undefined) => raw ?? fallback;
const optionalText = (raw: string | undefined) => raw;

/** 0 or 1 (a switch that is on unless set to 0). */
const onUnlessZero = (variable: string, what: string) => (raw: string | undefined) => {
  if (raw === undefined || raw === '1') return true;
  if (raw === '0') return false;
  return new Bad(`${variable} must be 0 or 1, got ${JSON.stringify(raw)}`, `${variable}=0 turns ${what} off; leave it unset to keep it on`);
};

export const DEFAULT_MODEL_MAX_MB = 4;
/** The offline app's default size budget: Saghaugen's whole site, PDFs included, is well under it. */
export const DEFAULT_OFFLINE_BUDGET_MB = 60;
export const DEFAULT_E2E_PORT = 4322;
/** The most render pages DRIFTSBOK_DIAGRAM_PAGES may ask for. */
export const MAX_DIAGRAM_PAGES = 16;

const SEGMENT = /^[A-Za-z0-9._~-]+$/;
const BASE_HINT =
  'give the path the site is served under, such as /driftsbok/ for https://<owner>.github.io/driftsbok/ ' +
  '(letters, digits, ".", "_", "~" and "-" between slashes), or leave it unset for the root of a domain.';

/** DRIFTSBOK_BASE as a path that starts and ends with `/`. `original` is the value as set, for the message. */
function parseBase(raw: string | undefined, original: string): string | Bad {
  if (raw === undefined || raw === '/') return '/';
  const bad = (problem: string) => new Bad(`DRIFTSBOK_BASE=${JSON.stringify(original)} ${problem}`, BASE_HINT);
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) {
    return bad('is an address, not a path (the public address goes in site.publicUrl or DRIFTSBOK_PUBLIC_URL)');
  }
  const segments = raw.split('/').filter((s) => s !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..') return bad(`may not contain "${segment}"`);
    if (!SEGMENT.test(segment)) return bad(`has a part that cannot be used in a path without escaping: ${JSON.stringify(segment)}`);
  }
  return `/${segments.join('/')}/`;
}

function megabytes(variable: string, fallback: number, min: 'positive' | 'zero or more', example: string) {
  return (raw: string | undefined): number | Bad => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (Number.isFinite(value) && (min === 'positive' ? value > 0 : value >= 0)) return value;
    return new Bad(`${variable} must be a number of megabytes, got ${JSON.stringify(raw)}`, example);
  };
}

function port<T extends number | undefined>(variable: string, fallback: T) {
  return (raw: string | undefined): number | T | Bad => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= 1 && value <= 65535) return value;
    return new Bad(
      `${variable} must be a port number from 1 to 65535, got ${JSON.stringify(raw)}`,
      `for example ${variable}=${DEFAULT_E2E_PORT}`,
    );
  };
}

export const SETTINGS = z.object({
  DRIFTSBOK_MODEL_DIR: setting(text('model'), {
    default: '`model`',
    description: 'The model folder (its `*.yaml` files), relative to the project root.',
  }),
  DRIFTSBOK_MODEL_MAX_MB: setting(
    megabytes(
      'DRIFTSBOK_MODEL_MAX_MB',
      DEFAULT_MODEL_MAX_MB,
      'positive',
      `for example DRIFTSBOK_MODEL_MAX_MB=8, or leave it unset for the default of ${DEFAULT_MODEL_MAX_MB}`,
    ),
    {
      default: `\`${DEFAULT_MODEL_MAX_MB}\``,
      description:
        "How many megabytes the model folder's files may add up to, checked before any is read (each file may hold at most 1 MB).",
    },
  ),
  DRIFTSBOK_CONTENT_DIR: setting(optionalText, {
    default: '`content`',
    description: 'The prose folder (docs, runbook procedures); `npm run check` of another model folder reads none unless this is set.',
  }),
  DRIFTSBOK_PROFILE: setting(
    (raw): Profile | Bad =>
      raw === undefined || raw === 'full' || raw === 'public'
        ? (raw ?? 'full')
        : new Bad(
            `DRIFTSBOK_PROFILE must be "full" or "public", not ${JSON.stringify(raw)}`,
            'DRIFTSBOK_PROFILE=public leaves out what the model and the prose mark sensitive; leave it unset for the full site',
          ),
    {
      default: '`full`',
      description:
        '`full` or `public`: the public profile leaves out what the model and the prose mark sensitive (internal IPs, user names, access notes, `sensitive: true`, `:::sensitive`; see "Sensitive facts").',
    },
  ),
  DRIFTSBOK_REVISION: setting(optionalText, {
    default: 'the git commit',
    description: 'The model revision printed on the runbook and the pages.',
  }),
  SOURCE_DATE_EPOCH: setting(
    (raw): Date | undefined | Bad =>
      raw === undefined
        ? undefined
        : /^\d+$/.test(raw)
          ? new Date(Number(raw) * 1000)
          : new Bad(
              `SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, got ${JSON.stringify(raw)}`,
              'SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)',
            ),
    { default: 'the time of the build', description: 'A fixed build date (seconds since 1970), for reproducible output.' },
  ),
  DRIFTSBOK_BASE: setting(parseBase, { default: '`/`', description: 'The path the site is served under, such as `/driftsbok/`.' }),
  DRIFTSBOK_PUBLIC_URL: setting(optionalText, {
    default: '',
    description:
      "Where the site is published, for the links in the runbook PDFs when the model's `site.publicUrl` does not say (with neither, the PDFs' links are left out, their text kept).",
  }),
  DRIFTSBOK_DIAGRAM_PAGES: setting(
    // A tuning knob: anything but a whole number from 1 keeps the default.
    (raw): number | undefined => {
      const wanted = Number(raw);
      return raw !== undefined && Number.isInteger(wanted) && wanted >= 1 ? Math.min(wanted, MAX_DIAGRAM_PAGES) : undefined;
    },
    {
      default: 'one per two cores, at most 4',
      description: `How many Chromium pages render diagrams at once (at most ${MAX_DIAGRAM_PAGES}; a render page keeps more than a core busy).`,
    },
  ),
  DRIFTSBOK_DIAGRAM_CACHE: setting(text('.cache/diagrams'), {
    default: '`.cache/diagrams`',
    description:
      'Where rendered diagrams are kept, keyed by content, so a rebuild of an unchanged model renders none (a cached one is used only while its recorded SHA-256 and the safety check of a fresh render hold; otherwise it is rendered again and the build says why).',
  }),
  DRIFTSBOK_PDF_CACHE: setting(text('.cache/runbook-pdf'), {
    default: '`.cache/runbook-pdf`',
    description:
      'Where printed runbook PDFs are kept, keyed by everything they are made from, so a rebuild of an unchanged model prints none.',
  }),
  DRIFTSBOK_MERMAID_SPEEDUP: setting(onUnlessZero('DRIFTSBOK_MERMAID_SPEEDUP', 'the Mermaid speed patch'), {
    default: '`1`',
    description:
      '`0` renders diagrams with Mermaid as it is, without the speed patch (src/diagrams/mermaid-speedup.ts; same pictures, slower).',
  }),
  DRIFTSBOK_OFFLINE_BUDGET_MB: setting(
    megabytes(
      'DRIFTSBOK_OFFLINE_BUDGET_MB',
      DEFAULT_OFFLINE_BUDGET_MB,
      'zero or more',
      `DRIFTSBOK_OFFLINE_BUDGET_MB=${DEFAULT_OFFLINE_BUDGET_MB}`,
    ),
    {
      default: `\`${DEFAULT_OFFLINE_BUDGET_MB}\``,
      description: 'How many megabytes the offline app downloads when installed (the rest once read).',
    },
  ),
  DRIFTSBOK_BROWSER_DOWNLOAD: setting(onUnlessZero('DRIFTSBOK_BROWSER_DOWNLOAD', "downloading Playwright's Chromium"), {
    default: '`1`',
    description: "`0`: never download Playwright's Chromium when none is found.",
  }),
  CHROMIUM_PATH: setting(optionalText, {
    default: '',
    description: "The Chromium or Chrome binary to use (else /usr/bin/chromium, else Playwright's own).",
  }),
  CI: setting((raw) => raw !== undefined && raw !== 'false' && raw !== '0', {
    default: '',
    description:
      'Set by CI services (`0` and `false` count as unset): a Mermaid the speed patch does not fit fails the build instead of being used unpatched, no compile cache is written, and the end-to-end tests start their own server.',
  }),
  DRIFTSBOK_DIST_DIR: setting(text('dist'), {
    default: '`dist`',
    description: 'Which build `astro preview` and the end-to-end tests read.',
  }),
  DRIFTSBOK_E2E_PORT: setting(port('DRIFTSBOK_E2E_PORT', DEFAULT_E2E_PORT), {
    default: `\`${DEFAULT_E2E_PORT}\``,
    description: 'The port the end-to-end tests serve the site on.',
  }),
  DRIFTSBOK_E2E_FIXTURE_PORT: setting(port('DRIFTSBOK_E2E_FIXTURE_PORT', undefined), {
    default: '`DRIFTSBOK_E2E_PORT` + 1',
    description: "The port the end-to-end tests serve the fixtures' builds on (mini, then farm).",
  }),
  DRIFTSBOK_PAGE_KEY: setting(optionalText, {
    default: '',
    description: 'Set by `npm run build` for the pages (the key of their inputs); not for people to set.',
  }),
});

export type Settings = z.output<typeof SETTINGS>;
export type SettingName = keyof Settings;
export const SETTING_NAMES = Object.keys(SETTINGS.shape) as SettingName[];

type Env = Record<string, string | undefined>;

/** One setting's value, or a SettingError. */
export function readSetting<N extends SettingName>(env: Env, name: N): Settings[N] {
  const result = SETTINGS.shape[name].safeParse(env[name]);
  if (result.success) return result.data as Settings[N];
  const issue = result.error.issues[0]!;
  const hint = (issue as { params?: { hint?: string } }).params?.hint ?? '';
  throw new SettingError(name, issue.message, hint);
}

/**
 * The settings in `env`: each variable read (and checked) when it is first asked for, then kept.
 * Take the object where settings are read (a build, a command); pass an env of their own in tests.
 */
export function readSettings(env: Env = process.env): Settings {
  const settings = {} as Settings;
  for (const name of SETTING_NAMES) {
    Object.defineProperty(settings, name, {
      enumerable: true,
      configurable: true,
      get() {
        const value = readSetting(env, name);
        Object.defineProperty(settings, name, { value, enumerable: true });
        return value;
      },
    });
  }
  return settings;
}

/** Every variable in `env` whose value cannot be used. */
export function settingProblems(env: Env = process.env): SettingError[] {
  const problems: SettingError[] = [];
  for (const name of SETTING_NAMES) {
    try {
      readSetting(env, name);
    } catch (error) {
      if (!(error instanceof SettingError)) throw error;
      problems.push(error);
    }
  }
  return problems;
}

/** How a setting is documented. */
export function settingDoc(name: SettingName): SettingDoc {
  return SETTINGS.shape[name].meta() as unknown as SettingDoc;
}

/** Where README's settings table is: between these two lines. */
export const SETTINGS_TABLE_MARKERS = [
  '<!-- settings-table: generated from src/settings.ts by `node scripts/settings-table.ts` -->',
  '<!-- /settings-table -->',
] as const;

/** `readme` with its settings table made anew from the schema. */
export function withSettingsTable(readme: string): string {
  const [open, close] = SETTINGS_TABLE_MARKERS;
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  if (start < 0 || end < start) throw new Error(`README.md has no settings table between ${open} and ${close}`);
  return `${readme.slice(0, start + open.length)}\n${settingsTable()}\n${readme.slice(end)}`;
}

/** README's settings table, made from the schema. */
export function settingsTable(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| variable | default | what it does |',
    '| --- | --- | --- |',
    ...SETTING_NAMES.map((name) => {
      const doc = settingDoc(name);
      return `| \`${name}\` | ${cell(doc.default) || 'none'} | ${cell(doc.description)} |`;
    }),
  ].join('\n');
}
