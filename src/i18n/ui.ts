/**
 * Every word the site itself says (not the model's words), in Norwegian Bokmål and English.
 * Pure data and lookups; the model supplies names and prose, this file supplies the frame.
 */
import type { Lang } from '../model/entities.ts';
import type { EntityKind } from '../model/refs.ts';
import { STATE_WORDS } from '../analysis/explain.ts';

export const LANGS: readonly Lang[] = ['nb', 'en'];

/** Starlight locale config: nb is the root locale, en lives under /en/. */
export const STARLIGHT_LOCALES = {
  root: { label: 'Norsk bokmål', lang: 'nb' },
  en: { label: 'English', lang: 'en' },
} as const;

/**
 * Starlight's locales for the languages the model's site.locales lists. The URL scheme
 * (src/site/urls.ts) serves nb at / and en at /en/, so nb must come first.
 */
export function starlightLocales(locales: readonly Lang[]): Record<string, { label: string; lang: string }> {
  if (locales[0] !== 'nb') {
    throw new Error(
      `site.locales is ${JSON.stringify(locales)}: this site serves Norwegian Bokmål at / and English at /en/, so nb must come first.\n  hint: write locales: [nb, en] (or [nb]).`,
    );
  }
  return { root: STARLIGHT_LOCALES.root, ...(locales.includes('en') ? { en: STARLIGHT_LOCALES.en } : {}) };
}

type Dict = Record<string, { nb: string; en: string }>;

export const UI = {
  'overview.title': { nb: 'Oversikt', en: 'Overview' },
  'overview.runs': { nb: 'Hva som kjører', en: 'What runs here' },
  'overview.counts': { nb: 'Tall fra modellen', en: 'Counts from the model' },
  'overview.documented': { nb: 'Dokumentert', en: 'Documented' },
  'overview.source': { nb: 'Kilde', en: 'Source' },
  'overview.revision': { nb: 'Modellrevisjon', en: 'Model revision' },
  'overview.principles': { nb: 'Designprinsipp', en: 'Design principle' },
  'overview.sections': { nb: 'Innhold', en: 'Contents' },
  'overview.analysis': { nb: 'Analyse', en: 'Analysis' },
  'overview.stated': { nb: 'Oppgitt i kilden', en: 'Stated in the source' },
  'counts.runningLxc': { nb: 'LXC-containere som kjører', en: 'Running LXC containers' },
  'counts.stoppedLxc': { nb: 'LXC-containere som er stoppet', en: 'Stopped LXC containers' },
  'counts.runningQemu': { nb: 'VM-er som kjører', en: 'Running VMs' },
  'counts.stoppedQemu': { nb: 'VM-er som er stoppet', en: 'Stopped VMs' },
  'counts.cores': { nb: 'CPU-kjerner tildelt (kjørende)', en: 'CPU cores assigned (running)' },
  'counts.memory': { nb: 'Minne tildelt (kjørende)', en: 'Memory assigned (running)' },
  'counts.entities': { nb: 'Oppføringer i modellen', en: 'Entries in the model' },
  'counts.what': { nb: 'Hva', en: 'What' },
  'counts.value': { nb: 'Antall', en: 'Count' },
  'architecture.title': { nb: 'Arkitektur', en: 'Architecture' },
  'architecture.critical': { nb: 'Kritiske systemer', en: 'Critical systems' },
  'architecture.comfort': { nb: 'Komfortsystemer', en: 'Comfort systems' },
  'architecture.criticalIntro': {
    nb: 'Skal virke uten den sentrale serveren.',
    en: 'Must work without the central server.',
  },
  'architecture.comfortIntro': { nb: 'Kjekt å ha; kan være sentraliserte.', en: 'Nice to have; may be centralised.' },
  'architecture.decentralised': { nb: 'Desentralisert', en: 'Decentralised' },
  'architecture.centralised': { nb: 'Sentralisert', en: 'Centralised' },
  'architecture.dependsOn': { nb: 'Avhenger av', en: 'Depends on' },
  'architecture.system': { nb: 'System', en: 'System' },
  'architecture.kind': { nb: 'Type', en: 'Kind' },
  'architecture.capabilities': { nb: 'Funksjoner', en: 'Capabilities' },
  'architecture.topology': { nb: 'Topologi', en: 'Topology' },
  'audits.title': { nb: 'Revisjonsfunn', en: 'Audit findings' },
  'audits.none': { nb: 'Ingen funn.', en: 'No findings.' },
  'audits.rule': { nb: 'Regel', en: 'Rule' },
  'audits.severity': { nb: 'Alvorlighet', en: 'Severity' },
  'audits.subject': { nb: 'Gjelder', en: 'About' },
  'audits.message': { nb: 'Funn', en: 'Finding' },
  'audits.hint': { nb: 'Hva du kan gjøre', en: 'What to do' },
  'severity.error': { nb: 'feil', en: 'error' },
  'severity.warning': { nb: 'advarsel', en: 'warning' },
  'severity.info': { nb: 'info', en: 'info' },
  'matrix.title': { nb: 'Scenariomatrise', en: 'Scenario matrix' },
  'matrix.intro': {
    nb: 'Hver funksjon i hvert scenario: ✓ virker, ! redusert, ✗ borte.',
    en: 'Every capability in every scenario: ✓ works, ! degraded, ✗ lost.',
  },
  'matrix.compactIntro': {
    nb: 'Modellen har for mange funksjoner og scenarioer til en tabell med alle: her er bare det som ikke virker, per funksjon (! redusert, ✗ borte).',
    en: 'The model has too many capabilities and scenarios for a table of all of them: this lists only what does not work, per capability (! degraded, ✗ lost).',
  },
  'matrix.notOk': { nb: 'Redusert eller borte i', en: 'Degraded or lost in' },
  'matrix.allOk': { nb: 'Virker i alle scenarioer', en: 'Works in every scenario' },
  'matrix.capability': { nb: 'Funksjon', en: 'Capability' },
  'matrix.baseline': { nb: 'Normalt', en: 'Normal' },
  'spof.title': { nb: 'Enkeltpunkter for feil', en: 'Single points of failure' },
  'spof.intro': {
    nb: 'Det som alene tar ned flest funksjoner, flest først.',
    en: 'What alone takes down the most capabilities, most first.',
  },
  'spof.what': { nb: 'Hva som feiler', en: 'What fails' },
  'spof.down': { nb: 'Funksjoner borte', en: 'Capabilities lost' },
  'spof.degraded': { nb: 'Funksjoner redusert', en: 'Capabilities degraded' },
  'spof.none': { nb: 'Ingen enkeltpunkter for feil funnet.', en: 'No single points of failure found.' },
  'startOrder.title': { nb: 'Oppstartsrekkefølge', en: 'Start order' },
  'startOrder.intro': {
    nb: 'Rekkefølgen gjestene startes i etter en omstart av verten, med kommandoene.',
    en: 'The order to start guests in after the host restarts, with the commands.',
  },
  'startOrder.position': { nb: 'Nr.', en: 'No.' },
  'startOrder.guest': { nb: 'Gjest', en: 'Guest' },
  'startOrder.command': { nb: 'Kommando', en: 'Command' },
  'startOrder.waitsFor': { nb: 'Venter på', en: 'Waits for' },
  'startOrder.stopped': { nb: 'Stoppet med vilje, startes ikke', en: 'Stopped on purpose, not started' },
  'startOrder.host': { nb: 'Vert', en: 'Host' },
  'scenario.phase': { nb: 'Fase', en: 'Phase' },
  'scenario.start': { nb: 'Ved t = 0', en: 'At t = 0' },
  'scenario.fails': { nb: 'Feiler', en: 'Fails' },
  'scenario.works': { nb: 'Virker', en: 'Works' },
  'scenario.degraded': { nb: 'Redusert', en: 'Degraded' },
  'scenario.lost': { nb: 'Borte', en: 'Lost' },
  'scenario.capabilities': { nb: 'Funksjoner', en: 'Capabilities' },
  'scenario.otherDown': { nb: 'Annet som er nede', en: 'Everything else that is down' },
  'scenario.after': { nb: 'Starter', en: 'Begins' },
  'scenario.afterMinutes': { nb: 'Etter {n} minutter', en: 'After {n} minutes' },
  'scenario.none': { nb: 'Ingen.', en: 'None.' },
  'scenario.worksOmittedMore': {
    nb: 'Ikke listet: {n} andre funksjoner (ikke kritiske) som også virker. Modellen er stor, så bare de kritiske står her.',
    en: 'Not listed: {n} other capabilities (not critical) that also work. The model is large, so only the critical ones are listed here.',
  },
  'scenario.worksOmittedAll': {
    nb: 'Ikke listet: {n} funksjoner virker – alle som ikke står som borte eller redusert over. Modellen er stor.',
    en: 'Not listed: {n} capabilities work – every one not listed as lost or degraded above. The model is large.',
  },
  'scenario.seeMatrix': { nb: 'Scenariomatrisen viser hver funksjon i hvert scenario.', en: 'The scenario matrix shows every capability in every scenario.' },
  'scenario.otherDownOmitted': {
    nb: 'Ikke listet: {n} til som var nede allerede før scenariet (stoppet, eller avhengig av noe stoppet). Modellen er stor, så bare det scenariet selv tar ned, står her.',
    en: 'Not listed: {n} more that were down before the scenario already (stopped, or needing something stopped). The model is large, so only what the scenario itself takes down is listed here.',
  },
  'scenario.diagram': { nb: 'Feilbilde', en: 'Failure picture' },
  'scenario.analysisMissing': {
    nb: 'Analysen er ikke tilgjengelig i denne byggingen.',
    en: 'The analysis is not available in this build.',
  },
  'entity.fields': { nb: 'Fakta', en: 'Facts' },
  'entity.field': { nb: 'Felt', en: 'Field' },
  'entity.value': { nb: 'Verdi', en: 'Value' },
  'entity.dependsOn': { nb: 'Avhenger av', en: 'Depends on' },
  'entity.dependedOnBy': { nb: 'Dette avhenger av den', en: 'Depended on by' },
  'entity.relation': { nb: 'Relasjon', en: 'Relation' },
  'entity.target': { nb: 'Mål', en: 'Target' },
  'entity.note': { nb: 'Merknad', en: 'Note' },
  'entity.assumed': { nb: 'antatt', en: 'assumed' },
  'entity.anyOf': { nb: 'én av gruppen holder (minst {n})', en: 'any one of the group will do (at least {n})' },
  'entity.none': { nb: 'Ingen.', en: 'None.' },
  'entity.neighbourhood': { nb: 'Nabolag', en: 'Neighbourhood' },
  'entity.guests': { nb: 'Gjester', en: 'Guests' },
  'entity.prose': { nb: 'Mer om dette', en: 'More about this' },
  'entity.notes': { nb: 'Notater', en: 'Notes' },
  'entity.state': { nb: 'Tilstand i dag', en: 'State today' },
  'entity.why': { nb: 'hvorfor', en: 'why' },
  'section.entries': { nb: 'Oppføringer', en: 'Entries' },
  'section.name': { nb: 'Navn', en: 'Name' },
  'section.status': { nb: 'Status', en: 'Status' },
  'section.summary': { nb: 'Kort', en: 'Summary' },
  'state.ok': STATE_WORDS.ok,
  'state.degraded': STATE_WORDS.degraded,
  'state.down': STATE_WORDS.down,
  'yes': { nb: 'ja', en: 'yes' },
  'no': { nb: 'nei', en: 'no' },
  'sidebar.overview': { nb: 'Oversikt', en: 'Overview' },
  'sidebar.analysis': { nb: 'Analyse', en: 'Analysis' },
  'sidebar.about': { nb: 'Om nettstedet', en: 'About the site' },
  'unit.mb': { nb: 'MB', en: 'MB' },
  'unit.gb': { nb: 'GB', en: 'GB' },
  'unit.minutes': { nb: 'min', en: 'min' },
} satisfies Dict;

export type UiKey = keyof typeof UI;

export function t(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  let text = UI[key][lang];
  for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** Kinds, singular and plural. */
export const KIND_LABEL: Record<EntityKind, { nb: [string, string]; en: [string, string] }> = {
  location: { nb: ['Sted', 'Steder'], en: ['Location', 'Locations'] },
  host: { nb: ['Vert', 'Verter'], en: ['Host', 'Hosts'] },
  guest: { nb: ['Gjest', 'Gjester (VM-er og LXC)'], en: ['Guest', 'Guests (VMs and LXCs)'] },
  network: { nb: ['Nettverk', 'Nettverk'], en: ['Network', 'Network'] },
  storage: { nb: ['Lagring', 'Lagring'], en: ['Storage', 'Storage'] },
  system: { nb: ['System', 'Systemer'], en: ['System', 'Systems'] },
  capability: { nb: ['Funksjon', 'Funksjoner'], en: ['Capability', 'Capabilities'] },
  power: { nb: ['Strøm', 'Strøm'], en: ['Power', 'Power'] },
  plan: { nb: ['Plan', 'Planer'], en: ['Plan', 'Plans'] },
  scenario: { nb: ['Scenario', 'Scenarioer'], en: ['Scenario', 'Scenarios'] },
  note: { nb: ['Notat', 'Notater'], en: ['Note', 'Notes'] },
};

export function kindLabel(kind: EntityKind, lang: Lang, plural = false): string {
  return KIND_LABEL[kind][lang][plural ? 1 : 0];
}

/** Relations written in the model and their derived inverses. */
export const RELATION_LABEL: Dict = {
  runsOn: { nb: 'kjører på', en: 'runs on' },
  runs: { nb: 'kjører', en: 'runs' },
  dependsOn: { nb: 'avhenger av', en: 'depends on' },
  dependencyOf: { nb: 'er avhengighet for', en: 'is a dependency of' },
  enhancedBy: { nb: 'forbedres av', en: 'enhanced by' },
  enhances: { nb: 'forbedrer', en: 'enhances' },
  poweredBy: { nb: 'får strøm fra', en: 'powered by' },
  powers: { nb: 'gir strøm til', en: 'powers' },
  connectsVia: { nb: 'kobler til via', en: 'connects via' },
  carries: { nb: 'bærer trafikk for', en: 'carries' },
  partOf: { nb: 'er del av', en: 'part of' },
  hasPart: { nb: 'har som del', en: 'has part' },
  locatedIn: { nb: 'står i', en: 'located in' },
  contains: { nb: 'inneholder', en: 'contains' },
};

export function relationLabel(relation: string, lang: Lang): string {
  return RELATION_LABEL[relation]?.[lang] ?? relation;
}

/** Field names of every kind, as a reader sees them. */
export const FIELD_LABEL: Dict = {
  id: { nb: 'Id', en: 'Id' },
  name: { nb: 'Navn', en: 'Name' },
  title: { nb: 'Tittel', en: 'Title' },
  description: { nb: 'Beskrivelse', en: 'Description' },
  vmid: { nb: 'VMID', en: 'VMID' },
  kind: { nb: 'Type', en: 'Kind' },
  host: { nb: 'Vert', en: 'Host' },
  status: { nb: 'Status', en: 'Status' },
  cores: { nb: 'Kjerner', en: 'Cores' },
  memoryMb: { nb: 'Minne', en: 'Memory' },
  diskGb: { nb: 'Disk', en: 'Disk' },
  tags: { nb: 'Tagger', en: 'Tags' },
  onboot: { nb: 'Starter når verten starter', en: 'Starts when the host boots' },
  startupOrder: { nb: 'Oppstartsrekkefølge i Proxmox', en: 'Proxmox startup order' },
  os: { nb: 'Operativsystem', en: 'Operating system' },
  ip: { nb: 'IP-adresse', en: 'IP address' },
  user: { nb: 'Bruker', en: 'User' },
  purpose: { nb: 'Formål', en: 'Purpose' },
  installed: { nb: 'Installert', en: 'Installed' },
  mcpServers: { nb: 'MCP-servere', en: 'MCP servers' },
  repos: { nb: 'Kodelagre', en: 'Repositories' },
  access: { nb: 'Tilgang', en: 'Access' },
  commands: { nb: 'Kommandoer', en: 'Commands' },
  hardware: { nb: 'Maskinvare', en: 'Hardware' },
  mac: { nb: 'MAC-adresse', en: 'MAC address' },
  kernel: { nb: 'Kjerne', en: 'Kernel' },
  proxmoxVersion: { nb: 'Proxmox-versjon', en: 'Proxmox version' },
  sdnZones: { nb: 'SDN-soner', en: 'SDN zones' },
  vendor: { nb: 'Leverandør', en: 'Vendor' },
  model: { nb: 'Modell', en: 'Model' },
  count: { nb: 'Antall', en: 'Count' },
  medium: { nb: 'Medium', en: 'Medium' },
  between: { nb: 'Mellom', en: 'Between' },
  orderStatus: { nb: 'Bestilling', en: 'Order status' },
  usedPercent: { nb: 'Brukt', en: 'Used' },
  category: { nb: 'Kategori', en: 'Category' },
  tier: { nb: 'Nivå', en: 'Tier' },
  decentralised: { nb: 'Desentralisert', en: 'Decentralised' },
  features: { nb: 'Egenskaper', en: 'Features' },
  runtimeMinutes: { nb: 'Driftstid alene', en: 'Runtime on its own' },
  strategy: { nb: 'Strategi', en: 'Strategy' },
  rationale: { nb: 'Begrunnelse', en: 'Rationale' },
  goal: { nb: 'Mål', en: 'Goal' },
  trigger: { nb: 'Forutsetning', en: 'Trigger' },
  steps: { nb: 'Steg', en: 'Steps' },
  adds: { nb: 'Legger til', en: 'Adds' },
  changes: { nb: 'Endrer', en: 'Changes' },
  fails: { nb: 'Feiler ved t = 0', en: 'Fails at t = 0' },
  phases: { nb: 'Faser', en: 'Phases' },
  symptoms: { nb: 'Symptomer', en: 'Symptoms' },
  body: { nb: 'Tekst', en: 'Text' },
  points: { nb: 'Punkter', en: 'Points' },
  about: { nb: 'Om', en: 'About' },
  alsoFails: { nb: 'Feiler også', en: 'Also fails' },
  after: { nb: 'Starter', en: 'Begins' },
  afterMinutesFrom: { nb: 'Tid fra', en: 'Time from' },
  text: { nb: 'Tekst', en: 'Text' },
  path: { nb: 'Sti', en: 'Path' },
  version: { nb: 'Versjon', en: 'Version' },
  run: { nb: 'Kjør', en: 'Run' },
  ref: { nb: 'Gjelder', en: 'About' },
  what: { nb: 'Hva', en: 'What' },
  atLeast: { nb: 'Minst', en: 'At least' },
  dependsOn: { nb: 'Avhenger av', en: 'Depends on' },
  enhancedBy: { nb: 'Forbedres av', en: 'Enhanced by' },
  poweredBy: { nb: 'Strøm fra', en: 'Powered by' },
  connectsVia: { nb: 'Kobler via', en: 'Connects via' },
  partOf: { nb: 'Del av', en: 'Part of' },
  locatedIn: { nb: 'Står i', en: 'Located in' },
};

export function fieldLabel(field: string, lang: Lang): string {
  return FIELD_LABEL[field]?.[lang] ?? field;
}

/**
 * Enum values worth translating; others (lvm-thin, external) are technical terms shown as written.
 * Pages and diagrams both read this, so a kind of device has one name everywhere.
 */
export const VALUE_LABEL: Dict = {
  running: { nb: 'kjører', en: 'running' },
  stopped: { nb: 'stoppet', en: 'stopped' },
  planned: { nb: 'planlagt', en: 'planned' },
  active: { nb: 'i drift', en: 'active' },
  idea: { nb: 'idé', en: 'idea' },
  ordered: { nb: 'bestilt', en: 'ordered' },
  'in-progress': { nb: 'pågår', en: 'in progress' },
  done: { nb: 'ferdig', en: 'done' },
  critical: { nb: 'kritisk', en: 'critical' },
  comfort: { nb: 'komfort', en: 'comfort' },
  lxc: { nb: 'LXC-container', en: 'LXC container' },
  qemu: { nb: 'VM (QEMU)', en: 'VM (QEMU)' },
  building: { nb: 'bygning', en: 'building' },
  room: { nb: 'rom', en: 'room' },
  area: { nb: 'område', en: 'area' },
  grid: { nb: 'strømnett', en: 'grid' },
  battery: { nb: 'batteri', en: 'battery' },
  solar: { nb: 'solceller', en: 'solar' },
  inverter: { nb: 'inverter', en: 'inverter' },
  ups: { nb: 'UPS', en: 'UPS' },
  proxmox: { nb: 'Proxmox', en: 'Proxmox' },
  'raspberry-pi': { nb: 'Raspberry Pi', en: 'Raspberry Pi' },
  gateway: { nb: 'ruter', en: 'gateway' },
  'sdn-zone': { nb: 'SDN-sone', en: 'SDN zone' },
  generator: { nb: 'aggregat', en: 'generator' },
  'wireless-mesh': { nb: 'trådløs mesh', en: 'wireless mesh' },
  fibre: { nb: 'fiber', en: 'fibre' },
  copper: { nb: 'kobber', en: 'copper' },
  satellite: { nb: 'satellitt', en: 'satellite' },
  'building-automation': { nb: 'bygningsautomasjon', en: 'building automation' },
  radio: { nb: 'radio', en: 'radio' },
  surveillance: { nb: 'overvåking', en: 'surveillance' },
  automation: { nb: 'automasjon', en: 'automation' },
  agents: { nb: 'agenter', en: 'agents' },
  'access-point': { nb: 'tilgangspunkt', en: 'access point' },
  switch: { nb: 'svitsj', en: 'switch' },
  camera: { nb: 'kamera', en: 'camera' },
  link: { nb: 'forbindelse', en: 'link' },
  isp: { nb: 'internettleverandør', en: 'internet provider' },
  external: { nb: 'ekstern', en: 'external' },
};

export function valueLabel(value: string, lang: Lang): string {
  return VALUE_LABEL[value]?.[lang] ?? value;
}

/** Section slugs of pages that are not entity pages. */
export const PAGE_SLUGS = {
  architecture: 'architecture',
  matrix: 'scenario-matrix',
  spof: 'single-points-of-failure',
  audits: 'audits',
  startOrder: 'start-order',
} as const;

export function otherLang(lang: Lang): Lang {
  return lang === 'nb' ? 'en' : 'nb';
}

/** Format a number the way the language does (decimal comma in nb). */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}
