/**
 * `npm run check [model-dir] [--lang nb|en]` (scripts/check.ts is its entry): checks the model and
 * prints every problem at once, each as `file:line:column  path  message` with a hint line, and
 * exits 1; on success prints a summary computed from the model and the analysis audits, and exits
 * 0. The parts are exported so the build, `npm run drift` and `npm run import` run the same check
 * in-process. The summary's words are in the word store (src/i18n/words/check.ts). Settings:
 * DRIFTSBOK_MODEL_DIR (the model folder when none is given), DRIFTSBOK_MODEL_MAX_MB (how much the
 * whole model folder may hold), DRIFTSBOK_CONTENT_DIR, DRIFTSBOK_PROFILE.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadModel, type Locate, type Problem } from '../model/load-model.ts';
import { formatProblem, formatProblems, formatWarning } from '../model/format-problem.ts';
import { KIND_SECTION_NAMES, type KindSection } from '../model/kinds.ts';
import { readSettings } from '../settings.ts';
import type { Lang } from '../model/entities.ts';
import type { Model } from '../model/schema/model.ts';
import { analyze } from '../analysis/analyze.ts';
import type { AuditFinding } from '../analysis/types.ts';
import { t, type PlainWordKey } from '../i18n/store.ts';
import { checkProse, proseOptionsFor, type ProseCheck } from '../markdown/prose-check.ts';
import { profileFromEnv } from '../model/profile.ts';
import { readSecretAllowList, type SecretAllowList } from '../site/secret-allow.ts';

export type { Lang };

/**
 * The model check's verdict: the model (and its files) when sound, else every problem found; and
 * either way the warnings (reported, not refused: invisible characters in free text).
 */
export type CheckResult =
  | { ok: true; model: Model; files: string[]; problems: []; warnings: Problem[]; locate: Locate }
  | { ok: false; model?: undefined; problems: Problem[]; warnings: Problem[] };

/**
 * Loads and checks the model (YAML, schemas, integrity, translations, secrets), in-process.
 * Never throws for a bad model; the problems say what is wrong and where. The analysis audits are
 * separate (`auditModel`), since they need a sound model.
 */
export function checkModel(dir: string, env: Record<string, string | undefined> = process.env): CheckResult {
  const result = loadModel(dir, { env });
  return result.ok
    ? { ok: true, model: result.model, files: result.files, problems: [], warnings: result.warnings, locate: result.locate }
    : { ok: false, problems: result.problems, warnings: result.warnings };
}

/**
 * Checks the prose against the model (src/markdown/prose-check.ts): raw HTML, link schemes, `[[…]]`
 * links, secrets (refused in the public profile, reported in the full one), sensitive pages. A
 * broken allow-list is a problem of its own. Never throws.
 */
export function checkSiteProse(
  model: Model,
  contentDir: string,
  env: Record<string, string | undefined> = process.env,
): ProseCheck & { allow: SecretAllowList } {
  const profile = profileFromEnv(env);
  let allow: SecretAllowList;
  try {
    allow = readSecretAllowList(contentDir);
  } catch (error) {
    const problem = { file: contentDir, line: 1, column: 1, path: '', message: (error as Error).message };
    return { problems: [problem], warnings: [], sensitivePages: [], allow: { entries: [], matched: new Set() } };
  }
  if (!existsSync(contentDir)) return { problems: [], warnings: [], sensitivePages: [], allow };
  return { ...checkProse(contentDir, proseOptionsFor(model, profile, allow)), allow };
}

// How problems read (one format for check, the build, drift and import: src/model/format-problem.ts).
export { formatProblem, formatProblems, formatWarning };

/** The analysis audits of a sound model (src/analysis/audits.ts), as `npm run check` prints them. */
export function auditModel(model: Model): AuditFinding[] {
  return analyze(model).audits;
}

/**
 * One finding: severity, where in the model it is (`file:line:column` of the entity, group or field
 * it is about, when the check knows the files), rule, subject and scenario, message, hint.
 */
export function formatAudit(finding: AuditFinding, lang: Lang, locate?: Locate): string {
  const where = locate && finding.at ? locate(finding.at) : undefined;
  const at = where ? `${where.file}:${where.line}:${where.column}  ` : '';
  const subject = finding.subject ? `  ${finding.subject}` : '';
  const scenario = finding.scenario ? `  (scenario:${finding.scenario})` : '';
  const modelHint = finding.modelHint ? `\n    ${t(lang, 'check.inTheModel')}: ${finding.modelHint}` : '';
  return `${finding.severity.padEnd(7)} ${at}${finding.rule}${subject}${scenario}  ${finding.message[lang]}\n    ${t(lang, 'check.hint')}: ${finding.hint[lang]}${modelHint}`;
}

/** The plain words of the summary (src/i18n/words/check.ts), without their `check.` prefix. */
type CheckWord = { [K in PlainWordKey]: K extends `check.${infer W}` ? W : never }[PlainWordKey];

function gib(mb: number): string {
  return `${(mb / 1024).toFixed(1)} GiB`;
}

/** Sections the summary gives a line of their own; the others share the "also" line. */
const SECTIONS_ABOVE = ['hosts', 'guests', 'systems', 'capabilities', 'scenarios', 'plans'] as const satisfies readonly KindSection[];
type OtherSection = Exclude<KindSection, (typeof SECTIONS_ABOVE)[number]>;
// The kinds without a line of their own, in registry order (src/model/kinds.ts): a new kind is
// counted here, and without its word (check.count.<section>) the summary does not compile.
const OTHER_SECTIONS = KIND_SECTION_NAMES.filter(
  (section): section is OtherSection => !(SECTIONS_ABOVE as readonly string[]).includes(section),
);
const otherSectionCount: Record<OtherSection, (lang: Lang, n: number) => string> = {
  locations: (lang, n) => t(lang, 'check.count.locations', { n }),
  clusters: (lang, n) => t(lang, 'check.count.clusters', { n }),
  network: (lang, n) => t(lang, 'check.count.network', { n }),
  storage: (lang, n) => t(lang, 'check.count.storage', { n }),
  power: (lang, n) => t(lang, 'check.count.power', { n }),
  notes: (lang, n) => t(lang, 'check.count.notes', { n }),
};

/** A one-screen summary computed from the model. */
export function formatSummary(model: Model, dir: string, fileCount: number, lang: Lang = 'en'): string {
  const w = (word: CheckWord) => t(lang, `check.${word}`);
  const count = <T>(items: T[], pred: (item: T) => boolean) => items.filter(pred).length;
  const guestLine = (kind: 'lxc' | 'qemu') => {
    const guests = model.guests.filter((g) => g.kind === kind);
    const planned = count(guests, (g) => g.status === 'planned');
    return `${guests.length}: ${count(guests, (g) => g.status === 'running')} ${w('running')}, ${count(guests, (g) => g.status === 'stopped')} ${w('stopped')}${planned ? `, ${planned} ${w('planned')}` : ''}`;
  };
  const sum = (pred: (g: Model['guests'][number]) => boolean, field: 'cores' | 'memoryMb') =>
    model.guests.filter(pred).reduce((total, g) => total + (g[field] ?? 0), 0);
  const allCores = sum(() => true, 'cores');
  const allMemory = sum(() => true, 'memoryMb');
  const runningCores = sum((g) => g.status === 'running', 'cores');
  const runningMemory = sum((g) => g.status === 'running', 'memoryMb');
  const hostsPlanned = count(model.hosts, (h) => h.status === 'planned');
  const label = (text: string) => `  ${text.padEnd(13)}`;
  return [
    `${w('ok')}: ${dir} (${fileCount} ${w('files')})`,
    `${label(w('site'))}${model.site.name}, ${w('documented')} ${model.site.documented}`,
    `${label(w('hosts'))}${model.hosts.length}: ${t(lang, 'check.count.active', { n: model.hosts.length - hostsPlanned })}, ${hostsPlanned} ${w('planned')}`,
    `${label(w('lxc'))}${guestLine('lxc')}`,
    `${label(w('vms'))}${guestLine('qemu')}`,
    `${label(w('allotted'))}${allCores} ${w('cores')}, ${allMemory} MB ${w('memory')} (${gib(allMemory)}); ${w('whenRunning')}: ${runningCores} ${w('cores')}, ${runningMemory} MB (${gib(runningMemory)})`,
    `${label(w('systems'))}${model.systems.length}: ${t(lang, 'check.count.critical', { n: count(model.systems, (s) => s.tier === 'critical') })}, ${count(model.systems, (s) => s.tier === 'comfort')} ${w('comfort')}`,
    `${label(w('capabilities'))}${model.capabilities.length}: ${t(lang, 'check.count.critical', { n: count(model.capabilities, (c) => c.tier === 'critical') })}, ${count(model.capabilities, (c) => c.tier === 'comfort')} ${w('comfort')}`,
    `${label(w('scenarios'))}${model.scenarios.length}`,
    `${label(w('plans'))}${model.plans.length}`,
    `${label(w('other'))}${OTHER_SECTIONS.map((section) => otherSectionCount[section](lang, model[section].length)).join(', ')}`,
  ].join('\n');
}

export interface CheckOptions {
  dir: string;
  lang: Lang;
}

export function parseArgs(argv: string[], env: Record<string, string | undefined>): CheckOptions {
  let dir: string | undefined;
  let lang: Lang = 'en';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') {
      const value = argv[++i];
      if (value !== 'nb' && value !== 'en') throw new Error(`--lang must be nb or en, not ${JSON.stringify(value)}`);
      lang = value;
    } else if (arg.startsWith('--lang=')) {
      const value = arg.slice('--lang='.length);
      if (value !== 'nb' && value !== 'en') throw new Error(`--lang must be nb or en, not ${JSON.stringify(value)}`);
      lang = value;
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg} (usage: check [model-dir] [--lang nb|en])`);
    else dir = arg;
  }
  return { dir: dir ?? readSettings(env).DRIFTSBOK_MODEL_DIR, lang };
}

/** The whole command; returns the exit code. `write` receives the output, line by line. */
export async function runCheck(argv: string[], env: Record<string, string | undefined>, write: (text: string) => void): Promise<number> {
  let options: CheckOptions;
  try {
    options = parseArgs(argv, env);
  } catch (error) {
    write((error as Error).message);
    return 2;
  }
  const { dir, lang } = options;
  const result = checkModel(dir, env);
  if (!result.ok) {
    write(formatProblems(result.problems, dir, result.warnings));
    return 1;
  }
  for (const warning of result.warnings) write(formatWarning(warning));
  // The prose that goes with this model: DRIFTSBOK_CONTENT_DIR, or content/ beside the default model.
  const contentDir = readSettings(env).DRIFTSBOK_CONTENT_DIR || (resolve(dir) === resolve('model') ? 'content' : undefined);
  let prose: ReturnType<typeof checkSiteProse> = {
    problems: [],
    warnings: [],
    sensitivePages: [],
    allow: { entries: [], matched: new Set() },
  };
  try {
    if (contentDir) prose = checkSiteProse(result.model, contentDir, env);
  } catch (error) {
    write((error as Error).message);
    return 2;
  }
  if (prose.problems.length) {
    write(formatProblems(prose.problems, contentDir!));
    return 1;
  }
  for (const warning of prose.warnings) write(formatWarning(warning));
  write(formatSummary(result.model, dir, result.files.length, lang));
  const audits = auditModel(result.model);
  const by = (s: string) => audits.filter((a) => a.severity === s).length;
  const errors = by('error');
  write(`${`  ${t(lang, 'check.audits')}`.padEnd(15)}${t(lang, 'check.findings', { errors, warnings: by('warning'), infos: by('info') })}`);
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...audits].sort((a, b) => order[a.severity] - order[b.severity]);
  if (sorted.length) write('\n' + sorted.map((f) => formatAudit(f, lang, result.locate)).join('\n'));
  return errors > 0 ? 1 : 0;
}
