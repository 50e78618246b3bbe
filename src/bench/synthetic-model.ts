/**
 * A synthetic model for the benchmark: `scale` copies ("clusters") of a Saghaugen-shaped
 * infrastructure, each with its own buildings, Proxmox host, guests, network, power, systems,
 * capabilities, plans, scenarios and notes, plus a few soft links between clusters so that the
 * graph is one connected whole rather than `scale` islands.
 *
 * Pure and deterministic: the same (scale, seed) gives the same model, byte for byte. The variation
 * between clusters (extra capability edges, sizes, which guests are stopped) comes from a small
 * seeded PRNG, never from Math.random or the clock. Every edge between capabilities points from a
 * later one to an earlier one (within a cluster by template order, across clusters to a lower
 * cluster), so the dependency graph is acyclic by construction.
 *
 * Node-only I/O (writing YAML) lives in `write-synthetic-model.ts`.
 */
import type { Model } from '../model/schema/model.ts';
import { KIND_SECTION_NAMES } from '../model/kinds.ts';

/** Counts per cluster, i.e. per 1× of the Saghaugen model. */
export const CLUSTER_SIZE = {
  locations: 2,
  hosts: 3,
  guests: 16,
  network: 10,
  storage: 3,
  systems: 13,
  capabilities: 18,
  power: 7,
  plans: 4,
  scenarios: 5,
  notes: 2,
} as const;

/** mulberry32: a tiny, well-known 32-bit PRNG; good enough to vary a benchmark model. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Text = { nb: string; en: string };
const t = (nb: string, en: string): Text => ({ nb, en });

interface GuestTemplate {
  id: string;
  kind: 'lxc' | 'qemu';
  stopped?: boolean;
  dependsOn?: string[];
  enhancedBy?: string[];
  purpose: Text;
  software: string;
}

/** The 16 guests of one cluster; dependencies only point to earlier guests. */
const GUESTS: GuestTemplate[] = [
  {
    id: 'mqtt',
    kind: 'lxc',
    purpose: t('MQTT-megler for sensorer og automasjon', 'MQTT broker for sensors and automation'),
    software: 'emqx',
  },
  {
    id: 'docker',
    kind: 'lxc',
    purpose: t('Docker-tjenester (dokumentasjon, verktøy)', 'Docker services (documentation, tools)'),
    software: 'docker',
  },
  {
    id: 'zigbee',
    kind: 'lxc',
    dependsOn: ['mqtt'],
    purpose: t('Zigbee-koordinator for huset', 'Zigbee coordinator for the house'),
    software: 'zigbee2mqtt',
  },
  {
    id: 'zigbee-garage',
    kind: 'lxc',
    stopped: true,
    dependsOn: ['mqtt'],
    purpose: t('Zigbee for garasjen (venter på USB/IP)', 'Zigbee for the garage (waiting for USB/IP)'),
    software: 'zigbee2mqtt',
  },
  { id: 'zwave', kind: 'lxc', dependsOn: ['mqtt'], purpose: t('Z-Wave for huset', 'Z-Wave for the house'), software: 'zwave-js-ui' },
  {
    id: 'zwave-garage',
    kind: 'lxc',
    stopped: true,
    dependsOn: ['mqtt'],
    purpose: t('Z-Wave for låven', 'Z-Wave for the barn'),
    software: 'zwave-js-ui',
  },
  { id: 'esphome', kind: 'lxc', purpose: t('ESPHome-enheter', 'ESPHome devices'), software: 'esphome' },
  {
    id: 'homeassistant',
    kind: 'qemu',
    dependsOn: ['mqtt'],
    enhancedBy: ['zigbee', 'zwave', 'esphome'],
    purpose: t('Home Assistant: automasjoner og dashbord', 'Home Assistant: automations and dashboards'),
    software: 'home-assistant-os',
  },
  {
    id: 'node-red',
    kind: 'lxc',
    dependsOn: ['mqtt', 'homeassistant'],
    purpose: t('Flyter i Node-RED', 'Node-RED flows'),
    software: 'node-red',
  },
  {
    id: 'nvr',
    kind: 'lxc',
    dependsOn: ['mqtt'],
    purpose: t('Videoopptak med objektgjenkjenning', 'Video recording with object detection'),
    software: 'frigate',
  },
  {
    id: 'lora-server',
    kind: 'lxc',
    dependsOn: ['mqtt'],
    purpose: t('LoRaWAN-nettverksserver', 'LoRaWAN network server'),
    software: 'chirpstack',
  },
  { id: 'grafana', kind: 'lxc', dependsOn: ['mqtt'], purpose: t('Dashbord og målinger', 'Dashboards and metrics'), software: 'grafana' },
  {
    id: 'inventory',
    kind: 'lxc',
    dependsOn: ['docker'],
    purpose: t('Oversikt over ting i huset', 'Household inventory'),
    software: 'homebox',
  },
  { id: 'archive', kind: 'lxc', purpose: t('Dokumentarkiv med OCR', 'Document archive with OCR'), software: 'paperless-ngx' },
  {
    id: 'agents',
    kind: 'lxc',
    dependsOn: ['docker'],
    purpose: t('Arbeidsplass for kodeagenter', 'Workspace for coding agents'),
    software: 'claude-code',
  },
  { id: 'admin-desktop', kind: 'qemu', purpose: t('Windows for administrasjon', 'Windows for administration'), software: 'windows-11' },
];

interface SystemTemplate {
  id: string;
  category: 'building-automation' | 'radio' | 'surveillance' | 'automation' | 'network' | 'agents';
  tier: 'critical' | 'comfort';
  decentralised: boolean;
  dependsOn?: string[];
  name: string;
}

/** Refs here are template-relative (`guest:mqtt`); `localRef` suffixes them with the cluster. */
const SYSTEMS: SystemTemplate[] = [
  { id: 'knx', name: 'KNX', category: 'building-automation', tier: 'critical', decentralised: true },
  { id: 'dali', name: 'DALI', category: 'building-automation', tier: 'critical', decentralised: true },
  { id: 'modbus', name: 'Modbus', category: 'building-automation', tier: 'critical', decentralised: true },
  {
    id: 'lorawan',
    name: 'LoRaWAN',
    category: 'radio',
    tier: 'critical',
    decentralised: true,
    dependsOn: ['host:gw-pi', 'guest:lora-server'],
  },
  {
    id: 'protect',
    name: 'UniFi Protect',
    category: 'surveillance',
    tier: 'critical',
    decentralised: false,
    dependsOn: ['network:gateway', 'network:cameras'],
  },
  { id: 'zigbee', name: 'Zigbee', category: 'radio', tier: 'comfort', decentralised: false, dependsOn: ['guest:zigbee'] },
  { id: 'zwave', name: 'Z-Wave', category: 'radio', tier: 'comfort', decentralised: false, dependsOn: ['guest:zwave'] },
  {
    id: 'home-assistant',
    name: 'Home Assistant',
    category: 'automation',
    tier: 'comfort',
    decentralised: false,
    dependsOn: ['guest:homeassistant'],
  },
  { id: 'node-red', name: 'Node-RED', category: 'automation', tier: 'comfort', decentralised: false, dependsOn: ['guest:node-red'] },
  {
    id: 'frigate',
    name: 'Frigate',
    category: 'surveillance',
    tier: 'comfort',
    decentralised: false,
    dependsOn: ['guest:nvr', 'network:cameras'],
  },
  { id: 'esphome', name: 'ESPHome', category: 'automation', tier: 'comfort', decentralised: false, dependsOn: ['guest:esphome'] },
  { id: 'unifi', name: 'UniFi', category: 'network', tier: 'critical', decentralised: true, dependsOn: ['network:gateway'] },
  { id: 'agents', name: 'Claude Code', category: 'agents', tier: 'comfort', decentralised: false, dependsOn: ['guest:agents'] },
];

type Dep = string | { anyOf: string[] };
interface CapabilityTemplate {
  id: string;
  tier: 'critical' | 'comfort';
  title: Text;
  dependsOn: Dep[];
  enhancedBy?: string[];
}

/** Capability→capability edges only point to earlier capabilities (acyclic). */
const CAPABILITIES: CapabilityTemplate[] = [
  { id: 'wall-switches', tier: 'critical', title: t('Lys fra veggbrytere', 'Lights from wall switches'), dependsOn: ['system:knx'] },
  { id: 'dali-lighting', tier: 'critical', title: t('DALI-belysning', 'DALI lighting'), dependsOn: ['system:dali'] },
  { id: 'modbus-control', tier: 'critical', title: t('Styring over Modbus', 'Control over Modbus'), dependsOn: ['system:modbus'] },
  {
    id: 'internet',
    tier: 'critical',
    title: t('Internett', 'Internet'),
    dependsOn: ['network:gateway', { anyOf: ['network:isp-sat', 'network:isp-fibre'] }],
  },
  {
    id: 'lora-readings',
    tier: 'critical',
    title: t('Avlesninger fra LoRaWAN-sensorer', 'LoRaWAN sensor readings'),
    dependsOn: ['system:lorawan'],
  },
  {
    id: 'camera-recording',
    tier: 'critical',
    title: t('Kameraopptak', 'Camera recording'),
    dependsOn: [{ anyOf: ['system:protect', 'system:frigate'] }],
  },
  {
    id: 'object-detection',
    tier: 'comfort',
    title: t('Objektgjenkjenning', 'Object detection'),
    dependsOn: ['system:frigate'],
    enhancedBy: ['capability:camera-recording'],
  },
  {
    id: 'zigbee-scenes',
    tier: 'comfort',
    title: t('Zigbee-scener', 'Zigbee scenes'),
    dependsOn: ['system:zigbee', 'system:home-assistant'],
  },
  { id: 'zwave-devices', tier: 'comfort', title: t('Z-Wave-enheter', 'Z-Wave devices'), dependsOn: ['system:zwave'] },
  {
    id: 'automations',
    tier: 'comfort',
    title: t('Automasjoner i huset', 'Home automations'),
    dependsOn: ['system:home-assistant'],
    enhancedBy: ['system:node-red'],
  },
  { id: 'remote-access', tier: 'comfort', title: t('Fjerntilgang', 'Remote access'), dependsOn: ['capability:internet'] },
  {
    id: 'network-barn',
    tier: 'critical',
    title: t('Nettverk i garasje/låve', 'Network in the garage/barn'),
    dependsOn: [{ anyOf: ['network:mesh-link', 'network:fibre-link'] }],
  },
  { id: 'docs-online', tier: 'comfort', title: t('Dokumentasjonen på nett', 'Documentation online'), dependsOn: ['guest:docker'] },
  { id: 'document-archive', tier: 'comfort', title: t('Dokumentarkiv', 'Document archive'), dependsOn: ['guest:archive'] },
  { id: 'inventory', tier: 'comfort', title: t('Oversikt over eiendeler', 'Household inventory'), dependsOn: ['guest:inventory'] },
  { id: 'dashboards', tier: 'comfort', title: t('Overvåkingsdashbord', 'Monitoring dashboards'), dependsOn: ['guest:grafana'] },
  {
    id: 'agent-workspace',
    tier: 'comfort',
    title: t('Arbeidsplass for agenter', 'Agent workspace'),
    dependsOn: ['system:agents'],
    enhancedBy: ['capability:internet'],
  },
  {
    id: 'admin-desktop',
    tier: 'comfort',
    title: t('Administrasjons-PC', 'Admin desktop'),
    dependsOn: ['guest:admin-desktop'],
    enhancedBy: ['capability:remote-access'],
  },
];

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

/** Number of Saghaugen-sized clusters for a scale (at least 1; fractional scales round). */
export function clusterCount(scale: number): number {
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`scale must be a positive number, got ${scale}`);
  return Math.max(1, Math.round(scale));
}

/**
 * A valid model about `scale` × the size of the Saghaugen model.
 * Returns the authored form (what the YAML holds), with every defaulted field written out, so it is
 * both valid `ModelSchema` input and equal to its parsed output.
 */
export function syntheticModel(scale: number, seed = 1): Model {
  const clusters = clusterCount(scale);
  const rand = prng(seed);
  const model: Model = {
    site: syntheticSite(clusters),
    // Every kind's section, empty (src/model/kinds.ts).
    ...(Object.fromEntries(KIND_SECTION_NAMES.map((section) => [section, []])) as unknown as Omit<Model, 'site'>),
  };
  // One cluster after the other, and within one the sections in this order: the seeded PRNG is
  // drawn from in this order (cameras, storage, guests, capabilities), so the order is the model.
  for (let c = 0; c < clusters; c++) {
    const cluster = clusterOf(c, rand);
    model.locations.push(...locations(cluster));
    model.power.push(...power(cluster));
    model.network.push(...network(cluster));
    model.hosts.push(...hosts(cluster));
    model.storage.push(...storage(cluster));
    model.guests.push(...guests(cluster));
    model.systems.push(...systems(cluster));
    model.capabilities.push(...capabilities(cluster));
    model.plans.push(...plans(cluster));
    model.scenarios.push(...scenarios(cluster));
    model.notes.push(...notes(cluster));
  }
  return model;
}

type Section<K extends keyof Model> = Model[K] extends (infer E)[] ? E : never;

/** One cluster's numbering: its index, the suffix every id of it carries, its label in titles. */
interface Cluster {
  c: number;
  /** `-000`, `-001` … */
  sfx: string;
  /** `#0`, `#1` … */
  label: string;
  /** The model's one seeded PRNG (shared by every cluster, drawn from in section order). */
  rand: () => number;
  /** `kind:id` (template id) → the cluster's ref. */
  ref: (r: string) => string;
  /** A template dependency (a ref or an anyOf of refs) → the cluster's. */
  dep: (d: Dep) => NonNullable<Section<'capabilities'>['dependsOn']>[number];
}

function clusterOf(c: number, rand: () => number): Cluster {
  const sfx = `-${pad(c)}`;
  const ref = (r: string) => `${r}${sfx}`;
  return { c, sfx, label: `#${c}`, rand, ref, dep: (d) => (typeof d === 'string' ? ref(d) : { anyOf: d.anyOf.map(ref) }) };
}

function syntheticSite(clusters: number): Model['site'] {
  return {
    name: 'Syntetisk',
    title: t(`Syntetisk driftsbok (${clusters}×)`, `Synthetic runbook (${clusters}×)`),
    tagline: t('Generert for ytelsesmåling', 'Generated for benchmarking'),
    description: t(
      `En generert modell med ${clusters} kopier av et lite gårdsbruk: hus, låve, Proxmox og æøå.`,
      `A generated model with ${clusters} copies of a small farm: house, barn, Proxmox and æøå.`,
    ),
    documented: '2026-11-25',
    source: 'src/bench/synthetic-model.ts',
    locales: ['nb', 'en'],
    principles: [
      {
        id: 'critical-decentralised',
        title: t('Kritiske systemer er desentraliserte', 'Critical systems are decentralised'),
        text: t('Det som må virke, skal virke uten den sentrale serveren.', 'What must work shall work without the central server.'),
      },
    ],
    docsCapability: `capability:docs-online-${pad(0)}`,
  };
}

function locations({ sfx, label }: Cluster): Section<'locations'>[] {
  return [
    { id: `house${sfx}`, name: `house${sfx}`, title: t(`Huset ${label}`, `The house ${label}`), kind: 'building' },
    { id: `barn${sfx}`, name: `barn${sfx}`, title: t(`Garasje/låve ${label}`, `Garage/barn ${label}`), kind: 'building' },
  ];
}

function power({ sfx }: Cluster): Section<'power'>[] {
  return [
    { id: `grid${sfx}`, name: `grid${sfx}`, title: t('Strømnettet', 'The grid'), kind: 'grid', status: 'active' },
    { id: `ups-battery${sfx}`, name: `ups-battery${sfx}`, title: t('UPS-batteri', 'UPS battery'), kind: 'battery', status: 'active' },
    {
      id: `ups${sfx}`,
      name: `ups${sfx}`,
      kind: 'ups',
      status: 'active',
      locatedIn: `location:house${sfx}`,
      poweredBy: [{ anyOf: [`power:grid${sfx}`, `power:ups-battery${sfx}`] }],
      description: t('Holder nettverket oppe når strømmen går.', 'Keeps the network up when the power goes.'),
    },
    { id: `solar${sfx}`, name: `solar${sfx}`, title: t('Solceller', 'Solar panels'), kind: 'solar', status: 'planned' },
    { id: `battery-bank${sfx}`, name: `battery-bank${sfx}`, title: t('Batteribank', 'Battery bank'), kind: 'battery', status: 'planned' },
    {
      id: `inverter${sfx}`,
      name: `inverter${sfx}`,
      title: t('Hybridinverter', 'Hybrid inverter'),
      kind: 'inverter',
      status: 'planned',
      poweredBy: [{ anyOf: [`power:solar${sfx}`, `power:battery-bank${sfx}`, `power:generator${sfx}`] }],
    },
    {
      id: `generator${sfx}`,
      name: `generator${sfx}`,
      title: t('Dieselaggregat', 'Diesel generator'),
      kind: 'generator',
      status: 'planned',
    },
  ];
}

/** Uses the PRNG once (the camera count). */
function network({ c, sfx, rand }: Cluster): Section<'network'>[] {
  const out: Section<'network'>[] = [];
  const net = (id: string, kind: Section<'network'>['kind'], extra: Partial<Section<'network'>> = {}) =>
    out.push({ id: `${id}${sfx}`, name: `${id}${sfx}`, kind, status: 'active', ...extra });
  net('isp-sat', 'isp', { medium: 'satellite', vendor: 'Starlink', poweredBy: [`power:ups${sfx}`] });
  net('isp-fibre', 'isp', {
    medium: 'fibre',
    status: 'planned',
    orderStatus: t('Bestilt, leveringsdato ukjent', 'Ordered, delivery date unknown'),
  });
  net('gateway', 'gateway', {
    vendor: 'Ubiquiti',
    model: 'UDM-Pro',
    poweredBy: [`power:ups${sfx}`],
    locatedIn: `location:house${sfx}`,
    ip: `10.${c % 250}.0.1`,
  });
  net('switches', 'switch', {
    vendor: 'Ubiquiti',
    count: 2 + (c % 3),
    poweredBy: [`power:ups${sfx}`],
    connectsVia: [`network:gateway${sfx}`],
  });
  net('ap-house', 'access-point', { vendor: 'Ubiquiti', model: 'U7 Outdoor', connectsVia: [`network:switches${sfx}`] });
  net('mesh-link', 'link', {
    medium: 'wireless-mesh',
    between: [`location:house${sfx}`, `location:barn${sfx}`],
    connectsVia: [`network:ap-house${sfx}`],
  });
  net('fibre-link', 'link', { medium: 'fibre', status: 'planned', between: [`location:house${sfx}`, `location:barn${sfx}`] });
  net('ap-barn', 'access-point', {
    vendor: 'Ubiquiti',
    model: 'U7 Outdoor',
    locatedIn: `location:barn${sfx}`,
    connectsVia: [{ anyOf: [`network:mesh-link${sfx}`, `network:fibre-link${sfx}`] }],
  });
  net('cameras', 'camera', {
    vendor: 'Ubiquiti',
    count: 4 + Math.floor(rand() * 8),
    poweredBy: [`power:ups${sfx}`],
    connectsVia: [`network:switches${sfx}`],
  });
  net('sdn', 'sdn-zone', { partOf: `host:pve${sfx}` });
  return out;
}

function hosts({ c, sfx }: Cluster): Section<'hosts'>[] {
  return [
    {
      id: `pve${sfx}`,
      name: `pve${sfx}`,
      kind: 'proxmox',
      status: 'active',
      hardware: 'Generic x86 server',
      ip: `10.${c % 250}.0.205`,
      os: 'Proxmox VE',
      kernel: '6.8.12-4-pve',
      proxmoxVersion: '8.3.0',
      locatedIn: `location:house${sfx}`,
      poweredBy: [`power:grid${sfx}`],
      connectsVia: [`network:switches${sfx}`],
      sdnZones: [{ id: 'localnetwork', description: t('Lokalt SDN-nett', 'Local SDN network') }],
      access: t('SSH som root fra admin-PC-en.', 'SSH as root from the admin PC.'),
    },
    {
      id: `gw-pi${sfx}`,
      name: `gw-pi${sfx}`,
      kind: 'raspberry-pi',
      status: 'active',
      hardware: 'Raspberry Pi 4 + Sx1202',
      locatedIn: `location:house${sfx}`,
      poweredBy: [`power:ups${sfx}`],
      connectsVia: [`network:switches${sfx}`],
    },
    {
      id: `cm4${sfx}`,
      name: `cm4${sfx}`,
      kind: 'raspberry-pi',
      status: 'planned',
      hardware: 'Raspberry Pi 4 (CM4 on carrier board)',
      locatedIn: `location:barn${sfx}`,
    },
  ];
}

/** Uses the PRNG twice (how full the two disks are). */
function storage({ sfx, rand }: Cluster): Section<'storage'>[] {
  return [
    { id: `local${sfx}`, name: `local${sfx}`, host: `pve${sfx}`, kind: 'local', usedPercent: Math.round(rand() * 1000) / 10 },
    { id: `local-lvm${sfx}`, name: `local-lvm${sfx}`, host: `pve${sfx}`, kind: 'lvm-thin', usedPercent: Math.round(rand() * 1000) / 10 },
    { id: `ext${sfx}`, name: `ext${sfx}`, host: `pve${sfx}`, kind: 'external' },
  ];
}

/** Uses the PRNG three times per guest (cores, memory, disk). */
function guests({ c, sfx, rand }: Cluster): Section<'guests'>[] {
  return GUESTS.map((g, i) => ({
    id: `${g.id}${sfx}`,
    name: `${g.id}${sfx}`,
    vmid: 100 + c * 1000 + i,
    kind: g.kind,
    host: `pve${sfx}`,
    status: g.stopped ? 'stopped' : 'running',
    cores: 1 + Math.floor(rand() * 4),
    memoryMb: 512 * (1 + Math.floor(rand() * 8)),
    diskGb: 4 + Math.floor(rand() * 60),
    tags: [g.kind === 'qemu' ? 'vm' : 'ct', g.id.split('-')[0]!],
    os: g.kind === 'qemu' ? 'Linux' : 'Debian 12',
    ip: `10.${c % 250}.${1 + Math.floor(i / 200)}.${10 + i}`,
    purpose: g.purpose,
    installed: [{ name: g.software, version: `${1 + (c % 9)}.${i}.0` }],
    ...(g.dependsOn ? { dependsOn: g.dependsOn.map((d) => `guest:${d}${sfx}`) } : {}),
    ...(g.enhancedBy ? { enhancedBy: g.enhancedBy.map((d) => `guest:${d}${sfx}`) } : {}),
    connectsVia: [`network:sdn${sfx}`],
  }));
}

function systems({ sfx, label, ref }: Cluster): Section<'systems'>[] {
  return SYSTEMS.map((s) => ({
    id: `${s.id}${sfx}`,
    name: `${s.name} ${label}`,
    category: s.category,
    tier: s.tier,
    decentralised: s.decentralised,
    status: 'active',
    description: t(
      `${s.name} i klynge ${label}: «${s.tier === 'critical' ? 'kritisk' : 'komfort'}».`,
      `${s.name} in cluster ${label}: "${s.tier}".`,
    ),
    ...(s.dependsOn ? { dependsOn: s.dependsOn.map(ref) } : {}),
    features: [t('Virker lokalt', 'Works locally')],
  }));
}

/**
 * The template edges, plus seeded extra soft edges to earlier capabilities (same cluster) and to a
 * capability in an earlier cluster. Uses the PRNG per capability.
 */
function capabilities({ c, sfx, label, rand, ref, dep }: Cluster): Section<'capabilities'>[] {
  return CAPABILITIES.map((cap, i) => {
    const enhancedBy = (cap.enhancedBy ?? []).map(ref);
    if (i > 0 && rand() < 0.3) {
      const j = Math.floor(rand() * i);
      const target = `capability:${CAPABILITIES[j]!.id}${sfx}`;
      if (!enhancedBy.includes(target) && !cap.dependsOn.includes(`capability:${CAPABILITIES[j]!.id}`)) enhancedBy.push(target);
    }
    if (c > 0 && rand() < 0.15) {
      const other = Math.floor(rand() * c);
      enhancedBy.push(`capability:${CAPABILITIES[Math.floor(rand() * CAPABILITIES.length)]!.id}-${pad(other)}`);
    }
    return {
      id: `${cap.id}${sfx}`,
      name: `${cap.id}${sfx}`,
      title: t(`${cap.title.nb} ${label}`, `${cap.title.en} ${label}`),
      tier: cap.tier,
      status: 'active',
      dependsOn: cap.dependsOn.map(dep),
      ...(enhancedBy.length ? { enhancedBy } : {}),
    };
  });
}

function plans({ sfx, label }: Cluster): Section<'plans'>[] {
  return [
    {
      id: `usbip${sfx}`,
      name: `usbip${sfx}`,
      title: t(`USB/IP fra garasjen ${label}`, `USB/IP from the garage ${label}`),
      status: 'planned',
      rationale: t('Radioene må stå i garasjen, tjenestene på Proxmox.', 'The radios must be in the garage, the services on Proxmox.'),
      steps: [
        t('Sett opp CM4 med PoE', 'Set up the CM4 with PoE'),
        t('Del USB over IP', 'Share USB over IP'),
        t('Start LXC-ene', 'Start the LXCs'),
      ],
      adds: [`host:cm4${sfx}`],
      changes: [
        { ref: `guest:zigbee-garage${sfx}`, what: t('Startes når USB/IP virker', 'Started once USB/IP works') },
        { ref: `guest:zwave-garage${sfx}`, what: t('Startes når USB/IP virker', 'Started once USB/IP works') },
      ],
    },
    {
      id: `energy${sfx}`,
      name: `energy${sfx}`,
      title: t(`Energiautonomi ${label}`, `Energy autonomy ${label}`),
      status: 'idea',
      goal: t('Klare seg uten nettet i flere døgn.', 'Run without the grid for days.'),
      adds: [`power:solar${sfx}`, `power:battery-bank${sfx}`, `power:inverter${sfx}`, `power:generator${sfx}`],
    },
    {
      id: `fibre${sfx}`,
      name: `fibre${sfx}`,
      title: t(`Fiber mellom byggene ${label}`, `Fibre between the buildings ${label}`),
      status: 'ordered',
      trigger: t('Grøfta er gravd.', 'The trench is dug.'),
      adds: [`network:fibre-link${sfx}`, `network:isp-fibre${sfx}`],
    },
    {
      id: `move-network${sfx}`,
      name: `move-network${sfx}`,
      title: t(`Flytt nettverket til låven ${label}`, `Move the network to the barn ${label}`),
      status: 'idea',
      changes: [{ ref: `network:gateway${sfx}`, what: t('Flyttes til låven', 'Moved to the barn') }],
    },
  ];
}

function scenarios({ sfx, label }: Cluster): Section<'scenarios'>[] {
  return [
    {
      id: `proxmox-down${sfx}`,
      title: t(`Proxmox nede ${label}`, `Proxmox down ${label}`),
      fails: [`host:pve${sfx}`],
      symptoms: [{ id: 'no-dashboards', text: t('Dashbordene svarer ikke', 'The dashboards do not answer') }],
    },
    {
      id: `power-outage${sfx}`,
      title: t(`Strømbrudd ${label}`, `Power outage ${label}`),
      description: t('Nettet er borte; UPS-en holder nettverket.', 'The grid is gone; the UPS holds the network.'),
      fails: [`power:grid${sfx}`],
      phases: [
        {
          id: 'ups-empty',
          title: t('UPS-en er tom', 'The UPS is empty'),
          after: t('Etter ukjent tid', 'After an unknown time'),
          afterMinutesFrom: `power:ups-battery${sfx}`,
          alsoFails: [`power:ups-battery${sfx}`],
        },
      ],
      symptoms: [{ id: 'lights-out', text: t('Lyset går', 'The lights go out') }],
    },
    { id: `isp-down${sfx}`, title: t(`Internett nede ${label}`, `Internet down ${label}`), fails: [`network:isp-sat${sfx}`] },
    { id: `mesh-down${sfx}`, title: t(`Mesh-lenken nede ${label}`, `Mesh link down ${label}`), fails: [`network:mesh-link${sfx}`] },
    { id: `gateway-down${sfx}`, title: t(`Gatewayen nede ${label}`, `Gateway down ${label}`), fails: [`network:gateway${sfx}`] },
  ];
}

function notes({ sfx, label }: Cluster): Section<'notes'>[] {
  return [
    {
      id: `agents${sfx}`,
      title: t(`Agentoppsett ${label}`, `Agent setup ${label}`),
      body: t('Agentene kjører i en egen LXC med egne nøkler.', 'The agents run in their own LXC with their own keys.'),
      points: [t('Ingen tilgang til produksjon', 'No access to production')],
      about: [`guest:agents${sfx}`, `system:agents${sfx}`],
    },
    {
      id: `status${sfx}`,
      title: t(`Status ${label}`, `Status ${label}`),
      body: t('Alt kjører unntatt garasjen.', 'Everything runs except the garage.'),
      about: [`host:pve${sfx}`],
    },
  ];
}

/** Total number of entities (everything with a page-worthy id, site excluded). */
export function entityCount(model: Model): number {
  return KIND_SECTION_NAMES.reduce((total, section) => total + model[section].length, 0);
}
