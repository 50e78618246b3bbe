/**
 * `npm run check [model-dir] [--lang nb|en]`: checks the model and prints every problem at once,
 * each as `file:line:column  path  message` with a hint line, and exits 1; on success prints a
 * summary computed from the model (and the analysis audits, when the analysis exists) and exits 0.
 * The parts are exported so the build can run the same check in-process. Settings:
 * DRIFTSBOK_MODEL_DIR (the model folder when none is given), DRIFTSBOK_MODEL_MAX_MB (how much the
 * whole model folder may hold), DRIFTSBOK_CONTENT_DIR, DRIFTSBOK_PROFILE.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadModel, type Problem } from '../src/model/load-model.ts';
import type { Model } from '../src/model/schema/model.ts';
import { KIND_SECTION_NAMES, type KindSection } from '../src/model/kinds.ts';
import type { AuditFinding } from '../src/analysis/types.ts';
import { analyze } from '../src/analysis/analyze.ts';
import { checkProse, proseOptionsFor, type ProseCheck } from '../src/markdown/prose-check.ts';
import { profileFromEnv } from '../src/model/profile.ts';
import { readSecretAllowList, type SecretAllowList } from '../src/site/secret-allow.ts';
import { readSettings } from '../src/settings.ts';

export type Lang = 'nb' | 'en';

/**
 * The model check's verdict: the model (and its files) when sound, else every problem found; and
 * either way the warnings (reported, not refused: invisible characters in free text).
 */
export type CheckResult =
  | { ok: true; model: Model; files: string[]; problems: []; warnings: Problem[] }
  | { ok: false; model?: undefined; problems: Problem[]; warnings: Problem[] };

/**
 * Loads and checks the model (YAML, schemas, integrity, translations, secrets), in-process.
 * Never throws for a bad model; the problems say what is wrong and where. The analysis audits are
 * separate (src/analysis/analyze.ts, run by runCheck), since they need a sound model.
 */
export function checkModel(dir: string, env: Record<string, string | undefined> = process.env): CheckResult {
  const result = loadModel(dir, { env });
  return result.ok
    ? { ok: true, model: result.model, files: result.files, problems: [], warnings: result.warnings }
    : { ok: false, problems: result.problems, warnings: result.warnings };
}

/**
 * Checks the prose against the model (src/markdown/prose-check.ts): raw HTML, link schemes, `[[…]]`
 * links, secrets (refused in the public profile, reported in the full one), sensitive pages. A
 * broken allow-list is a problem of its own. Never throws.
 */
export function checkSiteProse(model: Model, contentDir: string, env: Record<string, string | undefined> = process.env): ProseCheck & { allow: SecretAllowList } {
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

/** `model/guests.yaml:42:5  guests[3].host  unknown host …` and, when there is one, an indented hint line. */
export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const head = problem.path ? `${where}  ${problem.path}  ${problem.message}` : `${where}  ${problem.message}`;
  return problem.hint ? `${head}\n    hint: ${problem.hint}` : head;
}

/** Every problem, then every warning (`warning file:line:col …`), then the count. */
export function formatProblems(problems: Problem[], dir: string, warnings: Problem[] = []): string {
  const lines = [...problems.map(formatProblem), ...warnings.map(formatWarning)];
  lines.push('', `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}; nothing was written.`);
  return lines.join('\n');
}

/** `warning model/notes.yaml:3:20  notes[0].text.nb  contains …`: the prose check's warnings look the same. */
export function formatWarning(warning: Problem): string {
  return `warning ${formatProblem(warning)}`;
}

export function formatAudit(finding: AuditFinding, lang: Lang): string {
  const subject = finding.subject ? `  ${finding.subject}` : '';
  const scenario = finding.scenario ? `  (scenario:${finding.scenario})` : '';
  const modelHint = finding.modelHint ? `\n    in the model: ${finding.modelHint}` : '';
  return `${finding.severity.padEnd(7)} ${finding.rule}${subject}${scenario}  ${finding.message[lang]}\n    hint: ${finding.hint[lang]}${modelHint}`;
}

/** Sections the summary gives a line of their own; the others share the "also" line. */
const SECTIONS_ABOVE: ReadonlySet<KindSection> = new Set(['hosts', 'guests', 'systems', 'capabilities', 'scenarios', 'plans']);

const SUMMARY_TEXT = {
  en: {
    ok: 'Model OK',
    files: 'files',
    site: 'Site',
    documented: 'documented',
    hosts: 'Hosts',
    lxc: 'LXC',
    vms: 'VMs',
    running: 'running',
    stopped: 'stopped',
    planned: 'planned',
    active: 'active',
    allotted: 'Allotted',
    cores: 'cores',
    memory: 'memory',
    whenRunning: 'running guests',
    systems: 'Systems',
    critical: 'critical',
    comfort: 'comfort',
    capabilities: 'Capabilities',
    scenarios: 'Scenarios',
    plans: 'Plans',
    other: 'Also',
    locations: 'locations',
    network: 'network elements',
    storage: 'storage pools',
    power: 'power sources',
    notes: 'notes',
    audits: 'Audits',
    findings: (e: number, w: number, i: number) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info`,
  },
  nb: {
    ok: 'Modellen er i orden',
    files: 'filer',
    site: 'Sted',
    documented: 'dokumentert',
    hosts: 'Verter',
    lxc: 'LXC',
    vms: 'VM-er',
    running: 'kjører',
    stopped: 'stoppet',
    planned: 'planlagt',
    active: 'aktiv',
    allotted: 'Tildelt',
    cores: 'kjerner',
    memory: 'minne',
    whenRunning: 'gjester som kjører',
    systems: 'Systemer',
    critical: 'kritiske',
    comfort: 'komfort',
    capabilities: 'Funksjoner',
    scenarios: 'Scenarioer',
    plans: 'Planer',
    other: 'Ellers',
    locations: 'steder',
    network: 'nettverkselementer',
    storage: 'lagringsområder',
    power: 'strømkilder',
    notes: 'notater',
    audits: 'Revisjon',
    findings: (e: number, w: number, i: number) => `${e} feil, ${w} advarsler, ${i} info`,
  },
} as const;

function gib(mb: number): string {
  return `${(mb / 1024).toFixed(1)} GiB`;
}

/** A one-screen summary computed from the model. */
export function formatSummary(model: Model, dir: string, fileCount: number, lang: Lang = 'en'): string {
  const t = SUMMARY_TEXT[lang];
  const count = <T>(items: T[], pred: (item: T) => boolean) => items.filter(pred).length;
  const guestLine = (kind: 'lxc' | 'qemu') => {
    const guests = model.guests.filter((g) => g.kind === kind);
    const planned = count(guests, (g) => g.status === 'planned');
    return `${guests.length}: ${count(guests, (g) => g.status === 'running')} ${t.running}, ${count(guests, (g) => g.status === 'stopped')} ${t.stopped}${planned ? `, ${planned} ${t.planned}` : ''}`;
  };
  const sum = (pred: (g: Model['guests'][number]) => boolean, field: 'cores' | 'memoryMb') =>
    model.guests.filter(pred).reduce((total, g) => total + (g[field] ?? 0), 0);
  const allCores = sum(() => true, 'cores');
  const allMemory = sum(() => true, 'memoryMb');
  const runningCores = sum((g) => g.status === 'running', 'cores');
  const runningMemory = sum((g) => g.status === 'running', 'memoryMb');
  const hostsPlanned = count(model.hosts, (h) => h.status === 'planned');
  const label = (text: string) => `  ${text.padEnd(13)}`;
  // The kinds without a line of their own above, in registry order (src/model/kinds.ts): a new kind is counted here.
  const OTHER_SECTIONS = KIND_SECTION_NAMES.filter((section) => !SECTIONS_ABOVE.has(section)) as Array<keyof typeof t & KindSection>;
  return [
    `${t.ok}: ${dir} (${fileCount} ${t.files})`,
    `${label(t.site)}${model.site.name}, ${t.documented} ${model.site.documented}`,
    `${label(t.hosts)}${model.hosts.length}: ${model.hosts.length - hostsPlanned} ${t.active}, ${hostsPlanned} ${t.planned}`,
    `${label(t.lxc)}${guestLine('lxc')}`,
    `${label(t.vms)}${guestLine('qemu')}`,
    `${label(t.allotted)}${allCores} ${t.cores}, ${allMemory} MB ${t.memory} (${gib(allMemory)}); ${t.whenRunning}: ${runningCores} ${t.cores}, ${runningMemory} MB (${gib(runningMemory)})`,
    `${label(t.systems)}${model.systems.length}: ${count(model.systems, (s) => s.tier === 'critical')} ${t.critical}, ${count(model.systems, (s) => s.tier === 'comfort')} ${t.comfort}`,
    `${label(t.capabilities)}${model.capabilities.length}: ${count(model.capabilities, (c) => c.tier === 'critical')} ${t.critical}, ${count(model.capabilities, (c) => c.tier === 'comfort')} ${t.comfort}`,
    `${label(t.scenarios)}${model.scenarios.length}`,
    `${label(t.plans)}${model.plans.length}`,
    `${label(t.other)}${OTHER_SECTIONS.map((section) => `${model[section].length} ${t[section]}`).join(', ')}`,
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
export async function runCheck(
  argv: string[],
  env: Record<string, string | undefined>,
  write: (text: string) => void,
): Promise<number> {
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
  let prose: ReturnType<typeof checkSiteProse> = { problems: [], warnings: [], sensitivePages: [], allow: { entries: [], matched: new Set() } };
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
  const t = SUMMARY_TEXT[lang];
  const audits = analyze(result.model).audits;
  const by = (s: string) => audits.filter((a) => a.severity === s).length;
  const errors = by('error');
  write(`${`  ${t.audits}`.padEnd(15)}${t.findings(errors, by('warning'), by('info'))}`);
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...audits].sort((a, b) => order[a.severity] - order[b.severity]);
  if (sorted.length) write('\n' + sorted.map((f) => formatAudit(f, lang)).join('\n'));
  return errors > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const lines: string[] = [];
  const code = await runCheck(process.argv.slice(2), process.env, (text) => lines.push(text));
  process.stdout.write(lines.join('\n') + '\n');
  process.exitCode = code;
}
