/**
 * The words of `npm run check`'s summary (src/model/check-command.ts), in both languages. Part of
 * the one word store (src/i18n/store.ts). Problems themselves are written in English (file:line).
 */
import { plural, say, type Entry } from './define.ts';

export const CHECK_WORDS = {
  'check.ok': { nb: 'Modellen er i orden', en: 'Model OK' },
  'check.files': { nb: 'filer', en: 'files' },
  'check.site': { nb: 'Sted', en: 'Site' },
  'check.documented': { nb: 'dokumentert', en: 'documented' },
  'check.hosts': { nb: 'Verter', en: 'Hosts' },
  'check.lxc': { nb: 'LXC', en: 'LXC' },
  'check.vms': { nb: 'VM-er', en: 'VMs' },
  'check.running': { nb: 'kjører', en: 'running' },
  'check.stopped': { nb: 'stoppet', en: 'stopped' },
  'check.planned': { nb: 'planlagt', en: 'planned' },
  'check.active': { nb: 'aktiv', en: 'active' },
  'check.allotted': { nb: 'Tildelt', en: 'Allotted' },
  'check.cores': { nb: 'kjerner', en: 'cores' },
  'check.memory': { nb: 'minne', en: 'memory' },
  'check.whenRunning': { nb: 'gjester som kjører', en: 'running guests' },
  'check.systems': { nb: 'Systemer', en: 'Systems' },
  'check.critical': { nb: 'kritiske', en: 'critical' },
  'check.comfort': { nb: 'komfort', en: 'comfort' },
  'check.capabilities': { nb: 'Funksjoner', en: 'Capabilities' },
  'check.scenarios': { nb: 'Scenarioer', en: 'Scenarios' },
  'check.plans': { nb: 'Planer', en: 'Plans' },
  'check.other': { nb: 'Ellers', en: 'Also' },
  'check.locations': { nb: 'steder', en: 'locations' },
  'check.clusters': { nb: 'klynger', en: 'clusters' },
  'check.network': { nb: 'nettverkselementer', en: 'network elements' },
  'check.storage': { nb: 'lagringsområder', en: 'storage pools' },
  'check.power': { nb: 'strømkilder', en: 'power sources' },
  'check.notes': { nb: 'notater', en: 'notes' },
  'check.audits': { nb: 'Revisjon', en: 'Audits' },
  'check.findings': say(
    (p: { errors: number; warnings: number; infos: number }) =>
      `${p.errors} feil, ${p.warnings} ${plural(p.warnings, 'advarsel', 'advarsler')}, ${p.infos} info`,
    (p) => `${p.errors} error${p.errors === 1 ? '' : 's'}, ${p.warnings} warning${p.warnings === 1 ? '' : 's'}, ${p.infos} info`,
  ),
} satisfies Record<string, Entry>;
