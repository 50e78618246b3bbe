/**
 * A scenario's phases derived from time: a UPS (or battery) with `runtimeMinutes` bridges a cut in
 * what powers it and runs empty after its runtime; a generator with `startDelayMinutes` takes the
 * load that long after the power goes, and with `runtimeMinutes` (a full tank) runs dry that long
 * after it started. No hand-written battery entity or phase is needed.
 *
 * Semantics (a small event simulation over whole minutes of the outage):
 * - A bridging store (power of kind ups or battery with runtimeMinutes and something in poweredBy)
 *   stays up while its charge lasts: its charge drains while what powers it is down (no recharge is
 *   assumed: the runtime is a budget for the whole outage), and it is degraded ("on battery") then.
 * - A generator with startDelayMinutes or runtimeMinutes is standby: it does not deliver for the
 *   first startDelayMinutes of a scenario in which the power goes (some other power source is down
 *   at t = 0), then delivers until its fuel is gone.
 * - Only scenarios without hand-written phases are derived; a scenario that writes its phases keeps
 *   them as written (and the model as written: the UPS falls with its supply at once).
 *
 * Pure and deterministic: the same model gives the same phases.
 */
import type { Model } from '../model/schema/model.ts';
import { both, t } from '../i18n/store.ts';
import type { Lang } from '../model/entities.ts';
import { compileFailureGraph, downStateFor, propagate, type FailureGraph } from './propagate.ts';
import type { Outcome, PhaseResult } from './types.ts';

/** At most this many derived phases per scenario (a model could chain many stores). */
const MAX_EVENTS = 12;

interface Store {
  key: string;
  id: string;
  kind: 'ups' | 'battery';
  runtime: number;
}

interface Generator {
  key: string;
  id: string;
  delay: number;
  fuel?: number;
}

/** What the timeline needs from the model, compiled once. */
export interface Timeline {
  stores: Store[];
  generators: Generator[];
  /** The model with each store's poweredBy cut: while it has charge, its supply does not take it down. */
  bridged: FailureGraph;
}

/** The stores and generators of a model, or undefined when it has none (nothing is derived then). */
export function compileTimeline(model: Model): Timeline | undefined {
  const stores: Store[] = [];
  const generators: Generator[] = [];
  for (const power of model.power) {
    if (power.status === 'planned') continue;
    const key = `power:${power.id}`;
    if ((power.kind === 'ups' || power.kind === 'battery') && power.runtimeMinutes !== undefined && (power.poweredBy?.length ?? 0) > 0)
      stores.push({ key, id: power.id, kind: power.kind, runtime: power.runtimeMinutes });
    if (power.kind === 'generator' && (power.startDelayMinutes !== undefined || power.runtimeMinutes !== undefined))
      generators.push({
        key,
        id: power.id,
        delay: power.startDelayMinutes ?? 0,
        ...(power.runtimeMinutes !== undefined ? { fuel: power.runtimeMinutes } : {}),
      });
  }
  if (stores.length === 0 && generators.length === 0) return undefined;
  const cut = new Set(stores.map((s) => s.id));
  const bridgedModel: Model = { ...model, power: model.power.map((p) => (cut.has(p.id) ? { ...p, poweredBy: [] } : p)) };
  return { stores, generators, bridged: compileFailureGraph(bridgedModel) };
}

type NameOf = (key: string, lang: Lang) => string;
type Event = 'started' | 'dry' | 'empty';
const TITLE_KEY = { started: 'phase.generatorStarted', dry: 'phase.generatorDry', empty: 'phase.upsEmpty' } as const;

function titleOf(what: Event, key: string, kind: 'ups' | 'battery' | undefined, nameOf: NameOf): { nb: string; en: string } {
  const word = what === 'empty' && kind === 'battery' ? 'phase.batteryEmpty' : TITLE_KEY[what];
  return { nb: t('nb', word, { name: nameOf(key, 'nb') }), en: t('en', word, { name: nameOf(key, 'en') }) };
}

/**
 * The phases of a scenario that fails `roots` at t = 0, or undefined when time changes nothing in it
 * (no store loses its supply and no generator is called): then it is analysed as before.
 */
export function derivePhases(fg: FailureGraph, timeline: Timeline, roots: readonly string[], nameOf: NameOf): PhaseResult[] | undefined {
  const rootSet = new Set(roots);
  // Is some power source (not a generator) out at t = 0? Then the generators are called.
  const generatorKeys = new Set(timeline.generators.map((g) => g.key));
  const atStart = downStateFor(fg, roots).down;
  const called = fg.records.some((r, i) => atStart[i] && r.kind === 'power' && !generatorKeys.has(r.key));

  // State over time.
  const charge = new Map(timeline.stores.map((s) => [s.key, s.runtime]));
  const empty = new Set<string>();
  const generatorState = new Map<string, 'waiting' | 'running' | 'dry'>(
    timeline.generators.map((g) => [g.key, rootSet.has(g.key) ? 'dry' : called ? (g.delay > 0 ? 'waiting' : 'running') : 'running']),
  );
  const startedAt = new Map<string, number>();
  for (const g of timeline.generators) if (generatorState.get(g.key) === 'running' && called) startedAt.set(g.key, 0);

  /** What is out: the scenario's failures, generators not (or no longer) running, stores run empty. */
  const failedNow = (): string[] => {
    const failed = [...roots];
    for (const g of timeline.generators) if (generatorState.get(g.key) !== 'running' && !failed.includes(g.key)) failed.push(g.key);
    for (const s of timeline.stores) if (empty.has(s.key) && !failed.includes(s.key)) failed.push(s.key);
    return failed;
  };
  /** What the phase says failed: a generator still starting has not failed, it is on its way. */
  const shown = (failed: string[]) => failed.filter((key) => generatorState.get(key) !== 'waiting');
  /** Stores whose supply is down (as the model writes it), so they drain. */
  const draining = (failed: string[]): Store[] => {
    const state = downStateFor(fg, failed);
    return timeline.stores.filter((s) => !empty.has(s.key) && !rootSet.has(s.key) && state.down[fg.index.get(s.key)!]);
  };
  const outcomesFor = (failed: string[], onBattery: Store[]): Record<string, Outcome> => {
    const outcomes = propagate(timeline.bridged, failed);
    // A generator still starting is down, but not failed: say so.
    for (const g of timeline.generators) {
      if (generatorState.get(g.key) === 'waiting' && outcomes[g.key])
        outcomes[g.key] = { state: 'down', causes: [{ chain: [g.key], via: 'starting', state: 'down' }] };
    }
    // A store with charge is up whatever its supply does (the bridged graph), but the model as written
    // still says how it stands: on battery (its supply is out), or on one of its alternatives (the
    // generator while the grid is out) — degraded either way, like any anyOf short of a member.
    const written = propagate(fg, failed, (key) => timeline.stores.some((s) => s.key === key));
    for (const s of timeline.stores) {
      if (outcomes[s.key]?.state !== 'ok') continue;
      const asWritten = written[s.key];
      const battery = onBattery.includes(s);
      if (!battery && asWritten?.state !== 'degraded') continue;
      const causes = (asWritten?.causes ?? []).map((c) => ({ ...c, state: 'degraded' as const }));
      outcomes[s.key] = { state: 'degraded', causes };
    }
    return outcomes;
  };

  let failed = failedNow();
  let onBattery = draining(failed);
  if (!called && onBattery.length === 0) return undefined;
  const phases: PhaseResult[] = [
    { id: 'start', title: both('phase.start'), afterMinutes: 0, failed: shown(failed), outcomes: outcomesFor(failed, onBattery) },
  ];
  let now = 0;
  for (let step = 0; step < MAX_EVENTS; step++) {
    // The next moment something changes: a generator starts or runs dry, a store runs empty.
    const events: Array<{ at: number; key: string; what: Event }> = [];
    for (const g of timeline.generators) {
      const state = generatorState.get(g.key);
      if (state === 'waiting') events.push({ at: g.delay, key: g.key, what: 'started' });
      else if (state === 'running' && g.fuel !== undefined && startedAt.has(g.key))
        events.push({ at: startedAt.get(g.key)! + g.fuel, key: g.key, what: 'dry' });
    }
    for (const s of onBattery) events.push({ at: now + charge.get(s.key)!, key: s.key, what: 'empty' });
    if (events.length === 0) break;
    const at = Math.min(...events.map((e) => e.at));
    const happening = events.filter((e) => e.at === at).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const s of onBattery) charge.set(s.key, charge.get(s.key)! - (at - now));
    now = at;
    for (const e of happening) {
      if (e.what === 'started') {
        generatorState.set(e.key, 'running');
        startedAt.set(e.key, at);
      } else if (e.what === 'dry') generatorState.set(e.key, 'dry');
      else empty.add(e.key);
    }
    failed = failedNow();
    onBattery = draining(failed);
    const first = happening[0]!;
    const store = timeline.stores.find((s) => s.key === first.key);
    const id = timeline.generators.find((g) => g.key === first.key)?.id ?? store?.id ?? first.key;
    phases.push({
      id: `${first.what}-${id}`,
      title: titleOf(first.what, first.key, store?.kind, nameOf),
      afterMinutes: at,
      failed: shown(failed),
      outcomes: outcomesFor(failed, onBattery),
    });
  }
  return phases;
}
