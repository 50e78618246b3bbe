/**
 * What `npm run import` writes into a new model where only a person knows the answer (after the
 * TODO mark, src/proxmox/import.ts), and the new site's title. Part of the one word store
 * (src/i18n/store.ts).
 */
import { say, type Entry } from './define.ts';

export const IMPORT_WORDS = {
  'import.todo.host': {
    nb: 'Skriv hva denne verten er til for og hvor den står. Proxmox vet ikke det.',
    en: 'Write what this host is for and where it stands. Proxmox does not know.',
  },
  'import.todo.guest': {
    nb: 'Skriv hva denne gjesten gjør. Proxmox vet ikke det.',
    en: 'Write what this guest does. Proxmox does not know.',
  },
  'import.todo.purpose': {
    nb: 'Skriv hva den trengs til, og hva som skjer når den stopper.',
    en: 'Write what it is needed for, and what happens when it stops.',
  },
  'import.todo.storage': {
    nb: 'Skriv hva som ligger her, og hvor det tas sikkerhetskopi av det.',
    en: 'Write what is kept here, and where it is backed up.',
  },
  'import.todo.cluster': {
    nb: 'Skriv hva klyngen kjører, og legg til nettverket nodene snakker over (connectsVia). Proxmox vet ikke det.',
    en: 'Write what this cluster runs, and add the network its nodes talk over (connectsVia). Proxmox does not know.',
  },
  'import.todo.site': {
    nb: 'Beskriv stedet og hva infrastrukturen skal gjøre.',
    en: 'Describe the place and what the infrastructure is for.',
  },
  'import.siteTitle': say(
    (p: { name: string }) => `${p.name} driftsbok`,
    (p) => `${p.name} operations handbook`,
  ),
} satisfies Record<string, Entry>;
