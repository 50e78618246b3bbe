/**
 * Golden tests for bad input: each tests/fixtures/bad-input/<case>/model is a small model with one
 * thing wrong; expected.txt is the exact output of `npm run check` on it (location, message, hint).
 * A case may hold env.json: the settings (DRIFTSBOK_*) the check runs with; otherwise none. A case
 * whose mistake is only a warning (the model is used) holds exit.txt with the exit code it expects.
 * `UPDATE=1 npx vitest run tests/model` rewrites the expectations (review them in the diff).
 */
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check-command.ts';

const ROOT = 'tests/fixtures/bad-input';
const UPDATE = process.env.UPDATE === '1';
const cases = readdirSync(ROOT).filter((name) => statSync(join(ROOT, name)).isDirectory()).sort();

/**
 * Every file under a directory with its size and mtime, to prove the check wrote nothing. Links are
 * taken as links: some cases hold one that loops or leads nowhere.
 */
function snapshotTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => {
      const stat = lstatSync(path);
      return `${path} ${stat.size} ${stat.mtimeMs}`;
    });
}

describe('bad input', () => {
  it('has the cases the issue lists', () => {
    for (const name of [
      'empty-file',
      'tab-indented',
      'duplicate-key',
      'unknown-key',
      'proto-key',
      'alias-bomb',
      'yaml-1-1-lang-no',
      'unquoted-version',
      'invalid-ip',
      'dangling-reference',
      'duplicate-id',
      'cycle',
      'missing-en-text',
      'empty-label',
      'label-control-characters',
      // Issue 15, finding 8: input that slipped through.
      'invalid-utf8',
      'model-too-large',
      'symlink-loop',
      'symlink-dangling',
      'symlink-outside',
      'yaml-tags',
      'invisible-characters',
      // Issue 17: clusters, HA and shared storage.
      'ha-group-not-a-node',
      'ha-host-not-allowed',
      'cluster-node-twice',
      'cluster-node-in-two-clusters',
      'ceph-min-size-over-replicas',
      'ceph-too-few-osd-nodes',
      // Issue 17: mistakes that passed silently.
      'atleast-more-than-members',
      'atleast-planned-members',
      'phase-without-runtime',
      'scenario-changes-nothing',
    ]) {
      expect(cases).toContain(name);
    }
  });

  it.each(cases)('%s: exact check output, exit code, nothing written', async (name) => {
    const dir = join(ROOT, name);
    const modelDir = join(dir, 'model');
    const expectedFile = join(dir, 'expected.txt');
    const before = snapshotTree(modelDir);
    const lines: string[] = [];
    const envFile = join(dir, 'env.json');
    const env = existsSync(envFile) ? (JSON.parse(readFileSync(envFile, 'utf8')) as Record<string, string>) : {};
    const code = await runCheck([modelDir], env, (text) => lines.push(text));
    const output = lines.join('\n') + '\n';
    if (UPDATE) writeFileSync(expectedFile, output);
    const exitFile = join(dir, 'exit.txt');
    expect(code).toBe(existsSync(exitFile) ? Number(readFileSync(exitFile, 'utf8').trim()) : 1);
    expect(output).toBe(readFileSync(expectedFile, 'utf8'));
    expect(output).toMatch(/^(warning )?tests\/fixtures\/bad-input\/[^:]+:\d+:\d+ {2}/);
    expect(snapshotTree(modelDir)).toEqual(before);
  });

  it('the command line prints the same and exits 1', () => {
    const dir = join(ROOT, 'dangling-reference');
    const run = spawnSync('npx', ['tsx', 'scripts/check.ts', join(dir, 'model')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(readFileSync(join(dir, 'expected.txt'), 'utf8'));
  });

  it('DRIFTSBOK_MODEL_DIR chooses the model when no directory is given', async () => {
    const dir = join(ROOT, 'unknown-key');
    const lines: string[] = [];
    const code = await runCheck([], { DRIFTSBOK_MODEL_DIR: join(dir, 'model') }, (text) => lines.push(text));
    expect(code).toBe(1);
    expect(lines.join('\n') + '\n').toBe(readFileSync(join(dir, 'expected.txt'), 'utf8'));
  });
});
