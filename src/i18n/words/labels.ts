/**
 * Labels for the model's own open vocabularies: entity kinds, relations, field names, enum values
 * and audit rule ids. Part of the one word store (src/i18n/store.ts): look them up with
 * kindLabel/relationLabel/fieldLabel/valueLabel/ruleTitle there (a value without a label is shown
 * as written). Kinds are keyed by the entity kind type, so a new kind without words does not compile.
 */
import type { Lang } from '../../model/entities.ts';
import type { EntityKind } from '../../model/refs.ts';
import type { Word } from './define.ts';

type Dict = Record<string, Word>;

/** A kind's words in one language. */
export interface KindWords {
  /** Page and table headings: "Vert", "Verter"; "Gjester (VM-er og LXC)". */
  one: string;
  many: string;
  /** Counts in summarised drawings: "1 maskin", "12 maskiner". */
  count: readonly [one: string, many: string];
}

export const KIND_WORDS: Record<EntityKind, Record<Lang, KindWords>> = {
  location: {
    nb: { one: 'Sted', many: 'Steder', count: ['sted', 'steder'] },
    en: { one: 'Location', many: 'Locations', count: ['location', 'locations'] },
  },
  host: {
    nb: { one: 'Vert', many: 'Verter', count: ['maskin', 'maskiner'] },
    en: { one: 'Host', many: 'Hosts', count: ['host', 'hosts'] },
  },
  cluster: {
    nb: { one: 'Klynge', many: 'Klynger', count: ['klynge', 'klynger'] },
    en: { one: 'Cluster', many: 'Clusters', count: ['cluster', 'clusters'] },
  },
  guest: {
    nb: { one: 'Gjest', many: 'Gjester (VM-er og LXC)', count: ['gjest', 'gjester'] },
    en: { one: 'Guest', many: 'Guests (VMs and LXCs)', count: ['guest', 'guests'] },
  },
  network: {
    nb: { one: 'Nettverk', many: 'Nettverk', count: ['nettenhet', 'nettenheter'] },
    en: { one: 'Network', many: 'Network', count: ['network device', 'network devices'] },
  },
  storage: {
    nb: { one: 'Lagring', many: 'Lagring', count: ['lagring', 'lagringer'] },
    en: { one: 'Storage', many: 'Storage', count: ['storage pool', 'storage pools'] },
  },
  system: {
    nb: { one: 'System', many: 'Systemer', count: ['system', 'systemer'] },
    en: { one: 'System', many: 'Systems', count: ['system', 'systems'] },
  },
  capability: {
    nb: { one: 'Funksjon', many: 'Funksjoner', count: ['funksjon', 'funksjoner'] },
    en: { one: 'Capability', many: 'Capabilities', count: ['capability', 'capabilities'] },
  },
  power: {
    nb: { one: 'Strøm', many: 'Strøm', count: ['strømkilde', 'strømkilder'] },
    en: { one: 'Power', many: 'Power', count: ['power source', 'power sources'] },
  },
  plan: { nb: { one: 'Plan', many: 'Planer', count: ['plan', 'planer'] }, en: { one: 'Plan', many: 'Plans', count: ['plan', 'plans'] } },
  scenario: {
    nb: { one: 'Scenario', many: 'Scenarioer', count: ['scenario', 'scenarioer'] },
    en: { one: 'Scenario', many: 'Scenarios', count: ['scenario', 'scenarios'] },
  },
  note: {
    nb: { one: 'Notat', many: 'Notater', count: ['notat', 'notater'] },
    en: { one: 'Note', many: 'Notes', count: ['note', 'notes'] },
  },
};

/** What each audit rule checks, as a heading a homeowner understands (the rule id stays in a tooltip). */
export const RULE_TITLE: Dict = {
  'critical-survives': { nb: 'Det kritiske virker uten serveren', en: 'The critical things work without the server' },
  'false-redundancy': { nb: 'Reserven har et felles svakt punkt', en: 'The backup shares a weak point' },
  'runbook-reachable': { nb: 'Driftshåndboka må finnes på papir', en: 'The runbook must be on paper' },
  'stopped-dependency': { nb: 'Noe som kjører, trenger noe som er stoppet', en: 'Something running needs something stopped' },
  'translation-missing': { nb: 'Tekst mangler på ett av språkene', en: 'Text missing in one of the languages' },
  'stated-summary': { nb: 'Tallene stemmer ikke med dokumentasjonen', en: 'The numbers disagree with the documentation' },
  'todo-text': { nb: 'Tekst som ikke er skrevet ennå', en: 'Text not written yet' },
};

/** Relations written in the model and their derived inverses. */
export const RELATION_LABEL: Dict = {
  runsOn: { nb: 'kjører på', en: 'runs on' },
  runs: { nb: 'kjører', en: 'runs' },
  dependsOn: { nb: 'avhenger av', en: 'depends on' },
  dependencyOf: { nb: 'er avhengighet for', en: 'is a dependency of' },
  enhancedBy: { nb: 'blir bedre med', en: 'works better with' },
  enhances: { nb: 'gjør bedre', en: 'improves' },
  poweredBy: { nb: 'får strøm fra', en: 'powered by' },
  powers: { nb: 'gir strøm til', en: 'powers' },
  connectsVia: { nb: 'kobler til via', en: 'connects via' },
  carries: { nb: 'bærer trafikk for', en: 'carries' },
  partOf: { nb: 'er del av', en: 'part of' },
  hasPart: { nb: 'har som del', en: 'has part' },
  locatedIn: { nb: 'står i', en: 'located in' },
  contains: { nb: 'inneholder', en: 'contains' },
  uplink: { nb: 'kobles opp mot', en: 'uplinks to' },
  downlink: { nb: 'gir oppkobling til', en: 'is the uplink of' },
};

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
  reach: { nb: 'Adresser og tilgang', en: 'Addresses and access' },
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
  startDelayMinutes: { nb: 'Starter etter', en: 'Starts after' },
  fieldProtocol: { nb: 'Feltprotokoll', en: 'Field protocol' },
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
  enhancedBy: { nb: 'Blir bedre med', en: 'Works better with' },
  poweredBy: { nb: 'Strøm fra', en: 'Powered by' },
  connectsVia: { nb: 'Kobler via', en: 'Connects via' },
  partOf: { nb: 'Del av', en: 'Part of' },
  locatedIn: { nb: 'Står i', en: 'Located in' },
  uplink: { nb: 'Oppkobling', en: 'Uplink' },
  links: { nb: 'Koblinger som endres', en: 'Links it changes' },
  relation: { nb: 'Relasjon', en: 'Relation' },
  add: { nb: 'Ny kobling til', en: 'New link to' },
  remove: { nb: 'Fjerner kobling til', en: 'Removes link to' },
  via: { nb: 'Via', en: 'Via' },
  assumed: { nb: 'Antatt', en: 'Assumed' },
  why: { nb: 'Hvorfor', en: 'Why' },
  sensitive: { nb: 'Sensitivt', en: 'Sensitive' },
  nodes: { nb: 'Noder', en: 'Nodes' },
  votes: { nb: 'Stemmer', en: 'Votes' },
  qdevice: { nb: 'QDevice (ekstra stemme)', en: 'QDevice (extra vote)' },
  ha: { nb: 'HA (høy tilgjengelighet)', en: 'HA (high availability)' },
  cluster: { nb: 'Klynge', en: 'Cluster' },
  group: { nb: 'Tillatte noder', en: 'Allowed nodes' },
  preferred: { nb: 'Foretrukket node', en: 'Preferred node' },
  type: { nb: 'Lagringstype', en: 'Storage type' },
  osdNodes: { nb: 'OSD-noder', en: 'OSD nodes' },
  monitors: { nb: 'Monitorer', en: 'Monitors' },
  replicas: { nb: 'Kopier', en: 'Replicas' },
  minSize: { nb: 'Minste antall kopier for skriving', en: 'Copies needed for I/O (min_size)' },
  server: { nb: 'Server', en: 'Server' },
  replication: { nb: 'Replikering', en: 'Replication' },
  to: { nb: 'Til', en: 'To' },
  schedule: { nb: 'Hvor ofte', en: 'Schedule' },
};

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
  ont: { nb: 'fiberboks (ONT)', en: 'fibre terminal (ONT)' },
  'cellular-router': { nb: 'mobilruter (4G/5G)', en: 'cellular router (4G/5G)' },
  cellular: { nb: 'mobilnett (4G/5G)', en: 'cellular (4G/5G)' },
  nas: { nb: 'NAS (nettverkslagring)', en: 'NAS (network storage)' },
  plc: { nb: 'PLS (styring)', en: 'PLC (controller)' },
  'modbus-tcp': { nb: 'Modbus TCP', en: 'Modbus TCP' },
  'modbus-rtu': { nb: 'Modbus RTU', en: 'Modbus RTU' },
  profinet: { nb: 'PROFINET', en: 'PROFINET' },
  profibus: { nb: 'PROFIBUS', en: 'PROFIBUS' },
  'ethernet-ip': { nb: 'EtherNet/IP', en: 'EtherNet/IP' },
  bacnet: { nb: 'BACnet', en: 'BACnet' },
  knx: { nb: 'KNX', en: 'KNX' },
  'opc-ua': { nb: 'OPC UA', en: 'OPC UA' },
  canopen: { nb: 'CANopen', en: 'CANopen' },
};
