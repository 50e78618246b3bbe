/**
 * The import command (`npm run import -- --snapshot <dir> --out <model-dir>`, or `--api
 * https://host:8006` with the same TLS options as drift; scripts/import.ts): writes a starting model from what Proxmox reports, or merges what is
 * new into the model already in <model-dir> without overwriting anything a person wrote.
 * The result is checked like `npm run check` before a single file is written; on any problem
 * nothing is written and the exit code is 2. Exit 0 when written (or when nothing was new).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { listModelFiles, loadModel } from '../model/load-model.ts';
import { decodeUtf8 } from '../model/yaml-source.ts';
import { formatProblems, formatWarning } from '../model/format-problem.ts';
import { parseAnswers, ProxmoxReadError } from './answers.ts';
import { observe } from './observed.ts';
import { importModel } from './import.ts';
import { parseOptions, parseSourceOptions, readSource, type SourceOptions } from './drift-command.ts';

export const IMPORT_USAGE =
  'usage: import (--snapshot <dir> | --api https://host:8006 [--ca <pem-file> | --fingerprint <sha256>] [--timeout <s>]) --out <model-dir>';

export async function runImport(
  argv: string[],
  env: Record<string, string | undefined>,
  out: (text: string) => void,
  err: (text: string) => void,
  today = new Date().toISOString().slice(0, 10),
): Promise<number> {
  let source: SourceOptions;
  let dir: string;
  try {
    const options = parseOptions(argv, ['snapshot', 'api', 'ca', 'fingerprint', 'timeout', 'out'], []);
    source = parseSourceOptions(options);
    const target = options.get('out');
    if (typeof target !== 'string') throw new Error('--out <model-dir> is required (an existing model is merged into, never overwritten)');
    dir = target;
  } catch (error) {
    err(`${(error as Error).message}\n${IMPORT_USAGE}`);
    return 2;
  }
  let result;
  let existing: Map<string, string>;
  try {
    const observed = observe(parseAnswers(await readSource(source, env)));
    // An existing model is merged into only when it passes the check as it is: the loader's input
    // rules (UTF-8, no YAML tags, links inside the folder, size limits) decide what may be read and
    // written back, and a model that already has problems would only be reported as the import's.
    const files = existsSync(dir) ? listModelFiles(dir).files : [];
    if (files.length > 0) {
      const before = loadModel(dir, { env });
      if (!before.ok) {
        err(
          `${formatProblems(before.problems, dir, before.warnings)}\nThe model in ${dir} must pass npm run check before import merges into it.`,
        );
        return 2;
      }
    }
    existing = new Map<string, string>(
      files.map((f) => {
        const decoded = decodeUtf8(readFileSync(f));
        if (!decoded.ok) throw new Error(`${f}:${decoded.problem.line}:${decoded.problem.column} ${decoded.problem.message}`);
        return [basename(f), decoded.text];
      }),
    );
    result = importModel(existing, observed, { today });
  } catch (error) {
    err(`${error instanceof ProxmoxReadError ? error.message : (error as Error).message}\nnothing was written.`);
    return 2;
  }
  if (result.files.size === 0) {
    out(`Nothing new: ${dir} already has everything Proxmox reports.`);
    for (const line of result.leftOut) out(`  left out: ${line}`);
    return 0;
  }
  // Check the merged model in a copy first: a model that would not pass `check` is not written.
  const trial = mkdtempSync(join(tmpdir(), 'driftsbok-import-'));
  try {
    // The trial holds the model files' text only (never a copied link: writing through one would
    // change the real file before the check).
    for (const [name, text] of existing) writeFileSync(join(trial, name), text);
    for (const [name, text] of result.files) writeFileSync(join(trial, name), text);
    const loaded = loadModel(trial, { env });
    if (!loaded.ok) {
      err(formatProblems(loaded.problems, dir, loaded.warnings).replaceAll(trial, dir));
      return 2;
    }
    for (const warning of loaded.warnings) err(formatWarning(warning).replaceAll(trial, dir));
    mkdirSync(dir, { recursive: true });
    // Each file is written beside its final name and renamed, so none is ever half-written; a model
    // file that is a link (to a file inside the folder, as the check allows) is written where it leads.
    for (const [name, text] of result.files) {
      const path = join(dir, name);
      const target = existsSync(path) ? realpathSync(path) : path;
      const part = join(dirname(target), `.${basename(target)}.import-part`);
      writeFileSync(part, text);
      renameSync(part, target);
    }
  } finally {
    rmSync(trial, { recursive: true, force: true });
  }
  out(`Wrote ${[...result.files.keys()].join(', ')} in ${dir}:`);
  for (const line of result.added) out(`  + ${line}`);
  for (const line of result.leftOut) out(`  left out: ${line}`);
  out(`Next: replace the TODO texts (npm run check -- ${dir} lists them) and add what Proxmox cannot know: dependencies, systems, power.`);
  return 0;
}
