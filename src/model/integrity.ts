/**
 * Cross-entity checks over the whole (schema-valid) model, in one pass: duplicate ids, dangling
 * references, hard-dependency cycles, running guests on hosts that do not run. Pure; paths use
 * the merged model's indexes (`guests[3].host`), which the loader maps to file:line:column.
 */
import type { Model, DependencyEntry, RefEntry } from './schema/model.ts';
import { KIND_SECTIONS, listEntities, type EntityRecord } from './entities.ts';
import { FAILING_KINDS, fieldOfRelation, kindOf } from './kinds.ts';
import { LIST_RELATIONS, SINGLE_RELATIONS } from './relations.ts';
import { parseRef, formatRef, type EntityKind } from './refs.ts';
import { suggest } from './suggest.ts';
import { buildGraph, HARD_RELATIONS, type Edge } from './graph.ts';
import { checkClusters } from './cluster-integrity.ts';
import type { PathSegment } from './yaml-source.ts';

export interface IntegrityProblem {
  segments: PathSegment[];
  message: string;
  hint?: string;
  /** Another place the problem involves (the first definition of a duplicate id). */
  related?: PathSegment[];
  /** For a dangling reference: the `kind:id` it points at. */
  target?: string;
  /** A warning is reported and the model still used; without it, a problem refuses the model. */
  severity?: 'warning';
}

const SECTION_OF = new Map<EntityKind, string>(KIND_SECTIONS.map(([kind, section]) => [kind, section]));

/** One place a reference is written. */
export interface RefSite {
  segments: PathSegment[];
  text: string;
  /** A bare id means this kind (guest.host). */
  impliedKind?: EntityKind;
  /** The field may only point at this kind. */
  mustBe?: EntityKind;
  field: string;
}

/** Every reference in the model, in model order: the relation fields, then each kind's own (src/model/kinds.ts). */
export function collectRefs(model: Model): RefSite[] {
  const sites: RefSite[] = [];
  const entry = (base: PathSegment[], field: string, value: DependencyEntry | RefEntry, mustBe?: EntityKind) => {
    if (typeof value === 'string') sites.push({ segments: base, text: value, field, ...(mustBe ? { mustBe } : {}) });
    else if ('anyOf' in value) value.anyOf.forEach((text, k) => sites.push({ segments: [...base, 'anyOf', k], text, field }));
    else sites.push({ segments: [...base, 'ref'], text: value.ref, field, ...(mustBe ? { mustBe } : {}) });
  };
  for (const { kind, section, index, entity } of listEntities(model)) {
    const base: PathSegment[] = [section, index];
    for (const relation of LIST_RELATIONS) {
      const list = entity[relation];
      if (Array.isArray(list)) list.forEach((value, j) => entry([...base, relation, j], relation, value));
    }
    for (const relation of SINGLE_RELATIONS) {
      const value = entity[relation];
      if (value !== undefined) entry([...base, relation], relation, value, relation === 'locatedIn' ? 'location' : undefined);
    }
    for (const field of kindOf(kind).refs) {
      for (const at of field.read(entity)) {
        const mustBe = at.mustBe ?? field.mustBe;
        sites.push({
          segments: [...base, ...at.at],
          text: at.text,
          ...(field.implied ? { impliedKind: field.implied } : {}),
          ...(mustBe ? { mustBe } : {}),
          field: at.field ?? field.name,
        });
      }
    }
  }
  if (model.site.docsCapability !== undefined) {
    sites.push({ segments: ['site', 'docsCapability'], text: model.site.docsCapability, mustBe: 'capability', field: 'docsCapability' });
  }
  return sites;
}

/**
 * `alsoKnown`: keys (`kind:id`) of entities that exist in the files but were left out of `model`
 * because they failed their schema. They are not checked, but "did you mean" may suggest them: a
 * typo in a reference to a host that also has a problem of its own still gets its suggestion.
 */
export function checkIntegrity(model: Model, options: { alsoKnown?: Iterable<string> } = {}): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const records = listEntities(model);

  // Duplicate ids, per kind.
  const byKey = new Map<string, EntityRecord>();
  for (const record of records) {
    const first = byKey.get(record.key);
    if (first) {
      problems.push({
        segments: [record.section, record.index, 'id'],
        message: `duplicate ${record.kind} id "${record.id}" (first defined at ${first.section}[${first.index}])`,
        hint: `ids must be unique within a kind: rename one of them`,
        related: [first.section, first.index, 'id'],
      });
    } else byKey.set(record.key, record);
  }
  // Ids inside an entity: scenario phases, site principles.
  for (const record of records) {
    if (record.kind !== 'scenario') continue;
    const phases = (record.entity.phases ?? []) as Array<{ id: string }>;
    duplicatesIn(phases.map((p) => p.id), (id, at, first) =>
      problems.push({
        segments: [record.section, record.index, 'phases', at, 'id'],
        message: `duplicate phase id "${id}" (first defined at phases[${first}])`,
        hint: 'phase ids must be unique within a scenario: rename one of them',
      }),
    );
  }
  duplicatesIn(model.site.principles.map((p) => p.id), (id, at, first) =>
    problems.push({
      segments: ['site', 'principles', at, 'id'],
      message: `duplicate principle id "${id}" (first defined at principles[${first}])`,
      hint: 'principle ids must be unique: rename one of them',
    }),
  );

  // Dangling references.
  const idsByKind = new Map<EntityKind, string[]>();
  const known = [...records.map((r) => ({ kind: r.kind, id: r.id })), ...[...(options.alsoKnown ?? [])].flatMap((key) => parseRef(key) ?? [])];
  for (const { kind, id } of known) {
    const ids = idsByKind.get(kind) ?? [];
    ids.push(id);
    idsByKind.set(kind, ids);
  }
  const allKeys = known.map((r) => formatRef(r));
  for (const site of collectRefs(model)) {
    const ref = parseRef(site.text, site.impliedKind);
    if (!ref) {
      problems.push({
        segments: site.segments,
        message: `${JSON.stringify(site.text)} is not a reference`,
        hint: site.impliedKind
          ? `write a ${site.impliedKind} id such as "${idsByKind.get(site.impliedKind)?.[0] ?? 'house'}"`
          : 'write it as kind:id, e.g. "guest:emqx"',
      });
      continue;
    }
    const bare = site.impliedKind !== undefined && !site.text.includes(':');
    if (!byKey.has(formatRef(ref))) {
      // The same id under another kind (guest:zigbee for system:zigbee) is the likeliest slip;
      // then a near miss within the kind; then a near miss anywhere.
      const other = bare ? undefined : records.find((r) => r.id === ref.id && (!site.mustBe || r.kind === site.mustBe));
      const sameKind = suggest(ref.id, idsByKind.get(ref.kind) ?? []);
      let suggestion: string | undefined;
      if (other) suggestion = other.key;
      else if (sameKind !== undefined) suggestion = bare ? sameKind : `${ref.kind}:${sameKind}`;
      else if (!bare) suggestion = suggest(site.text, allKeys);
      const section = SECTION_OF.get(ref.kind) ?? ref.kind;
      problems.push({
        segments: site.segments,
        target: formatRef(ref),
        message: `unknown ${ref.kind} "${bare ? ref.id : site.text}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
        hint: suggestion
          ? `write "${suggestion}", or add a ${ref.kind} with id "${ref.id}" to ${section}`
          : `check the spelling, or add a ${ref.kind} with id "${ref.id}" to ${section}`,
      });
      continue;
    }
    if (site.mustBe && ref.kind !== site.mustBe) {
      problems.push({
        segments: site.segments,
        message: `${site.field} must point at a ${site.mustBe}, but "${site.text}" is a ${ref.kind}`,
        hint: `write a ${site.mustBe} reference such as "${site.mustBe}:${idsByKind.get(site.mustBe)?.[0] ?? 'id'}"`,
      });
    }
  }

  // A running guest on a host that does not run.
  model.guests.forEach((guest, index) => {
    if (guest.status !== 'running') return;
    const host = byKey.get(`host:${guest.host}`);
    const hostStatus = host?.entity.status;
    if (host && hostStatus !== undefined && hostStatus !== 'active' && hostStatus !== 'running') {
      problems.push({
        segments: ['guests', index, 'status'],
        message: `guest "${guest.id}" is running, but its host "${guest.host}" is ${hostStatus}`,
        hint: `set the guest's status to ${hostStatus === 'planned' ? 'planned' : 'stopped'}, or make the host active`,
      });
    }
  });

  problems.push(...checkClusters(model));
  problems.push(...checkPlanLinks(model, byKey));
  problems.push(...checkGroups(records, byKey));
  problems.push(...checkScenarios(model, byKey));
  problems.push(...checkKindFields(model));
  problems.push(...findCycles(model, byKey));
  return problems;
}

/** The relations whose entries may be an anyOf group. */
const GROUP_RELATIONS = ['dependsOn', 'poweredBy', 'connectsVia'] as const;

/**
 * An anyOf group must be satisfiable: `atLeast` no more than its members (else it is down for ever),
 * and no more than the members that exist today (else it is down in normal operation, while its
 * owner exists already). A planned owner describes the future, so only the first rule applies to it.
 */
function checkGroups(records: EntityRecord[], byKey: Map<string, EntityRecord>): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  for (const record of records) {
    for (const relation of GROUP_RELATIONS) {
      const entries = record.entity[relation];
      if (!Array.isArray(entries)) continue;
      entries.forEach((entry, j) => {
        if (typeof entry === 'string' || !('anyOf' in entry) || entry.atLeast === undefined) return;
        const at: PathSegment[] = [record.section, record.index, relation, j, 'atLeast'];
        const members = [...new Set(entry.anyOf.map((text) => formatRef(parseRef(text) ?? { kind: 'host', id: text })))];
        const k = entry.atLeast;
        if (k > members.length) {
          problems.push({
            segments: at,
            message: `atLeast is ${k}, but the group has only ${members.length} ${members.length === 1 ? 'member' : 'members'}: it is down even when all of them are up`,
            hint: `lower atLeast to ${members.length} or less, or add the missing ${k - members.length === 1 ? 'member' : 'members'} to anyOf`,
          });
          return;
        }
        if (record.entity.status === 'planned') return;
        const found = members.map((key) => byKey.get(key));
        if (found.some((r) => r === undefined)) return; // a dangling member is reported already
        const planned = found.filter((r) => r!.entity.status === 'planned').map((r) => r!.key);
        const existing = members.length - planned.length;
        if (k <= existing) return;
        problems.push({
          segments: at,
          message: `atLeast is ${k}, but only ${existing} of the ${members.length} members ${existing === 1 ? 'exists' : 'exist'} today (${planned.join(', ')} ${planned.length === 1 ? 'is' : 'are'} planned): the group is down in normal operation`,
          hint: existing > 0 ? `lower atLeast to ${existing} until the planned members exist, or mark ${record.key} planned too` : `mark ${record.key} planned too, or add a member that exists today`,
        });
      });
    }
  }
  return problems;
}

/** A field that only one kind of thing has: a generator's start delay, a PLC's field protocol. */
function checkKindFields(model: Model): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  model.power.forEach((power, index) => {
    if (power.startDelayMinutes !== undefined && power.kind !== 'generator')
      problems.push({
        segments: ['power', index, 'startDelayMinutes'],
        message: `startDelayMinutes is for a generator, but power "${power.id}" is a ${power.kind}`,
        hint: power.kind === 'ups' || power.kind === 'battery' ? 'leave it out: a UPS or battery takes over at once (runtimeMinutes says for how long)' : 'leave it out, or set kind: generator',
      });
  });
  model.hosts.forEach((host, index) => {
    if (host.fieldProtocol !== undefined && host.kind !== 'plc')
      problems.push({
        segments: ['hosts', index, 'fieldProtocol'],
        message: `fieldProtocol is for a PLC, but host "${host.id}" is a ${host.kind}`,
        hint: 'set kind: plc, or leave fieldProtocol out',
      });
  });
  return problems;
}

/** Power sources that run out after a time, and so can time a phase (`runtimeMinutes`). */
export const RUNTIME_POWER_KINDS: ReadonlySet<string> = new Set(['ups', 'battery', 'generator']);

/**
 * A phase timed from something (`afterMinutesFrom`) needs something that runs out: a UPS, a battery
 * or a generator; with its runtime unknown, the phase must say in words when it begins. A scenario
 * whose every failure is of something that does not exist today, is stopped already or never fails
 * changes nothing: a warning.
 */
function checkScenarios(model: Model, byKey: Map<string, EntityRecord>): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  model.scenarios.forEach((scenario, i) => {
    (scenario.phases ?? []).forEach((phase, j) => {
      if (phase.afterMinutesFrom === undefined) return;
      const target = byKey.get(formatRef(parseRef(phase.afterMinutesFrom) ?? { kind: 'host', id: '' }));
      if (!target) return; // reported as unknown
      const at: PathSegment[] = ['scenarios', i, 'phases', j, 'afterMinutesFrom'];
      const runsOut = target.kind === 'power' && RUNTIME_POWER_KINDS.has(String(target.entity.kind));
      if (!runsOut) {
        problems.push({
          segments: at,
          message: `${phase.afterMinutesFrom} has no runtime: only a UPS, a battery or a generator runs out after a time`,
          hint: 'point afterMinutesFrom at the UPS, battery or generator whose running out begins this phase, or leave it out and say when in "after"',
        });
      } else if (target.entity.runtimeMinutes === undefined && phase.after === undefined) {
        problems.push({
          segments: at,
          message: `${phase.afterMinutesFrom} has no runtimeMinutes, and the phase has no "after": nothing says when it begins`,
          hint: `add runtimeMinutes to ${phase.afterMinutesFrom}, or say in "after" when the phase begins (e.g. "when the battery is empty; the runtime is not known")`,
        });
      }
    });
    const refs = [...scenario.fails, ...(scenario.phases ?? []).flatMap((p) => p.alsoFails)];
    const why: string[] = [];
    for (const text of refs) {
      const record = byKey.get(formatRef(parseRef(text) ?? { kind: 'host', id: '' }));
      if (!record) return; // reported as unknown
      if (record.entity.status === 'planned') why.push(`${record.key} is planned`);
      else if (record.kind === 'guest' && record.entity.status === 'stopped') why.push(`${record.key} is stopped already`);
      else if (!FAILING_KINDS.has(record.kind)) why.push(`a ${record.kind} does not fail`);
      else return;
    }
    problems.push({
      severity: 'warning',
      segments: ['scenarios', i, 'fails'],
      message: `scenario "${scenario.id}" changes nothing: ${[...new Set(why)].join(', ')}`,
      hint: 'fail something that exists and runs today, or leave the scenario out until it does',
    });
  });
  return problems;
}

/**
 * A plan that removes (or moves) a link names one the model has today: otherwise its "after"
 * diagram would claim a change that is not one, and a typo would go unnoticed.
 */
function checkPlanLinks(model: Model, byKey: Map<string, EntityRecord>): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const graph = buildGraph(model);
  model.plans.forEach((plan, index) => {
    (plan.links ?? []).forEach((link, j) => {
      if (link.remove === undefined) return;
      const from = formatRef(parseRef(link.ref) ?? { kind: 'host', id: '' });
      const to = formatRef(parseRef(link.remove) ?? { kind: 'host', id: '' });
      if (!byKey.has(from) || !byKey.has(to)) return; // already reported as unknown
      const present = (graph.outgoing.get(from) ?? []).some((e) => e.relation === link.relation && e.to === to);
      if (present) return;
      const actual = (graph.outgoing.get(from) ?? []).filter((e) => e.relation === link.relation).map((e) => e.to);
      problems.push({
        segments: ['plans', index, 'links', j, 'remove'],
        message: `${link.ref} has no ${link.relation} link to ${link.remove} to remove`,
        hint: actual.length
          ? `its ${link.relation} links today: ${actual.join(', ')}`
          : `${link.ref} has no ${link.relation} links today: leave out "remove" to only add one`,
      });
    });
  });
  return problems;
}

function duplicatesIn(ids: string[], report: (id: string, at: number, first: number) => void): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined) report(id, i, first);
    else seen.set(id, i);
  });
}

/** The field an edge was written in, for the problem's path: a relation field, or a kind's own (guest.host). */
function fieldOf(edge: Edge, record: EntityRecord): string {
  const own = fieldOfRelation(record.kind, edge.relation);
  // A kind's own field (guest.host, storage.server), unless the relation field of that name is written too.
  if (own && (record.entity as Record<string, unknown>)[edge.relation] === undefined) return own;
  return edge.relation;
}

/**
 * Hard-dependency cycles: one report per strongly connected component, printing one concrete
 * cycle through it (a → b → a), starting at the entity that comes first in the model.
 */
export function findCycles(model: Model, byKey?: Map<string, EntityRecord>): IntegrityProblem[] {
  const graph = buildGraph(model);
  const exists = byKey ?? graph.records;
  const adjacency = new Map<string, Edge[]>();
  for (const node of graph.nodes) adjacency.set(node, []);
  for (const edge of graph.edges) {
    if (!HARD_RELATIONS.has(edge.relation) || !exists.has(edge.to) || !adjacency.has(edge.from)) continue;
    adjacency.get(edge.from)!.push(edge);
  }
  const order = new Map(graph.nodes.map((n, i) => [n, i]));

  // Tarjan's strongly connected components (iterative, so a long chain cannot overflow the stack).
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  for (const start of graph.nodes) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const edges = adjacency.get(frame.node)!;
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!.to;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }

  const problems: Array<IntegrityProblem & { order: number }> = [];
  for (const component of components) {
    const members = new Set(component);
    const first = [...component].sort((a, b) => order.get(a)! - order.get(b)!)[0]!;
    const selfLoop = adjacency.get(first)!.find((e) => e.to === first);
    if (component.length === 1 && !selfLoop) continue;
    // Shortest cycle from `first` back to itself inside the component (BFS).
    const previous = new Map<string, Edge>();
    const queue = [first];
    let head = 0;
    let closing: Edge | undefined = selfLoop;
    while (head < queue.length && !closing) {
      const node = queue[head++]!;
      for (const edge of adjacency.get(node)!) {
        if (!members.has(edge.to)) continue;
        if (edge.to === first) {
          closing = edge;
          break;
        }
        if (!previous.has(edge.to)) {
          previous.set(edge.to, edge);
          queue.push(edge.to);
        }
      }
    }
    if (!closing) continue;
    const path: Edge[] = [closing];
    for (let at = closing.from; at !== first; ) {
      const edge = previous.get(at)!;
      path.push(edge);
      at = edge.from;
    }
    path.reverse();
    const cycle = [first, ...path.map((e) => e.to)].join(' → ');
    const record = graph.records.get(first)!;
    const firstEdge = path[0]!;
    problems.push({
      order: order.get(first)!,
      segments: [record.section, record.index, fieldOf(firstEdge, record)],
      message: `dependency cycle: ${cycle}`,
      hint: 'hard dependencies (host, dependsOn, poweredBy, connectsVia, partOf) must not lead back to where they start: remove one link, or make it enhancedBy if it is only nice to have',
    });
  }
  return problems.sort((a, b) => a.order - b.order).map(({ order: _order, ...problem }) => problem);
}
