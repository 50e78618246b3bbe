/**
 * Words the diagrams write themselves: titles, group boxes, legends and descriptions. Part of the one
 * word store (src/i18n/store.ts). Relation names, device kinds and states are the pages' words
 * (labels.ts, analysis.ts), so a thing has one name on a page and in the drawing beside it.
 */
import { say, type Entry } from './define.ts';

export const DIAGRAM_WORDS = {
  'diagram.topologyTitle': { nb: 'Topologi', en: 'Topology' },
  'diagram.architectureTitle': { nb: 'Arkitektur: kritiske og komfortsystemer', en: 'Architecture: critical and comfort systems' },
  'diagram.whatTheyNeed': { nb: 'Det de trenger', en: 'What they need' },
  'diagram.powerTitle': { nb: 'Strøm: kilder og forbrukere', en: 'Power: sources and loads' },
  'diagram.loads': { nb: 'Forbrukere', en: 'Loads' },
  'diagram.stopped': { nb: 'stoppet', en: 'stopped' },
  'diagram.planned': { nb: 'planlagt', en: 'planned' },
  'diagram.anyOf': { nb: 'én av', en: 'any of' },
  'diagram.kOfN': say(
    (p: { needed: number; of: number }) => `${p.needed} av ${p.of}`,
    (p) => `${p.needed} of ${p.of}`,
  ),
  'diagram.assumed': { nb: 'antatt', en: 'assumed' },
  'diagram.legend': { nb: 'Forklaring', en: 'Legend' },
  'diagram.network': { nb: 'Nett', en: 'Network' },
  'diagram.internet': { nb: 'Internett', en: 'Internet' },
  'diagram.links': { nb: 'Forbindelser mellom bygg', en: 'Links between buildings' },
  'diagram.guestsOn': { nb: 'Gjester på', en: 'Guests on' },
  'diagram.otherPlaces': { nb: 'Uten plassering', en: 'No location' },
  'diagram.power': { nb: 'Strøm', en: 'Power' },
  'diagram.capabilities': { nb: 'Funksjoner', en: 'Capabilities' },
  'diagram.needs': { nb: 'trenger', en: 'needs' },
  'diagram.changes': { nb: 'endres', en: 'changes' },
  'diagram.added': { nb: 'ny', en: 'new' },
  'diagram.before': { nb: 'før', en: 'before' },
  'diagram.after': { nb: 'etter', en: 'after' },
  'diagram.tierCritical': { nb: 'Kritisk', en: 'Critical' },
  'diagram.tierComfort': { nb: 'Komfort', en: 'Comfort' },
  'diagram.tierOther': { nb: 'Øvrige', en: 'Other' },
  'diagram.tierCriticalCount.one': { nb: 'kritisk', en: 'critical' },
  'diagram.tierCriticalCount.many': { nb: 'kritiske', en: 'critical' },
  'diagram.tierComfortCount.one': { nb: 'komfort', en: 'comfort' },
  'diagram.tierComfortCount.many': { nb: 'komfort', en: 'comfort' },
  'diagram.tierOtherCount.one': { nb: 'øvrig', en: 'other' },
  'diagram.tierOtherCount.many': { nb: 'øvrige', en: 'other' },
  'diagram.locationUnknown': { nb: 'Plassering ikke dokumentert', en: 'Location not documented' },
  'diagram.lineStated': { nb: 'dokumentert', en: 'documented' },
  'diagram.lineAssumed': { nb: 'antatt', en: 'assumed' },
  'diagram.lineAdded': { nb: 'ny kobling', en: 'new link' },
  'diagram.lineRemoved': { nb: 'fjernes', en: 'goes away' },
  'diagram.removed': { nb: 'fjernes', en: 'goes' },
  'diagram.on': { nb: 'på', en: 'on' },
  'diagram.more': { nb: 'til', en: 'more' },
  'diagram.criticalStillWork': { nb: 'Kritisk, virker fortsatt', en: 'Critical, still working' },
  'diagram.collapsedMore': {
    nb: 'Mye er rammet, så også kjedene er slått sammen til bokser med antall; sidene det lenkes til, lister hver enkelt.',
    en: 'Much is hit, so the chains are collapsed into boxes with counts too; the pages they link to list each one.',
  },
  'diagram.criticalDecentral': { nb: 'Kritiske, desentrale systemer', en: 'Critical decentralised systems' },
  'diagram.criticalCentral': { nb: 'Kritiske systemer med sentral del', en: 'Critical systems with a central part' },
  'diagram.comfort': { nb: 'Komfortsystemer', en: 'Comfort systems' },
  'diagram.agents': { nb: 'Agenter', en: 'Agents' },
  'diagram.lxc': { nb: 'LXC', en: 'LXC' },
  'diagram.summarised': {
    nb: 'Oppsummert: modellen er for stor til å tegne hver ting, så like ting er slått sammen til én boks med antall, som lenker til siden der de står listet.',
    en: 'Summarised: the model is too large to draw every thing, so alike things are drawn as one box with a count, linking to the page that lists them.',
  },
  'diagram.qemu': { nb: 'VM', en: 'VM' },

  'diagram.topology.description': {
    nb: 'Fra internett gjennom gatewayen og switchene til aksesspunkter, forbindelser og maskiner, i bygget de står i. Gjestene på hver maskin er talt opp etter nivå i én boks. Heltrukket pil: dokumentert kobling; stiplet: antatt. Stiplet ramme: stoppet eller planlagt.',
    en: 'From the internet through the gateway and the switches to access points, links and machines, in the building they stand in. The guests on each machine are counted by tier in one box. Solid arrow: a documented link; dashed: assumed. Dashed border: stopped or planned.',
  },
  /** `failed`: the names of what failed, joined; `before`: how many were down already before. */
  'diagram.failure.description': say(
    (p: { failed: string; down: number; degraded: number; ok: number; before: number }) =>
      `Feilet: ${p.failed || 'ingenting'}. ${p.down} nede, ${p.degraded} redusert, ${p.ok} virker. Tegnet: det som feilet til venstre, de kritiske funksjonene til høyre og kjedene mellom dem; resten av det som er rammet er slått sammen i bokser med antall.${p.before ? ` ${p.before} var nede eller redusert allerede før (stoppet eller avhengig av noe stoppet) og er ikke tegnet.` : ''} Hvert merke står i teksten: ✓ virker, ! redusert, ✗ nede. Heltrukket pil: dokumentert; stiplet: antatt.`,
    (p) =>
      `Failed: ${p.failed || 'nothing'}. ${p.down} down, ${p.degraded} degraded, ${p.ok} ok. Drawn: what failed on the left, the critical capabilities on the right and the chains between them; the rest of what is hit is collapsed into boxes with a count.${p.before ? ` ${p.before} ${p.before === 1 ? 'was' : 'were'} down or degraded already before (stopped, or needing something stopped) and ${p.before === 1 ? 'is' : 'are'} not drawn.` : ''} Each label carries its mark: ✓ ok, ! degraded, ✗ down. Solid arrow: documented; dashed: assumed.`,
  ),
  'diagram.architecture.description': {
    nb: 'Systemene gruppert etter nivå. Pilene viser hva hvert system trenger direkte, og hvor gjestene kjører. Et kritisk system med pil til Proxmox-verten tåler ikke at den går ned.',
    en: 'The systems grouped by tier. Arrows show what each system needs directly, and where the guests run. A critical system with a path to the Proxmox host does not survive it going down.',
  },
  'diagram.power.description': {
    nb: 'Strømnett, UPS og det de forsyner. Planlagte deler (sol, batteri, inverter, aggregat) har stiplet ramme. Pilene går fra kilde til forbruker; heltrukket: dokumentert, stiplet: antatt.',
    en: 'Grid, UPS and what they carry. Planned parts (solar, battery, inverter, generator) have a dashed border. Arrows run from source to load; solid: documented, dashed: assumed.',
  },
  'diagram.plan.beforeDescription': say(
    (p: { plan: string }) =>
      `Slik det er i dag, rundt det planen «${p.plan}» endrer. Tykke piler er koblinger planen fjerner. Pilene går fra det som leverer til det som bruker; stiplet: antatt.`,
    (p) =>
      `How it is today, around what the plan "${p.plan}" changes. Thick arrows are links the plan removes. Arrows run from what provides to what uses it; dashed: assumed.`,
  ),
  'diagram.plan.afterDescription': say(
    (p: { plan: string }) =>
      `Slik det blir etter planen «${p.plan}». Nytt er merket (ny), det som endres er merket (endres), og tykke piler er nye koblinger. Pilene går fra det som leverer til det som bruker; stiplet: antatt.`,
    (p) =>
      `How it will be after the plan "${p.plan}". New parts are marked (new), changed parts (changes), and thick arrows are new links. Arrows run from what provides to what uses it; dashed: assumed.`,
  ),
} satisfies Record<string, Entry>;
