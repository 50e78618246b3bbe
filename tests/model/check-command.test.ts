import { describe, expect, it } from 'vitest';
import { checkModel, formatProblem, formatSummary, parseArgs, runCheck } from '../../src/cli/check-command.ts';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

describe('checkModel', () => {
  it('returns the model of a sound directory', () => {
    const result = checkModel('tests/fixtures/model-base');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.model.guests).toHaveLength(3);
  });

  it('returns every problem of a bad one', () => {
    const result = checkModel('tests/fixtures/bad-input/dangling-reference/model');
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: 'tests/fixtures/bad-input/dangling-reference/model/infra.yaml',
          line: 33,
          column: 11,
          path: 'guests[1].host',
          message: 'unknown host "pve-kore" (did you mean "pve-core"?)',
          hint: 'write "pve-core", or add a host with id "pve-kore" to hosts',
        },
      ],
      warnings: [],
    });
  });
});

describe('formatProblem', () => {
  it('prints location, path, message and an indented hint', () => {
    expect(
      formatProblem({ file: 'model/guests.yaml', line: 42, column: 5, path: 'guests[3].host', message: 'unknown host "pve-kore" (did you mean "pve-core"?)', hint: 'write "pve-core"' }),
    ).toBe('model/guests.yaml:42:5  guests[3].host  unknown host "pve-kore" (did you mean "pve-core"?)\n    hint: write "pve-core"');
    expect(formatProblem({ file: 'model/a.yaml', line: 1, column: 1, path: '', message: 'the file is empty' })).toBe('model/a.yaml:1:1  the file is empty');
  });
});

describe('the summary', () => {
  it('is computed from the model', () => {
    const result = checkModel('tests/fixtures/model-base');
    if (!result.ok) throw new Error('base model must load');
    expect(formatSummary(result.model, 'tests/fixtures/model-base', result.files.length)).toBe(
      [
        'Model OK: tests/fixtures/model-base (3 files)',
        '  Site         Testgården, documented 2025-12-03',
        '  Hosts        2: 1 active, 1 planned',
        '  LXC          2: 2 running, 0 stopped',
        '  VMs          1: 0 running, 1 stopped',
        '  Allotted     7 cores, 11264 MB memory (11.0 GiB); running guests: 3 cores, 3072 MB (3.0 GiB)',
        '  Systems      1: 0 critical, 1 comfort',
        '  Capabilities 2: 0 critical, 2 comfort',
        '  Scenarios    1',
        '  Plans        0',
        '  Also         1 location, 0 clusters, 0 network elements, 0 storage pools, 1 power source, 0 notes',
      ].join('\n'),
    );
    expect(formatSummary(result.model, 'm', 3, 'nb').split('\n')[3]).toBe('  LXC          2: 2 kjører, 0 stoppet');
  });

  it('is printed with the audits on success, and the exit code follows error findings', async () => {
    const lines: string[] = [];
    const code = await runCheck(['tests/fixtures/model-base'], {}, (t) => lines.push(t));
    const output = lines.join('\n');
    expect(output).toMatch(/^Model OK: tests\/fixtures\/model-base \(3 files\)/);
    expect(output).toMatch(/\n {2}(Audits|Audits: not run)/);
    expect(code).toBe(/\n {2}Audits {7}[1-9]\d* error/.test(output) ? 1 : 0);
  });

  it('gives each audit finding the file:line:column of what it is about', async () => {
    const lines: string[] = [];
    await runCheck(['tests/fixtures/model-base'], {}, (t) => lines.push(t));
    expect(lines.join('\n')).toContain(
      'warning tests/fixtures/model-base/services.yaml:23:5  runbook-reachable  capability:docs-online  (scenario:proxmox-down)  ',
    );
  });
});

describe('the prose', () => {
  it('checks the prose links with file:line:col after front matter, a suggestion, and no stack trace', async () => {
    const content = mkdtempSync(join(tmpdir(), 'driftsbok-check-prose-'));
    try {
      mkdirSync(join(content, 'entities/nb/guest'), { recursive: true });
      writeFileSync(join(content, 'entities/nb/guest/dns.md'), '---\ntitle: DNS\nsidebar:\n  order: 1\n---\n\nSe [[guest:dnss]] og <script>x</script>.\n');
      const lines: string[] = [];
      const code = await runCheck(['tests/fixtures/models/mini/model'], { DRIFTSBOK_CONTENT_DIR: content }, (t) => lines.push(t));
      const output = lines.join('\n');
      expect(code).toBe(1);
      const file = relative(process.cwd(), join(content, 'entities/nb/guest/dns.md'));
      expect(output.split('\n').slice(0, 4).join('\n')).toBe(
        [
          `${file}:7:4  unknown entity "guest:dnss" in [[guest:dnss]]: no such entity in the model (did you mean "guest:dns"?)`,
          '    hint: use an existing kind:id from the model (see `npm run check`), or remove the [[…]] link',
          `${file}:7:22  raw HTML is not allowed in the prose: "<script>"`,
          '    hint: write it in Markdown (emphasis, lists, tables, links, :::note asides); HTML in published prose could run script or load from other sites',
        ].join('\n'),
      );
      expect(output).not.toMatch(/^\s+at /m);
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });
});

describe('warnings', () => {
  it('are printed with the summary of a sound model, and with the problems of a bad one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftsbok-check-warn-'));
    try {
      cpSync('tests/fixtures/model-base', dir, { recursive: true });
      writeFileSync(join(dir, 'notes.yaml'), 'notes:\n  - id: n\n    title: { nb: Notat, en: Note }\n    body: { nb: "mel\u00ADding", en: "message" }\n');
      const warning = `warning ${join(dir, 'notes.yaml')}:4:21  notes[0].body.nb  contains U+00AD SOFT HYPHEN at character 4, which is invisible (it shows only as a hyphen where a line breaks)\n    hint: remove it unless the text needs it: it does not show on the page, yet changes what is displayed, searched and copied`;
      const lines: string[] = [];
      await runCheck([dir], {}, (t) => lines.push(t));
      expect(lines[0]).toBe(warning);
      expect(lines[1]).toMatch(/^Model OK: /);

      writeFileSync(join(dir, 'more.yaml'), 'hosts:\n  - id: x\n');
      const bad: string[] = [];
      expect(await runCheck([dir], {}, (t) => bad.push(t))).toBe(1);
      const output = bad.join('\n').split('\n');
      expect(output.filter((l) => l.startsWith('warning '))).toEqual([warning.split('\n')[0]]);
      expect(output.at(-1)).toMatch(/^\d+ problems? in .*; nothing was written\.$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the command line', () => {
  it('`npm run check -- <dir>` reports a symbolic link loop in the model folder: exit 1, the problem, no stack trace', () => {
    const dir = 'tests/fixtures/bad-input/symlink-loop';
    const run = spawnSync('npm', ['run', '--silent', 'check', '--', join(dir, 'model')], { encoding: 'utf8' });
    expect(run.stdout).toBe(readFileSync(join(dir, 'expected.txt'), 'utf8'));
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/Error|^\s+at /m);
  });
});

describe('arguments', () => {
  it('takes the directory from argv, else DRIFTSBOK_MODEL_DIR, else model', () => {
    expect(parseArgs([], {})).toEqual({ dir: 'model', lang: 'en' });
    expect(parseArgs([], { DRIFTSBOK_MODEL_DIR: 'x' })).toEqual({ dir: 'x', lang: 'en' });
    expect(parseArgs(['y', '--lang', 'nb'], { DRIFTSBOK_MODEL_DIR: 'x' })).toEqual({ dir: 'y', lang: 'nb' });
    expect(parseArgs(['--lang=nb'], {})).toEqual({ dir: 'model', lang: 'nb' });
    expect(() => parseArgs(['--lang', 'de'], {})).toThrow('--lang must be nb or en');
    expect(() => parseArgs(['--verbose'], {})).toThrow('unknown option --verbose');
  });

  it('exits 2 on a bad argument', async () => {
    const lines: string[] = [];
    expect(await runCheck(['--lang', 'sv'], {}, (t) => lines.push(t))).toBe(2);
    expect(lines).toEqual(['--lang must be nb or en, not "sv"']);
  });
});
