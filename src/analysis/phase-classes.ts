/**
 * What a scenario phase means for each thing in it, the one classification the scenario pages
 * (src/site/scenario-view.ts) and the runbook (src/runbook/assemble.ts) list from: capabilities by
 * state; equipment that is down because what it runs on failed, or idle (running without
 * something it uses, src/analysis/equipment.ts); and what was down already before the scenario
 * (the normal state, Analysis.baseline), which is not news in an outage. Pure.
 */
import type { Outcome, PhaseResult, State } from './types.ts';
import { isEquipment, isStoppedByFailure } from './equipment.ts';

export interface PhaseEntry {
  key: string;
  outcome: Outcome;
  state: State;
  capability: boolean;
  equipment: boolean;
  /** Down in the normal state too (a stopped guest, or something needing it). */
  downBefore: boolean;
  /** Equipment down only through a system or capability it uses: still running (not down before). */
  idle: boolean;
}

/** Every entity in the phase's outcomes, in their order, with what the phase means for it. */
export function classifyPhase(phase: PhaseResult, baseline?: PhaseResult): PhaseEntry[] {
  return Object.entries(phase.outcomes).map(([key, outcome]) => {
    const equipment = isEquipment(key);
    const downBefore = baseline?.outcomes[key]?.state === 'down';
    return {
      key,
      outcome,
      state: outcome.state,
      capability: key.startsWith('capability:'),
      equipment,
      downBefore,
      idle: equipment && outcome.state === 'down' && !downBefore && !isStoppedByFailure(outcome),
    };
  });
}
