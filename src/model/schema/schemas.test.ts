/**
 * One valid entity per kind, then one changed field per row: accepted, or rejected with the
 * message the check prints (through the error map).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { dropImpliedMissing, mapIssue } from '../error-map.ts';
import type { PathSegment } from '../yaml-source.ts';
import {
  CapabilitySchema,
  GuestSchema,
  HostSchema,
  LocationSchema,
  NetworkSchema,
  NoteSchema,
  PlanSchema,
  PowerSchema,
  ScenarioSchema,
  SiteSchema,
  StorageSchema,
  SystemSchema,
} from './model.ts';

/** The messages (message + hint) the check would print for `value`, or [] when valid. */
function problems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  const valueAt = (segments: readonly PathSegment[]) =>
    segments.reduce<unknown>((v, s) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined), value);
  const sourceAt = (segments: readonly PathSegment[]) => {
    const v = valueAt(segments);
    return v === undefined ? undefined : String(v);
  };
  return dropImpliedMissing(result.error.issues.flatMap((issue) => mapIssue(issue, schema, { valueAt, sourceAt }))).map(
    (m) => `${m.segments.join('.')}: ${m.message}${m.hint ? ` | ${m.hint}` : ''}`,
  );
}

type Row = [description: string, change: Record<string, unknown>, expected: string | null];

function table(name: string, schema: z.ZodType, base: Record<string, unknown>, rows: Row[]) {
  describe(name, () => {
    it('accepts the base entity', () => {
      expect(problems(schema, base)).toEqual([]);
    });
    it.each(rows)('%s', (_description, change, expected) => {
      const value: Record<string, unknown> = { ...base };
      for (const [key, v] of Object.entries(change)) {
        if (v === undefined) delete value[key];
        else value[key] = v;
      }
      const found = problems(schema, value);
      if (expected === null) expect(found).toEqual([]);
      else expect(found).toContain(expected);
    });
  });
}

const text = { nb: 'Tekst', en: 'Text' };

table('location', LocationSchema, { id: 'house', name: 'Huset', kind: 'building' }, [
  ['a room', { kind: 'room' }, null],
  ['wrong kind', { kind: 'buildin' }, 'kind: "buildin" is not one of the allowed values (did you mean "building"?) | allowed: building, room, area'],
  ['upper-case id', { id: 'House' }, 'id: "House" must be lower-case letters, digits and dashes, starting with a letter or digit | for example "house"'],
  ['numeric id', { id: 100 }, 'id: expected text, got the number 100 (YAML reads an unquoted 100 as a number) | quote it: "100"'],
  ['empty name', { name: '' }, 'name: must not be empty | write the text, or leave the field out if it is optional'],
  ['blank name', { name: '   ' }, 'name: must not be empty | write the text, or leave the field out if it is optional'],
  ['name with a bell', { name: 'Hu\u0007set' }, 'name: must not contain control characters or line breaks | remove the invisible character U+0007 at character 3'],
  ['name with a newline', { name: 'Hu\nset' }, 'name: must not contain control characters or line breaks | remove the invisible character U+000A at character 3'],
  ['name as a boolean', { name: false }, 'name: expected text, got the boolean false (YAML reads an unquoted false as true/false) | quote it: "false"'],
  ['missing name', { name: undefined }, 'name: missing required field "name" | add `name: …`: the name, the same in every language (pve-core, frigate)'],
  ['unknown key', { nmae: 'x' }, 'nmae: unknown key "nmae" (did you mean "name"?) | rename it to "name"'],
  ['description with one language', { description: { nb: 'Bolighuset' } }, null],
  ['description with no language', { description: {} }, 'description: needs a text in nb and en | write it as `{ nb: "…", en: "…" }`'],
  ['description in a third language', { description: { nb: 'a', de: 'b' } }, 'description.de: unknown key "de" | remove it; allowed here: nb, en'],
  ['locatedIn a ref', { locatedIn: 'location:farm' }, null],
  ['locatedIn a bare id', { locatedIn: 'farm' }, 'locatedIn: "farm" must be a reference "kind:id", where kind is one of location, host, cluster, guest, network, storage, system, capability, power, plan, scenario, note | write the kind in front of the id, e.g. "guest:farm" or "host:farm"'],
]);

table('host', HostSchema, { id: 'pve-core', name: 'pve-core', kind: 'proxmox', ip: '10.12.0.205', proxmoxVersion: '8.3.0', kernel: '6.8.12-4-pve' }, [
  ['planned', { status: 'planned' }, null],
  ['stopped is not a host status', { status: 'stopped' }, 'status: "stopped" is not one of the allowed values | allowed: active, planned'],
  ['unquoted version', { proxmoxVersion: 8.1 }, 'proxmoxVersion: expected text, got the number 8.1 (YAML reads an unquoted 8.1 as a number) | quote it: "8.1"'],
  ['bad ip', { ip: '10.12.0.256' }, 'ip: "10.12.0.256" is not a valid IPv4 address | write four numbers from 0 to 255 separated by dots, e.g. 10.12.0.205'],
  ['ip with a prefix', { ip: '10.12.0.5/24' }, 'ip: "10.12.0.5/24" is not a valid IPv4 address | write four numbers from 0 to 255 separated by dots, e.g. 10.12.0.205'],
  ['mac', { mac: 'aa:bb:cc:dd:ee:ff' }, null],
  ['bad mac', { mac: 'aa:bb:cc' }, 'mac: "aa:bb:cc" must be a MAC address such as aa:bb:cc:dd:ee:ff'],
  ['sdn zone', { sdnZones: [{ id: 'localnetwork' }] }, null],
  ['dependsOn anyOf', { poweredBy: [{ anyOf: ['power:grid', 'power:ups'] }] }, null],
  ['anyOf of one', { poweredBy: [{ anyOf: ['power:grid'] }] }, 'poweredBy.0.anyOf: an anyOf group needs at least two members'],
  ['dependsOn with a typo key', { dependsOn: [{ ref: 'guest:a', asumed: true }] }, 'dependsOn.0.asumed: unknown key "asumed" (did you mean "assumed"?) | rename it to "assumed"'],
  ['dependsOn with ref misspelt', { dependsOn: [{ rfe: 'guest:a' }] }, 'dependsOn.0.rfe: unknown key "rfe" (did you mean "ref"?) | rename it to "ref"'],
  ['anyOf misspelt', { dependsOn: [{ anyof: ['guest:a', 'guest:b'] }] }, 'dependsOn.0.anyof: unknown key "anyof" (did you mean "anyOf"?) | rename it to "anyOf"'],
  ['anyOf with a bare id', { dependsOn: [{ anyOf: ['guest:a', 'b'] }] }, 'dependsOn.0.anyOf.1: "b" must be a reference "kind:id", where kind is one of location, host, cluster, guest, network, storage, system, capability, power, plan, scenario, note | write the kind in front of the id, e.g. "guest:b" or "host:b"'],
  ['dependsOn a number', { dependsOn: [5] }, 'dependsOn.0: expected text or a mapping (key: value), got the number 5 | quote it: "5"'],
  ['dependsOn a bare id', { dependsOn: ['emqx'] }, 'dependsOn.0: "emqx" must be a reference "kind:id", where kind is one of location, host, cluster, guest, network, storage, system, capability, power, plan, scenario, note | write the kind in front of the id, e.g. "guest:emqx" or "host:emqx"'],
  ['dependsOn not a list', { dependsOn: 'guest:emqx' }, 'dependsOn: expected a list, got the text "guest:emqx" | write each item on its own line, starting with "- "'],
]);

table('guest', GuestSchema, { id: 'emqx', name: 'emqx', vmid: 106, kind: 'lxc', host: 'pve-core', status: 'running', cores: 2, memoryMb: 2048 }, [
  ['a VM', { kind: 'qemu', vmid: 103 }, null],
  ['vmid below 100', { vmid: 99 }, 'vmid: Proxmox VM ids start at 100 (got 99)'],
  ['vmid as text', { vmid: '106' }, 'vmid: expected a number, got the text "106" | write it without quotes: 106'],
  ['fractional cores', { cores: 1.5 }, 'cores: expected a whole number, got 1.5 | write a whole number such as 2'],
  ['zero cores', { cores: 0 }, 'cores: must be at least 1, got 0'],
  ['missing host', { host: undefined }, 'host: missing required field "host" | add `host: …`: the host it runs on (a host id); with `ha`, where it runs today'],
  ['missing kind', { kind: undefined }, 'kind: missing required field "kind" | add `kind: …` (one of lxc, qemu)'],
  ['status typo', { status: 'runing' }, 'status: "runing" is not one of the allowed values (did you mean "running"?) | allowed: running, stopped, planned'],
  ['installed software with a version', { installed: [{ name: 'Node.js', version: '22.12.0' }] }, null],
  ['unquoted software version', { installed: [{ name: 'Node.js', version: 22 }] }, 'installed.0.version: expected text, got the number 22 (YAML reads an unquoted 22 as a number) | quote it: "22"'],
  ['tags', { tags: ['mqtt', 'iot'] }, null],
  ['commands', { commands: [{ title: text, run: 'pct enter 106' }] }, null],
  ['repos', { repos: [{ path: '/home/ronny/src/driftsbok' }] }, null],
  ['unknown key hots', { hots: 'pve-core' }, 'hots: unknown key "hots" (did you mean "host"?) | rename it to "host"'],
  ['null value', { os: null }, 'os: "os" has no value (expected text) | write a value after "os:", or remove the line if the field is optional'],
]);

table('network', NetworkSchema, { id: 'mesh-link', name: 'Mesh', kind: 'link', medium: 'wireless-mesh', between: ['location:house', 'location:garage-barn'] }, [
  ['planned fibre', { status: 'planned', medium: 'fibre' }, null],
  ['medium typo', { medium: 'fiber' }, 'medium: "fiber" is not one of the allowed values (did you mean "fibre"?) | allowed: wireless-mesh, fibre, copper, satellite, cellular'],
  ['count', { count: 2 }, null],
  ['count zero', { count: 0 }, 'count: must be at least 1, got 0'],
]);

table('storage', StorageSchema, { id: 'local-lvm', name: 'local-lvm', host: 'pve-core', kind: 'lvm-thin', usedPercent: 34 }, [
  ['usage over 100', { usedPercent: 140 }, 'usedPercent: must be at most 100, got 140'],
  ['usage as text', { usedPercent: '34.0' }, 'usedPercent: expected a number, got the text "34.0" | write it without quotes: 34.0'],
  ['unknown usage left out', { usedPercent: undefined }, null],
]);

table('system', SystemSchema, { id: 'knx', name: 'KNX', category: 'building-automation', tier: 'critical', decentralised: true }, [
  ['comfort', { tier: 'comfort' }, null],
  ['tier nice-to-have', { tier: 'nice-to-have' }, 'tier: "nice-to-have" is not one of the allowed values | allowed: critical, comfort'],
  ['decentralised as text', { decentralised: 'yes' }, 'decentralised: expected true or false, got the text "yes"'],
  ['features', { features: [text] }, null],
]);

table('capability', CapabilitySchema, { id: 'internet', name: 'internet', title: text, tier: 'critical' }, [
  ['missing title', { title: undefined }, 'title: missing required field "title" | add `title: …`: the capability in each language'],
  ['anyOf dependency', { dependsOn: [{ anyOf: ['system:unifi-protect', 'system:frigate'], why: text }] }, null],
  ['atLeast 0', { dependsOn: [{ anyOf: ['system:a', 'system:b'], atLeast: 0 }] }, 'dependsOn.0.atLeast: must be at least 1, got 0'],
]);

table('power', PowerSchema, { id: 'unifi-ups', name: 'UniFi UPS', kind: 'ups', poweredBy: [{ anyOf: ['power:grid', 'power:ups-battery'] }] }, [
  ['runtime known', { runtimeMinutes: 45 }, null],
  ['negative runtime', { runtimeMinutes: -1 }, 'runtimeMinutes: must be at least 0, got -1'],
  ['kind typo', { kind: 'UPS' }, 'kind: "UPS" is not one of the allowed values (did you mean "ups"?) | allowed: grid, ups, battery, solar, inverter, generator'],
]);

table('plan', PlanSchema, { id: 'garage-usbip', name: 'garage-usbip', title: text, status: 'planned', adds: ['host:garage-cm4'], steps: [text] }, [
  ['ordered', { status: 'ordered' }, null],
  ['status typo', { status: 'planed' }, 'status: "planed" is not one of the allowed values (did you mean "planned"?) | allowed: idea, planned, ordered, in-progress, done'],
  ['changes', { changes: [{ ref: 'network:udm-pro', what: text }] }, null],
  ['changes without what', { changes: [{ ref: 'network:udm-pro' }] }, 'changes.0.what: missing required field "what" | add `what: …`: prose in Norwegian Bokmål (nb) and English (en)'],
]);

table('scenario', ScenarioSchema, { id: 'power-outage', title: text, fails: ['power:grid'], phases: [{ id: 'ups-empty', title: text, alsoFails: ['power:ups-battery'] }] }, [
  ['nothing fails', { fails: [] }, 'fails: needs at least 1 item'],
  ['symptoms', { symptoms: [{ id: 'no-lights', text }] }, null],
  ['phase without alsoFails', { phases: [{ id: 'later', title: text }] }, 'phases.0.alsoFails: missing required field "alsoFails" | add `alsoFails: …`'],
]);

table('note', NoteSchema, { id: 'agent-setup', title: text, body: text, about: ['guest:claude-agents'] }, [
  ['points', { points: [text, text] }, null],
  ['about a bare id', { about: ['claude-agents'] }, 'about.0: "claude-agents" must be a reference "kind:id", where kind is one of location, host, cluster, guest, network, storage, system, capability, power, plan, scenario, note | write the kind in front of the id, e.g. "guest:claude-agents" or "host:claude-agents"'],
]);

table('site', SiteSchema, { name: 'Saghaugen', title: text, documented: '2025-12-03' }, [
  ['date as a YAML date', { documented: 20251203 }, 'documented: expected text, got the number 20251203 (YAML reads an unquoted 20251203 as a number) | quote it: "20251203"'],
  ['date in another format', { documented: '03.12.2025' }, 'documented: "03.12.2025" must be a date written "YYYY-MM-DD"'],
  ['https address', { publicUrl: 'https://docs.example.org/' }, null],
  ['javascript: address', { publicUrl: 'javascript:alert(1)' }, 'publicUrl: must be an http(s):// or mailto: address'],
  ['principles', { principles: [{ id: 'decentral', title: text, text }] }, null],
  ['docsCapability', { docsCapability: 'capability:docs-online' }, null],
  ['locale key', { lang: 'no' }, 'lang: unknown key "lang" | remove it; allowed here: name, title, tagline, description, documented, source, publicUrl, locales, principles, docsCapability, statedSummary'],
]);
