/**
 * The words of an entity's neighbourhood drawing (src/site/neighbourhood.ts, Neighbourhood.astro).
 * Part of the one word store (src/i18n/store.ts).
 */
import { say, type Entry } from './define.ts';

export const NEIGHBOURHOOD_WORDS = {
  /**
   * Each relation read from the provider to the user, short: "pve-core kjører frigate",
   * "UPS forsyner pve-core", "Mosquitto trengs av Zigbee2MQTT".
   */
  'neighbourhood.verb.runsOn': { nb: 'kjører', en: 'runs' },
  'neighbourhood.verb.dependsOn': { nb: 'trengs av', en: 'needed by' },
  'neighbourhood.verb.enhancedBy': { nb: 'forbedrer', en: 'enhances' },
  'neighbourhood.verb.poweredBy': { nb: 'forsyner', en: 'powers' },
  'neighbourhood.verb.connectsVia': { nb: 'kobler opp', en: 'connects' },
  'neighbourhood.verb.partOf': { nb: 'har del', en: 'has part' },
  'neighbourhood.verb.locatedIn': { nb: 'rommer', en: 'houses' },
  'neighbourhood.verb.uplink': { nb: 'gir nett', en: 'feeds' },
  'neighbourhood.needs': { nb: 'Det den trenger', en: 'What it needs' },
  'neighbourhood.neededBy': { nb: 'Det som trenger den', en: 'What needs it' },
  'neighbourhood.none': { nb: 'Ingenting.', en: 'Nothing.' },
  'neighbourhood.assumed': { nb: 'antatt', en: 'assumed' },
  'neighbourhood.assumedLegend': {
    nb: 'Stiplet linje: antatt, ikke dokumentert (tabellene over sier hvorfor).',
    en: 'Dashed line: assumed, not documented (the tables above say why).',
  },
  'neighbourhood.arrowLegend': {
    nb: 'Pilene går fra det som leverer til det som bruker.',
    en: 'Arrows run from what provides to what uses it.',
  },
  'neighbourhood.anyOfNeeds': { nb: 'én av disse holder', en: 'any one of these will do' },
  'neighbourhood.atLeastNeeds': say(
    (p: { needed: number; of: number }) => `trenger ${p.needed} av ${p.of}`,
    (p) => `needs ${p.needed} of ${p.of}`,
  ),
  'neighbourhood.anyOfUsers': { nb: 'har reserve', en: 'has a fallback' },
  'neighbourhood.stopped': { nb: 'stoppet', en: 'stopped' },
  'neighbourhood.planned': { nb: 'planlagt', en: 'planned' },
  'neighbourhood.stoppedLegend': { nb: 'Prikket ramme: stoppet.', en: 'Dotted border: stopped.' },
  'neighbourhood.plannedLegend': { nb: 'Stiplet ramme: planlagt.', en: 'Dashed border: planned.' },
  'neighbourhood.more': say(
    (p: { n: number }) => `… og ${p.n} til (se tabellen over)`,
    (p) => `… and ${p.n} more (see the table above)`,
  ),
  'neighbourhood.title': say(
    (p: { name: string }) => `Sammenhenger for ${p.name}`,
    (p) => `Connections of ${p.name}`,
  ),
  'neighbourhood.legend': { nb: 'Forklaring', en: 'Legend' },
} satisfies Record<string, Entry>;
