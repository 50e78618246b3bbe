/** Words the diagrams write themselves, in both languages. */
import type { Lang } from '../model/entities.ts';
import { RELATIONS, type Relation } from '../analysis/graph.ts';
import type { State } from '../analysis/types.ts';
import { STATE_MARK, STATE_WORDS } from '../analysis/explain.ts';
import { relationLabel, valueLabel } from '../i18n/ui.ts';

type T = Record<Lang, string>;

/** Relation names on edges: the same words as the pages' relation tables. */
export const RELATION_LABEL: Record<Relation, T> = Object.fromEntries(
  RELATIONS.map((relation) => [relation, { nb: relationLabel(relation, 'nb'), en: relationLabel(relation, 'en') }]),
) as Record<Relation, T>;

export const WORDS = {
  topologyTitle: { nb: 'Topologi', en: 'Topology' },
  architectureTitle: { nb: 'Arkitektur: kritiske og komfortsystemer', en: 'Architecture: critical and comfort systems' },
  whatTheyNeed: { nb: 'Det de trenger', en: 'What they need' },
  powerTitle: { nb: 'Strøm: kilder og forbrukere', en: 'Power: sources and loads' },
  loads: { nb: 'Forbrukere', en: 'Loads' },
  stopped: { nb: 'stoppet', en: 'stopped' },
  planned: { nb: 'planlagt', en: 'planned' },
  anyOf: { nb: 'én av', en: 'any of' },
  assumed: { nb: 'antatt', en: 'assumed' },
  legend: { nb: 'Forklaring', en: 'Legend' },
  network: { nb: 'Nett', en: 'Network' },
  internet: { nb: 'Internett', en: 'Internet' },
  links: { nb: 'Forbindelser mellom bygg', en: 'Links between buildings' },
  guestsOn: { nb: 'Gjester på', en: 'Guests on' },
  otherPlaces: { nb: 'Uten plassering', en: 'No location' },
  power: { nb: 'Strøm', en: 'Power' },
  capabilities: { nb: 'Funksjoner', en: 'Capabilities' },
  needs: { nb: 'trenger', en: 'needs' },
  changes: { nb: 'endres', en: 'changes' },
  added: { nb: 'ny', en: 'new' },
  before: { nb: 'før', en: 'before' },
  after: { nb: 'etter', en: 'after' },
  tierCritical: { nb: 'Kritisk', en: 'Critical' },
  tierComfort: { nb: 'Komfort', en: 'Comfort' },
  tierOther: { nb: 'Øvrige', en: 'Other' },
  tierCriticalCount: [{ nb: 'kritisk', en: 'critical' }, { nb: 'kritiske', en: 'critical' }],
  tierComfortCount: [{ nb: 'komfort', en: 'comfort' }, { nb: 'komfort', en: 'comfort' }],
  tierOtherCount: [{ nb: 'øvrig', en: 'other' }, { nb: 'øvrige', en: 'other' }],
  locationUnknown: { nb: 'Plassering ikke dokumentert', en: 'Location not documented' },
  lineStated: { nb: 'dokumentert', en: 'documented' },
  lineAssumed: { nb: 'antatt', en: 'assumed' },
  lineAdded: { nb: 'ny kobling', en: 'new link' },
  lineRemoved: { nb: 'fjernes', en: 'goes away' },
  removed: { nb: 'fjernes', en: 'goes' },
  on: { nb: 'på', en: 'on' },
  more: { nb: 'til', en: 'more' },
  criticalStillWork: { nb: 'Kritisk, virker fortsatt', en: 'Critical, still working' },
  collapsedMore: {
    nb: 'Mye er rammet, så også kjedene er slått sammen til bokser med antall; sidene det lenkes til, lister hver enkelt.',
    en: 'Much is hit, so the chains are collapsed into boxes with counts too; the pages they link to list each one.',
  },
  criticalDecentral: { nb: 'Kritiske, desentrale systemer', en: 'Critical decentralised systems' },
  criticalCentral: { nb: 'Kritiske systemer med sentral del', en: 'Critical systems with a central part' },
  comfort: { nb: 'Komfortsystemer', en: 'Comfort systems' },
  agents: { nb: 'Agenter', en: 'Agents' },
  lxc: { nb: 'LXC', en: 'LXC' },
  summarised: {
    nb: 'Oppsummert: modellen er for stor til å tegne hver ting, så like ting er slått sammen til én boks med antall, som lenker til siden der de står listet.',
    en: 'Summarised: the model is too large to draw every thing, so alike things are drawn as one box with a count, linking to the page that lists them.',
  },
  qemu: { nb: 'VM', en: 'VM' },
} satisfies Record<string, T | [T, T]>;

/** The states' words and marks are the analysis's (src/analysis/explain.ts), shared with pages and runbook. */
export const STATE_LABEL: Record<State, T> = STATE_WORDS;
export { STATE_MARK };

export const KIND_LABEL: Record<string, T> = {
  location: { nb: 'Sted', en: 'Location' },
  host: { nb: 'Maskin', en: 'Host' },
  guest: { nb: 'Gjest', en: 'Guest' },
  network: { nb: 'Nett', en: 'Network' },
  storage: { nb: 'Lagring', en: 'Storage' },
  system: { nb: 'System', en: 'System' },
  capability: { nb: 'Funksjon', en: 'Capability' },
  power: { nb: 'Strøm', en: 'Power' },
  plan: { nb: 'Plan', en: 'Plan' },
  scenario: { nb: 'Scenario', en: 'Scenario' },
  note: { nb: 'Notat', en: 'Note' },
};

/** "12 guests", "1 guest": counts in summarised drawings. */
export const KIND_PLURAL: Record<string, [T, T]> = {
  location: [{ nb: 'sted', en: 'location' }, { nb: 'steder', en: 'locations' }],
  host: [{ nb: 'maskin', en: 'host' }, { nb: 'maskiner', en: 'hosts' }],
  guest: [{ nb: 'gjest', en: 'guest' }, { nb: 'gjester', en: 'guests' }],
  network: [{ nb: 'nettenhet', en: 'network device' }, { nb: 'nettenheter', en: 'network devices' }],
  storage: [{ nb: 'lagring', en: 'storage pool' }, { nb: 'lagringer', en: 'storage pools' }],
  system: [{ nb: 'system', en: 'system' }, { nb: 'systemer', en: 'systems' }],
  capability: [{ nb: 'funksjon', en: 'capability' }, { nb: 'funksjoner', en: 'capabilities' }],
  power: [{ nb: 'strømkilde', en: 'power source' }, { nb: 'strømkilder', en: 'power sources' }],
};

export function countOf(n: number, kind: string, lang: Lang): string {
  const words = KIND_PLURAL[kind];
  if (!words) return String(n);
  return `${n} ${t(words[n === 1 ? 0 : 1], lang)}`;
}

/** Device kinds (gateway, ups, …): the same names as on the pages. */
export const SUBKIND_LABEL: Record<string, T> = Object.fromEntries(
  ['proxmox', 'raspberry-pi', 'gateway', 'switch', 'access-point', 'camera', 'link', 'isp', 'sdn-zone', 'grid', 'ups', 'battery', 'solar', 'inverter', 'generator'].map(
    (kind) => [kind, { nb: valueLabel(kind, 'nb'), en: valueLabel(kind, 'en') }],
  ),
);

export function t(text: T, lang: Lang): string {
  return text[lang];
}
