/**
 * The shapes the analysis produces. Pages, diagrams, the runbook and the check command read these;
 * the analysis modules fill them. Everything is plain data (no Maps) so it serialises and compares.
 */
import type { LocalizedLabel, LocalizedProse } from '../model/schema/model.ts';

export type State = 'ok' | 'degraded' | 'down';

/**
 * Why an entity is not ok. `chain` runs from the entity itself (first) to the failed root (last),
 * each a `kind:id` key: ["capability:zigbee-scenes", "guest:zigbee2mqtt", "host:pve-core"].
 */
export interface Cause {
  chain: string[];
  /** How the first link of the chain affects the entity ('starting': a generator not running yet). */
  via: 'root' | 'stopped' | 'hard' | 'anyOf' | 'enhancedBy' | 'starting';
  /**
   * The state this cause gives the entity (`chain[0]`). Always set by the analysis; optional so that
   * hand-written Causes (fixtures) stay valid. explainCause uses it to print "nede"/"redusert".
   */
  state?: Exclude<State, 'ok'>;
  /**
   * For a group the model's meaning implies (a cluster's quorum, an HA guest's nodes, Ceph's OSD
   * nodes and monitors; src/model/derived-edges.ts), at the first link: how many are needed and up,
   * so the explanation can say "needs 2 of 3 nodes, 1 up". Absent for written anyOf groups.
   */
  tally?: GroupTally;
  /**
   * When the first link is a written k-of-n group (atLeast above 1): how many members it needs, has
   * and has up, so the explanation says "needs 2 of 3, 1 up" and not just "← pve1".
   */
  group?: GroupCount;
}

/** How a derived group stands in one run. Counts are votes for a quorum, members otherwise. */
export interface GroupTally {
  purpose: 'quorum' | 'ha' | 'osd' | 'monitors';
  /** The group's owner (`kind:id`): the cluster, the HA guest, the Ceph pool. */
  owner: string;
  needed: number;
  up: number;
  total: number;
  /** The members that are up (keys, sorted). */
  upMembers: string[];
  /** For an HA guest: its cluster's quorum in the same run. */
  quorum?: GroupTally;
  /** For a quorum: false when the cluster is down although the votes would do (its network is down, or it fails itself). */
  clusterUp?: boolean;
}

/** A written k-of-n group at the first link (atLeast above 1): how many it needs, has and has up. */
export interface GroupCount {
  needed: number;
  of: number;
  up: number;
}

export interface Outcome {
  state: State;
  /** Empty when ok. Sorted, deterministic. */
  causes: Cause[];
}

export interface PhaseResult {
  /** 'start' for t = 0, else the phase id from the model. */
  id: string;
  title: LocalizedLabel;
  after?: LocalizedProse;
  /** When the model knows it (from a runtimeMinutes). */
  afterMinutes?: number;
  /** The roots failed in this phase (cumulative). */
  failed: string[];
  /** Every existing (not planned) entity, keyed `kind:id`. Planned entities are absent. */
  outcomes: Record<string, Outcome>;
}

export interface ScenarioResult {
  id: string;
  phases: PhaseResult[];
}

export type Severity = 'error' | 'warning' | 'info';
export type AuditRuleId =
  | 'critical-survives'
  | 'false-redundancy'
  | 'runbook-reachable'
  | 'stopped-dependency'
  | 'translation-missing'
  | 'stated-summary'
  | 'todo-text';

export interface AuditFinding {
  rule: AuditRuleId;
  severity: Severity;
  /** The entity the finding is about, `kind:id`, when there is one. */
  subject?: string;
  scenario?: string;
  /**
   * Where in the model the finding is about, as a path of the merged model (`['capabilities', 3]`,
   * `['capabilities', 3, 'dependsOn', 0]` for a group): `npm run check` prints its file:line:column.
   */
  at?: Array<string | number>;
  message: { nb: string; en: string };
  hint: { nb: string; en: string };
  /**
   * For whoever edits the model: the field or words to change (`tier: comfort`, `anyOf`). Messages and
   * hints are written for the homeowner; this is printed by `npm run check` and kept in a tooltip.
   */
  modelHint?: string;
}

export interface StartStep {
  /** 1-based position. */
  position: number;
  guest: string;
  vmid: number;
  kind: 'lxc' | 'qemu';
  /** `pct start 106` or `qm start 103` on the named node; for an HA guest `ha-manager set ct:106 --state started`. */
  command: string;
  /** The cluster (`kind:id`) whose ha-manager starts it, for an HA guest (it then starts on any allowed node). */
  ha?: string;
  /** Guests (keys) that must be up before this one. */
  waitsFor: string[];
  /**
   * Why the guest is at this place: its rank (critical, comfort, other) and what gives it that rank.
   * Optional so hand-written StartSteps (fixtures) stay valid; computeStartOrders always sets it.
   */
  reason?: StartReason;
}

/** The tiers that order a start: critical before comfort before the rest. */
export type StartRank = 'critical' | 'comfort' | 'other';

export interface StartReason {
  /** The rank it starts with: its own, or that of a guest that waits for it, whichever is higher. */
  rank: StartRank;
  /** Its own rank: the highest tier of what goes down when this guest alone is down. */
  ownRank: StartRank;
  /** Capabilities of its own rank that go down without it (keys, sorted). Empty for 'other'. */
  serves: string[];
  /** Guests of a higher rank that wait for it, when they are what moved it up (keys, by vmid). */
  neededBy: string[];
}

export interface StartOrder {
  host: string;
  steps: StartStep[];
  /** Guests that are stopped on purpose and are not started. */
  stopped: string[];
}

export interface SinglePointOfFailure {
  key: string;
  /** Capabilities its failure alone takes down, and degrades. */
  down: string[];
  degraded: string[];
  /** How many of those are critical. */
  criticalDown: number;
  criticalDegraded: number;
  /** How many other entities fall with it (its blast radius). */
  blastRadius: number;
}

export interface Analysis {
  /** Nothing failed except what is stopped: the normal state. */
  baseline: PhaseResult;
  scenarios: ScenarioResult[];
  singlePointsOfFailure: SinglePointOfFailure[];
  audits: AuditFinding[];
  startOrders: StartOrder[];
}
