/**
 * The drift command (`npm run drift -- --snapshot <dir>` or `npm run drift -- --api https://host:8006`,
 * scripts/drift.ts): compares the model with what Proxmox reports and prints what differs, each
 * with the model file and line to change and how. Options: `--model <dir>` (default $DRIFTSBOK_MODEL_DIR or model), `--lang nb|en`,
 * `--json`, and for the API `--ca <pem-file>`, `--fingerprint <sha256>`, `--timeout <seconds>`;
 * the token comes from the environment variable PROXMOX_API_TOKEN, never from a file.
 * Exit codes: 0 no drift, 1 drift, 2 could not read (the model, the snapshot or the API). On exit 2
 * nothing is written to standard output.
 */
import { readFileSync } from 'node:fs';
import { loadModel } from '../model/load-model.ts';
import { formatProblems, formatWarning } from '../model/format-problem.ts';
import { readSettings } from '../settings.ts';
import { parseAnswers, ProxmoxReadError, type RawAnswers } from './answers.ts';
import { readSnapshotDir } from './snapshot-dir.ts';
import { readApi } from './api-client.ts';
import { observe } from './observed.ts';
import { compareModel } from './drift.ts';
import { modelPositions } from './model-positions.ts';
import { formatReport, reportJson } from './report.ts';
import type { Lang } from '../model/entities.ts';

export const USAGE =
  'usage: drift (--snapshot <dir> | --api https://host:8006 [--ca <pem-file> | --fingerprint <sha256>] [--timeout <s>]) [--model <dir>] [--lang nb|en] [--json]';

export interface SourceOptions {
  snapshot?: string;
  api?: string;
  ca?: string;
  fingerprint?: string;
  timeoutMs?: number;
}

export interface DriftOptions extends SourceOptions {
  model: string;
  lang: Lang;
  json: boolean;
}

/** Parses `--name value` and `--name=value`; `flags` take no value. */
export function parseOptions(argv: string[], valued: string[], flags: string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(2, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg.slice(2), undefined];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    if (flags.includes(name)) out.set(name, true);
    else if (valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
      out.set(name, value);
    } else throw new Error(`unknown option ${arg}`);
  }
  return out;
}

export function parseSourceOptions(options: Map<string, string | true>): SourceOptions {
  const get = (name: string) => options.get(name) as string | undefined;
  const snapshot = get('snapshot');
  const api = get('api');
  if (!snapshot === !api) throw new Error('give exactly one of --snapshot <dir> and --api <url>');
  if (get('ca') && get('fingerprint')) throw new Error('give --ca or --fingerprint, not both');
  if (snapshot && (get('ca') || get('fingerprint') || get('timeout'))) throw new Error('--ca, --fingerprint and --timeout go with --api');
  const timeout = get('timeout');
  if (timeout !== undefined && !(Number(timeout) > 0)) throw new Error(`--timeout must be a number of seconds, not "${timeout}"`);
  return {
    ...(snapshot ? { snapshot } : {}),
    ...(api ? { api } : {}),
    ...(get('ca') ? { ca: get('ca') } : {}),
    ...(get('fingerprint') ? { fingerprint: get('fingerprint') } : {}),
    ...(timeout ? { timeoutMs: Number(timeout) * 1000 } : {}),
  };
}

/** The raw answers from a snapshot folder or the API; both go through one parser afterwards. */
export async function readSource(source: SourceOptions, env: Record<string, string | undefined>): Promise<RawAnswers> {
  if (source.snapshot) return readSnapshotDir(source.snapshot);
  const token = env.PROXMOX_API_TOKEN;
  if (!token) {
    throw new ProxmoxReadError(
      'PROXMOX_API_TOKEN',
      'is not set',
      'export PROXMOX_API_TOKEN="user@pve!driftsbok=<secret>" (a token with the PVEAuditor role); never write it in a file in the repository',
    );
  }
  let ca: string | undefined;
  if (source.ca) {
    try {
      ca = readFileSync(source.ca, 'utf8');
    } catch (error) {
      throw new ProxmoxReadError(
        source.ca,
        `cannot read the CA file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        'copy /etc/pve/pve-root-ca.pem from the host',
      );
    }
  }
  return readApi({
    url: source.api!,
    token,
    ...(ca ? { ca } : {}),
    ...(source.fingerprint ? { fingerprint: source.fingerprint } : {}),
    ...(source.timeoutMs ? { timeoutMs: source.timeoutMs } : {}),
  });
}

export function parseDriftArgs(argv: string[], env: Record<string, string | undefined>): DriftOptions {
  const options = parseOptions(argv, ['snapshot', 'api', 'ca', 'fingerprint', 'timeout', 'model', 'lang'], ['json']);
  const lang = (options.get('lang') as string | undefined) ?? 'en';
  if (lang !== 'nb' && lang !== 'en') throw new Error(`--lang must be nb or en, not "${lang}"`);
  return {
    ...parseSourceOptions(options),
    model: (options.get('model') as string | undefined) ?? readSettings(env).DRIFTSBOK_MODEL_DIR,
    lang,
    json: options.has('json'),
  };
}

/** The whole command; returns the exit code. Output goes to `out` only when the comparison ran. */
export async function runDrift(
  argv: string[],
  env: Record<string, string | undefined>,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  let options: DriftOptions;
  try {
    options = parseDriftArgs(argv, env);
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const loaded = loadModel(options.model, { env });
  if (!loaded.ok) {
    err(formatProblems(loaded.problems, options.model, loaded.warnings).replace(/nothing was written\.$/, 'nothing was compared.'));
    return 2;
  }
  // The check's warnings (invisible characters in free text) go to stderr, as `npm run check` prints them.
  for (const warning of loaded.warnings) err(formatWarning(warning));
  let report;
  try {
    const answers = parseAnswers(await readSource(options, env));
    report = compareModel(loaded.model, observe(answers), modelPositions(options.model));
  } catch (error) {
    if (error instanceof ProxmoxReadError) {
      err(`${error.message}\nnothing was compared.`);
      return 2;
    }
    throw error;
  }
  out(options.json ? reportJson(report, options.lang) : formatReport(report, options.lang));
  return report.counts.drift > 0 ? 1 : 0;
}
