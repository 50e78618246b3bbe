/**
 * The words of `npm run check`'s summary (src/model/check-command.ts), in both languages. Part of
 * the one word store (src/i18n/store.ts). Problems themselves are written in English (file:line).
 */
import { plural, say, type Entry } from './define.ts';

/** "1 sted" / "3 steder": a count with its noun in the right number, in both languages. */
function counted(nb: [string, string], en: [string, string]) {
  return say(
    (p: { n: number }) => `${p.n} ${plural(p.n, nb[0], nb[1])}`,
    (p) => `${p.n} ${plural(p.n, en[0], en[1])}`,
  );
}

export const CHECK_WORDS = {
  'check.ok': { nb: 'Modellen er i orden', en: 'Model OK' },
  /** The labels under an audit finding: what to do, and where in the model it is said. */
  'check.hint': { nb: 'råd', en: 'hint' },
  'check.inTheModel': { nb: 'i modellen', en: 'in the model' },
  'check.files': { nb: 'filer', en: 'files' },
  'check.site': { nb: 'Sted', en: 'Site' },
  'check.documented': { nb: 'dokumentert', en: 'documented' },
  'check.hosts': { nb: 'Verter', en: 'Hosts' },
  'check.lxc': { nb: 'LXC', en: 'LXC' },
  'check.vms': { nb: 'VM-er', en: 'VMs' },
  'check.running': { nb: 'kjører', en: 'running' },
  'check.stopped': { nb: 'stoppet', en: 'stopped' },
  'check.planned': { nb: 'planlagt', en: 'planned' },
  'check.allotted': { nb: 'Tildelt', en: 'Allotted' },
  'check.cores': { nb: 'kjerner', en: 'cores' },
  'check.memory': { nb: 'minne', en: 'memory' },
  'check.whenRunning': { nb: 'gjester som kjører', en: 'running guests' },
  'check.systems': { nb: 'Systemer', en: 'Systems' },
  'check.comfort': { nb: 'komfort', en: 'comfort' },
  'check.capabilities': { nb: 'Funksjoner', en: 'Capabilities' },
  'check.scenarios': { nb: 'Scenarioer', en: 'Scenarios' },
  'check.plans': { nb: 'Planer', en: 'Plans' },
  'check.other': { nb: 'Ellers', en: 'Also' },
  // Counts with their noun, singular for one: "1 sted", "3 steder"; "1 location".
  'check.count.active': counted(['aktiv', 'aktive'], ['active', 'active']),
  'check.count.critical': counted(['kritisk', 'kritiske'], ['critical', 'critical']),
  'check.count.locations': counted(['sted', 'steder'], ['location', 'locations']),
  'check.count.clusters': counted(['klynge', 'klynger'], ['cluster', 'clusters']),
  'check.count.network': counted(['nettverkselement', 'nettverkselementer'], ['network element', 'network elements']),
  'check.count.storage': counted(['lagringsområde', 'lagringsområder'], ['storage pool', 'storage pools']),
  'check.count.power': counted(['strømkilde', 'strømkilder'], ['power source', 'power sources']),
  'check.count.notes': counted(['notat', 'notater'], ['note', 'notes']),
  'check.audits': { nb: 'Revisjon', en: 'Audits' },
  'check.findings': say(
    (p: { errors: number; warnings: number; infos: number }) =>
      `${p.errors} feil, ${p.warnings} ${plural(p.warnings, 'advarsel', 'advarsler')}, ${p.infos} info`,
    (p) => `${p.errors} error${p.errors === 1 ? '' : 's'}, ${p.warnings} warning${p.warnings === 1 ? '' : 's'}, ${p.infos} info`,
  ),
} satisfies Record<string, Entry>;
