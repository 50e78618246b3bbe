import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_MAX_MB, loadModel, MAX_MODEL_FILES, modelMaxMb, type Problem } from './load-model.ts';

const BASE = 'tests/fixtures/model-base';

/** A copy of the base model in a temporary directory, with some files replaced or added. */
function modelWith(files: Record<string, string | null>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'driftsbok-load-')), 'model');
  mkdirSync(dir);
  cpSync(BASE, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    if (text === null) writeFileSync(join(dir, name), '');
    else writeFileSync(join(dir, name), text);
  }
  return dir;
}

function problems(dir: string): string[] {
  const result = loadModel(dir);
  if (result.ok) return [];
  return result.problems.map((p: Problem) => `${p.file.slice(dir.length + 1)}:${p.line}:${p.column}  ${p.path}  ${p.message}`);
}

describe('loadModel', () => {
  it('loads the base model, files in name order', () => {
    const result = loadModel(BASE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files).toEqual([`${BASE}/infra.yaml`, `${BASE}/services.yaml`, `${BASE}/site.yaml`]);
    expect(result.model.guests.map((g) => g.id)).toEqual(['emqx', 'zigbee2mqtt', 'homeassistant']);
    // Defaults are applied.
    expect(result.model.hosts[0]!.status).toBe('active');
    expect(result.model.plans).toEqual([]);
  });

  it('concatenates list sections across files and maps merged indexes back to each file', () => {
    const dir = modelWith({
      'more-guests.yaml': 'guests:\n  - id: frigate\n    name: frigate\n    vmid: 105\n    kind: lxc\n    host: pve-kore\n    status: running\n',
    });
    expect(problems(dir)).toEqual(['more-guests.yaml:6:11  guests[3].host  unknown host "pve-kore" (did you mean "pve-core"?)']);
  });

  it('reports every schema problem at once, across files', () => {
    const dir = modelWith({
      'more.yaml': 'guests:\n  - id: a\n    name: a\n    vmid: 99\n    kind: lxc\n    host: pve-core\n    status: runing\n    hots: x\n',
      'power.yaml': 'power:\n  - id: ups\n    name: UPS\n    kind: UPS\n',
    });
    expect(problems(dir)).toEqual([
      'more.yaml:4:11  guests[3].vmid  Proxmox VM ids start at 100 (got 99)',
      'more.yaml:7:13  guests[3].status  "runing" is not one of the allowed values (did you mean "running"?)',
      'more.yaml:8:5  guests[3].hots  unknown key "hots" (did you mean "host"?)',
      'power.yaml:4:11  power[1].kind  "UPS" is not one of the allowed values (did you mean "ups"?)',
    ]);
  });

  it('hints with the number as written: 0100 and 8.10, not 100 and 8.1', () => {
    const dir = modelWith({
      'more.yaml': 'guests:\n  - id: a\n    name: a\n    vmid: 120\n    kind: lxc\n    host: pve-core\n    status: running\n    tags: [iot, 0100]\n    installed:\n      - name: EMQX\n        version: 5.10\n',
    });
    const result = loadModel(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.line}:${p.column} ${p.path} ${p.message} | ${p.hint}`)).toEqual([
      '8:17 guests[3].tags[1] expected text, got the number 100 (YAML reads an unquoted 0100 as a number) | quote it: "0100"',
      '11:18 guests[3].installed[0].version expected text, got the number 5.1 (YAML reads an unquoted 5.10 as a number) | quote it: "5.10"',
    ]);
  });

  it('reports schema problems and whole-model problems of the sound entities together', () => {
    const dir = modelWith({
      'more.yaml': [
        'guests:',
        '  - id: frigate', // unsound: no vmid; references to it are not dangling
        '    name: frigate',
        '    kind: lxc',
        '    host: pve-core',
        '    status: running',
        '  - id: chirpstack', // sound, with a dangling reference and a missing translation
        '    name: chirpstack',
        '    vmid: 109',
        '    kind: lxc',
        '    host: pve-kore',
        '    status: running',
        '    purpose: { nb: LoRaWAN-nettverksserver }',
        '    dependsOn: [guest:frigate, guest:emqz]',
        '',
      ].join('\n'),
    });
    expect(problems(dir)).toEqual([
      'more.yaml:2:5  guests[3].vmid  missing required field "vmid"',
      'more.yaml:11:11  guests[4].host  unknown host "pve-kore" (did you mean "pve-core"?)',
      'more.yaml:13:14  guests[4].purpose  missing English (en) text',
      'more.yaml:14:32  guests[4].dependsOn[1]  unknown guest "guest:emqz" (did you mean "guest:emqx"?)',
    ]);
  });

  it('reports problems of several files and kinds of layer-1 problems together', () => {
    const dir = modelWith({ 'a.yaml': null, 'b.yaml': 'notes:\n\t- id: x\n' });
    expect(problems(dir)).toEqual(['a.yaml:1:1    the file is empty', 'b.yaml:2:1    tab used for indentation']);
  });

  it('still checks the schemas of the readable files when one file cannot be read', () => {
    const dir = modelWith({
      'site.yaml': 'site:\n\tname: X\n',
      'power.yaml': 'power:\n  - id: ups\n    name: UPS\n    kind: UPS\n',
    });
    expect(problems(dir)).toEqual([
      'power.yaml:4:11  power[1].kind  "UPS" is not one of the allowed values (did you mean "ups"?)',
      'site.yaml:2:1    tab used for indentation',
    ]);
  });

  it('refuses an unknown section with a suggestion', () => {
    expect(problems(modelWith({ 'x.yaml': 'guest:\n  - id: a\n' }))).toEqual(['x.yaml:1:1  guest  unknown section "guest" (did you mean "guests"?)']);
  });

  it('refuses a second site, a missing site and a section that is not a list', () => {
    const twice = problems(modelWith({ 'z.yaml': 'site:\n  name: X\n' }));
    expect(twice).toHaveLength(1);
    expect(twice[0]).toMatch(/^z\.yaml:1:1 {2}site {2}"site" appears a second time \(first in .*\/site\.yaml\)$/);
    const noSite = modelWith({});
    writeFileSync(join(noSite, 'site.yaml'), 'locations: []\n');
    expect(problems(noSite)).toEqual(['infra.yaml:1:1  site  no file has a "site" section']);
    expect(problems(modelWith({ 'x.yaml': 'hosts:\n  id: a\n' }))).toEqual(['x.yaml:1:1  hosts  section "hosts" must be a list']);
    expect(problems(modelWith({ 'x.yaml': 'hosts:\n' }))).toEqual(['x.yaml:1:1  hosts  section "hosts" is empty']);
  });

  it('says so when the directory is missing or holds no model files', () => {
    const missing = loadModel('/nonexistent/driftsbok-model');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems[0]!.message).toBe('model directory not found');
    const empty = mkdtempSync(join(tmpdir(), 'driftsbok-empty-'));
    const none = loadModel(empty);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.problems[0]!.message).toBe('no model files (*.yaml) in this directory');
  });

  it('refuses a model folder that holds too much in all, before parsing any file', () => {
    // Five files just under the per-file limit of 1 MB, and none of them YAML: a parse would say so.
    const dir = modelWith({});
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `big-${i}.yaml`), `[${'x'.repeat(900 * 1024)}\n`);
    const brief = (env: Record<string, string>) => {
      const result = loadModel(dir, { env });
      return result.ok ? [] : result.problems.map((p) => `${p.file === dir ? 'DIR' : p.file.slice(dir.length + 1)}:${p.line}:${p.column} ${p.message} | ${p.hint}`);
    };
    expect(brief({})).toEqual([
      'DIR:1:1 the model files add up to 4.4 MB (4609940 bytes in 8 files); the limit for the whole model folder is 4 MB | check that this is the model folder and remove files that are not part of the model (a model is usually well under 1 MB), or raise the limit: DRIFTSBOK_MODEL_MAX_MB=5',
    ]);
    // Raised, the files are read (and are not YAML).
    expect(brief({ DRIFTSBOK_MODEL_MAX_MB: '5' })[0]).toMatch(/^big-0\.yaml:\d+:\d+ YAML syntax error/);
    expect(brief({ DRIFTSBOK_MODEL_MAX_MB: 'lots' })).toEqual([
      'DIR:1:1 DRIFTSBOK_MODEL_MAX_MB must be a number of megabytes, got "lots" | for example DRIFTSBOK_MODEL_MAX_MB=8, or leave it unset for the default of 4',
    ]);
  });

  it('refuses a model folder with too many files', () => {
    const dir = modelWith({});
    for (let i = 0; i < MAX_MODEL_FILES; i++) writeFileSync(join(dir, `n-${i}.yaml`), 'notes: []\n');
    const result = loadModel(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message)).toEqual([`the model folder holds ${MAX_MODEL_FILES + 3} model files; the limit is ${MAX_MODEL_FILES}`]);
  });

  it('reads DRIFTSBOK_MODEL_MAX_MB', () => {
    expect(modelMaxMb({})).toEqual({ mb: DEFAULT_MODEL_MAX_MB });
    expect(modelMaxMb({ DRIFTSBOK_MODEL_MAX_MB: ' 12.5 ' })).toEqual({ mb: 12.5 });
    expect(modelMaxMb({ DRIFTSBOK_MODEL_MAX_MB: '0' })).toEqual({
      error: 'DRIFTSBOK_MODEL_MAX_MB must be a number of megabytes, got "0"',
      hint: 'for example DRIFTSBOK_MODEL_MAX_MB=8, or leave it unset for the default of 4',
    });
    expect(modelMaxMb({ DRIFTSBOK_MODEL_MAX_MB: '-1' })).toHaveProperty('error');
  });

  it('follows a symbolic link only to a regular file inside the model folder', () => {
    const dir = modelWith({});
    mkdirSync(join(dir, 'parts'));
    writeFileSync(join(dir, 'parts/notes.yaml'), 'notes: []\n');
    symlinkSync('parts/notes.yaml', join(dir, 'notes.yaml'));
    symlinkSync('notes.yaml', join(dir, 'notes-again.yml'));
    const ok = loadModel(dir);
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.files.map((f) => f.slice(dir.length + 1))).toEqual(['infra.yaml', 'notes-again.yml', 'notes.yaml', 'services.yaml', 'site.yaml']);

    // Out and back in is out: the link is judged by where it ends, and one link out is enough.
    writeFileSync(join(dir, '..', 'elsewhere.yaml'), 'notes: []\n');
    symlinkSync('../elsewhere.yaml', join(dir, 'a.yaml'));
    symlinkSync('b.yaml', join(dir, 'c.yaml'));
    symlinkSync('c.yaml', join(dir, 'b.yaml'));
    mkdirSync(join(dir, 'old.yaml'));
    const fifo = spawnSync('mkfifo', [join(dir, 'pipe.yaml')]).status === 0;
    const result = loadModel(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.file.slice(dir.length + 1)}:${p.line}:${p.column} ${p.message}`)).toEqual([
      `a.yaml:1:1 is a symbolic link to ${realpathSync(join(dir, '..', 'elsewhere.yaml'))}, outside the model folder`,
      'b.yaml:1:1 is a symbolic link that loops: it points to "c.yaml", which leads back to itself',
      'c.yaml:1:1 is a symbolic link that loops: it points to "b.yaml", which leads back to itself',
      'old.yaml:1:1 is a folder, not a model file',
      ...(fifo ? ['pipe.yaml:1:1 is not a regular file (a pipe, socket or device)'] : []),
    ]);
  });

  it('refuses an invisible character in an id once, not again as a malformed id', () => {
    const dir = modelWith({ 'more.yaml': 'guests:\n  - id: "frigate\\u200B"\n    name: frigate\n    vmid: 120\n    kind: lxc\n    host: pve-core\n    status: running\n' });
    expect(problems(dir)).toEqual(['more.yaml:2:9  guests[3].id  contains U+200B ZERO WIDTH SPACE at character 8, which is invisible']);
  });

  it('loads a model with an invisible character in free text, and gives it back as a warning', () => {
    const dir = modelWith({ 'notes.yaml': 'notes:\n  - id: n\n    title: { nb: Notat, en: Note }\n    body: { nb: "mel\u00ADding", en: "message" }\n' });
    const result = loadModel(dir);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((p) => `${p.file.slice(dir.length + 1)}:${p.line}:${p.column}  ${p.path}  ${p.message}`)).toEqual([
      'notes.yaml:4:21  notes[0].body.nb  contains U+00AD SOFT HYPHEN at character 4, which is invisible (it shows only as a hyphen where a line breaks)',
    ]);
  });

  it('gives positions for every problem of every golden case', () => {
    for (const name of ['unknown-key', 'invalid-ip', 'unquoted-version', 'cycle']) {
      const result = loadModel(`tests/fixtures/bad-input/${name}/model`);
      expect(result.ok).toBe(false);
      if (!result.ok) for (const p of result.problems) expect(p.line).toBeGreaterThan(0);
    }
  });
});

describe('the Saghaugen model', () => {
  it('loads without problems', () => {
    const result = loadModel('model');
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.path}  ${p.message}`).join('\n'));
    expect(result.model.site.name).toBe('Saghaugen');
    expect(result.model.guests.filter((g) => g.kind === 'lxc')).toHaveLength(14);
    expect(result.model.guests.filter((g) => g.kind === 'qemu')).toHaveLength(2);
  });

  it('every model file points editors at the JSON Schema', () => {
    const result = loadModel('model');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const file of result.files) {
      expect(readFileSync(file, 'utf8').split('\n')[0], file).toBe('# yaml-language-server: $schema=./schema/model.schema.json');
    }
  });
});
