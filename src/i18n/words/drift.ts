/**
 * The words of drift: the report as `npm run drift` prints it (src/proxmox/report.ts), each finding's
 * message and fix (src/proxmox/drift.ts) and the notes on what the token could not see
 * (src/proxmox/observed.ts). Part of the one word store (src/i18n/store.ts); the summary line is
 * the drift page's, 'drift.counts'.
 */
import { say, type Entry } from './define.ts';

/** A guest's intended status in the model, in words (the message; the fix line shows the YAML). */
const NB_STATUS: Record<string, string> = { running: 'i gang', stopped: 'stoppet', planned: 'planlagt' };
const EN_STATUS: Record<string, string> = { running: 'running', stopped: 'stopped', planned: 'planned' };

const NB_IMPORT = 'eller kjør `npm run import` for å få den skrevet';
const EN_IMPORT = 'or run `npm run import` to have it written';
/** " i model/guests.yaml" / " to model/guests.yaml", or nothing when the section has no file yet. */
const nbFile = (file: string | undefined) => (file ? ` i ${file}` : '');
const enFile = (file: string | undefined) => (file ? ` to ${file}` : '');
/** A fix's tail: ", eller start den: …" joins on; "(og legg til …)" stands after a space. */
const tail = (extra: string | undefined) => (extra ? `${extra.startsWith(',') ? '' : ' '}${extra}` : '');

export const DRIFT_REPORT_WORDS = {
  'driftReport.title': { nb: 'Avvik mellom modellen og Proxmox', en: 'Drift between the model and Proxmox' },
  'driftReport.source': { nb: 'Kilde', en: 'Source' },
  'driftReport.snapshot': { nb: 'øyeblikksbilde', en: 'snapshot' },
  'driftReport.api': { nb: 'API', en: 'API' },
  'driftReport.taken': { nb: 'tatt', en: 'taken' },
  'driftReport.unknownTime': { nb: 'tidspunkt ukjent', en: 'time unknown' },
  'driftReport.head.drift': { nb: 'Avvik', en: 'Drift' },
  'driftReport.head.unknown': { nb: 'Ukjent (ikke synlig for tokenet)', en: 'Unknown (not visible to the token)' },
  'driftReport.head.info': {
    nb: 'Ikke dokumentert (Proxmox vet mer enn modellen)',
    en: 'Not documented (Proxmox knows more than the model)',
  },
  'driftReport.fix': { nb: 'gjør', en: 'fix' },
  'driftReport.none': { nb: 'Ingen avvik: modellen stemmer med Proxmox.', en: 'No drift: the model matches Proxmox.' },
  'driftReport.note': { nb: 'Merk', en: 'Note' },

  /** What a finding is about: "vert pve-core", "lagring local-lvm" (a guest is "LXC 105 (frigate)" in both). */
  'driftFinding.host': { nb: 'vert', en: 'host' },
  'driftFinding.storage': { nb: 'lagring', en: 'storage' },
  /** Values are YAML, already written: `value`, `observed`, `model`. `at` is a file:line:column. */
  'driftFinding.notDocumented.message': say(
    (p: { subject: string; field: string; value: string }) =>
      `${p.subject}: Proxmox oppgir ${p.field} = ${p.value}, men modellen sier ikke noe om det.`,
    (p) => `${p.subject}: Proxmox reports ${p.field} = ${p.value}, which the model does not state.`,
  ),
  'driftFinding.notDocumented.fix': say(
    (p: { field: string; value: string; at: string | undefined }) =>
      `Legg til \`${p.field}: ${p.value}\` i oppføringen som starter i ${p.at}, hvis det skal dokumenteres.`,
    (p) => `Add \`${p.field}: ${p.value}\` to the entry starting at ${p.at}, if it should be documented.`,
  ),
  'driftFinding.changed.message': say(
    (p: { subject: string; field: string; observed: string; model: string }) =>
      `${p.subject}: ${p.field} er ${p.observed} i Proxmox, men ${p.model} i modellen.`,
    (p) => `${p.subject}: ${p.field} is ${p.observed} in Proxmox but ${p.model} in the model.`,
  ),
  'driftFinding.changed.fix': say(
    (p: { field: string; value: string; at: string | undefined }) =>
      `Sett \`${p.field}: ${p.value}\` i ${p.at} (eller endre Proxmox, hvis modellen er slik det skal være).`,
    (p) => `Set \`${p.field}: ${p.value}\` at ${p.at} (or change Proxmox, if the model is how it should be).`,
  ),
  'driftFinding.address.message': say(
    (p: { subject: string; observed: string; model: string }) =>
      `${p.subject}: adressen er ${p.observed} i Proxmox, men modellen har ${p.model}.`,
    (p) => `${p.subject}: its address is ${p.observed} in Proxmox, but the model has ${p.model}.`,
  ),
  'driftFinding.address.fix': say(
    (p: { value: string; at: string | undefined }) =>
      `Legg ${p.value} først i \`reach.ips\` i ${p.at} (eller endre Proxmox, hvis modellen er slik det skal være).`,
    (p) => `Put ${p.value} first in \`reach.ips\` at ${p.at} (or change Proxmox, if the model is how it should be).`,
  ),
  'driftFinding.nodeMissing.message': say(
    (p: { node: string }) => `Node ${p.node} finnes i Proxmox, men ikke i modellen.`,
    (p) => `Node ${p.node} is in Proxmox but not in the model.`,
  ),
  'driftFinding.nodeMissing.fix': say(
    (p: { node: string; file: string | undefined }) =>
      `Legg til en vert med \`name: ${p.node}\` og \`kind: proxmox\`${nbFile(p.file)}, ${NB_IMPORT}.`,
    (p) => `Add a host with \`name: ${p.node}\` and \`kind: proxmox\`${enFile(p.file)}, ${EN_IMPORT}.`,
  ),
  'driftFinding.hostGone.message': say(
    (p: { host: string }) => `Verten ${p.host} står i modellen, men er ikke en node i Proxmox-svaret.`,
    (p) => `Host ${p.host} is in the model but is not a node in the Proxmox answer.`,
  ),
  'driftFinding.hostGone.fix': say(
    (p: { at: string | undefined }) =>
      `Fjern verten i ${p.at} eller sett \`status: planned\`; er den en frittstående vert, sammenlign den med sitt eget øyeblikksbilde.`,
    (p) => `Remove the host at ${p.at} or set \`status: planned\`; if it is a standalone host, compare it with its own snapshot.`,
  ),
  'driftFinding.guestMissing.message': say(
    (p: { subject: string; node: string }) => `${p.subject} finnes i Proxmox (på ${p.node}), men ikke i modellen.`,
    (p) => `${p.subject} is in Proxmox (on ${p.node}) but not in the model.`,
  ),
  'driftFinding.guestMissing.fix': say(
    (p: { file: string | undefined; vmid: number; kind: string; host: string }) =>
      `Legg den til${nbFile(p.file)} med \`vmid: ${p.vmid}\`, \`kind: ${p.kind}\`, \`host: ${p.host}\`, ${NB_IMPORT}.`,
    (p) => `Add it${enFile(p.file)} with \`vmid: ${p.vmid}\`, \`kind: ${p.kind}\`, \`host: ${p.host}\`, ${EN_IMPORT}.`,
  ),
  'driftFinding.guestHidden.message': say(
    (p: { subject: string }) => `${p.subject} er ikke i svaret, men tokenet kan mangle rett til å se den (VM.Audit). Ukjent, ikke slettet.`,
    (p) => `${p.subject} is not in the answer, but the token may lack the right to see it (VM.Audit). Unknown, not deleted.`,
  ),
  'driftFinding.guestHidden.fix': {
    nb: 'Gi tokenet rollen PVEAuditor på / (eller VM.Audit på /vms) og sammenlign på nytt.',
    en: 'Give the token the PVEAuditor role on / (or VM.Audit on /vms) and compare again.',
  },
  'driftFinding.guestGone.message': say(
    (p: { subject: string }) => `${p.subject} står i modellen, men finnes ikke i Proxmox.`,
    (p) => `${p.subject} is in the model but not in Proxmox.`,
  ),
  'driftFinding.guestGone.fix': say(
    (p: { at: string | undefined }) => `Fjern oppføringen i ${p.at}, eller sett \`status: planned\` hvis den ikke er laget ennå.`,
    (p) => `Remove the entry at ${p.at}, or set \`status: planned\` if it is yet to be made.`,
  ),
  'driftFinding.storageMissing.message': say(
    (p: { id: string; nodes: string }) => `Lagringen ${p.id} (på ${p.nodes}) finnes i Proxmox, men ikke i modellen.`,
    (p) => `Storage ${p.id} (on ${p.nodes}) is in Proxmox but not in the model.`,
  ),
  'driftFinding.storageMissing.fix': say(
    (p: { file: string | undefined; id: string; host: string }) =>
      `Legg den til${nbFile(p.file)} med \`id: ${p.id}\` og \`host: ${p.host}\`, ${NB_IMPORT}.`,
    (p) => `Add it${enFile(p.file)} with \`id: ${p.id}\` and \`host: ${p.host}\`, ${EN_IMPORT}.`,
  ),
  'driftFinding.storageHidden.message': say(
    (p: { id: string }) =>
      `Lagringen ${p.id} er ikke i svaret, men tokenet kan mangle rett til å se den (Datastore.Audit). Ukjent, ikke slettet.`,
    (p) => `Storage ${p.id} is not in the answer, but the token may lack the right to see it (Datastore.Audit). Unknown, not deleted.`,
  ),
  'driftFinding.storageHidden.fix': {
    nb: 'Gi tokenet rollen PVEAuditor på / og sammenlign på nytt.',
    en: 'Give the token the PVEAuditor role on / and compare again.',
  },
  'driftFinding.storageGone.message': say(
    (p: { id: string }) => `Lagringen ${p.id} står i modellen, men finnes ikke i Proxmox.`,
    (p) => `Storage ${p.id} is in the model but not in Proxmox.`,
  ),
  'driftFinding.storageGone.fix': say(
    (p: { at: string | undefined }) => `Fjern oppføringen i ${p.at}.`,
    (p) => `Remove the entry at ${p.at}.`,
  ),
  'driftFinding.storageMoved.message': say(
    (p: { id: string; observed: string; model: string }) =>
      `Lagringen ${p.id} er på ${p.observed} i Proxmox, men på ${p.model} i modellen.`,
    (p) => `Storage ${p.id} is on ${p.observed} in Proxmox but on ${p.model} in the model.`,
  ),
  'driftFinding.storageMoved.fix': say(
    (p: { host: string; at: string | undefined }) => `Sett \`host: ${p.host}\` i ${p.at}.`,
    (p) => `Set \`host: ${p.host}\` at ${p.at}.`,
  ),
  /** A guest's field set to what Proxmox says; `extra` (already in the language) goes at the end. */
  'driftFinding.guestField.fix': say(
    (p: { field: string; value: string; at: string | undefined; extra: string | undefined }) =>
      `Sett \`${p.field}: ${p.value}\` i ${p.at}${tail(p.extra)}.`,
    (p) => `Set \`${p.field}: ${p.value}\` at ${p.at}${tail(p.extra)}.`,
  ),
  'driftFinding.renamed.message': say(
    (p: { subject: string; observed: string; model: string }) => `${p.subject} heter ${p.observed} i Proxmox, men ${p.model} i modellen.`,
    (p) => `${p.subject} is called ${p.observed} in Proxmox but ${p.model} in the model.`,
  ),
  'driftFinding.renamed.extra': { nb: '(id-en kan bli stående; lenker bruker den)', en: '(the id can stay; links use it)' },
  'driftFinding.guestMoved.message': say(
    (p: { subject: string; observed: string; model: string }) =>
      `${p.subject} kjører på ${p.observed} i Proxmox, men på ${p.model} i modellen.`,
    (p) => `${p.subject} runs on ${p.observed} in Proxmox but on ${p.model} in the model.`,
  ),
  'driftFinding.guestMoved.extra': say(
    (p: { node: string }) => `(og legg til verten ${p.node})`,
    (p) => `(and add the host ${p.node})`,
  ),
  'driftFinding.kindChanged.message': say(
    (p: { vmid: number; observed: string; model: string }) =>
      `VMID ${p.vmid} er ${p.observed} i Proxmox, men ${p.model} i modellen (et nytt gjestesystem med samme VMID?).`,
    (p) => `VMID ${p.vmid} is ${p.observed} in Proxmox but ${p.model} in the model (a new guest reusing the VMID?).`,
  ),
  'driftFinding.statusChanged.message': say(
    (p: { subject: string; observed: string; model: string }) =>
      `${p.subject} er ${p.observed === 'running' ? 'i gang' : 'stoppet'} i Proxmox, men ifølge modellen skal den være ${NB_STATUS[p.model] ?? p.model}.`,
    // The message says what differs in words; the YAML to change is in the finding's fix line.
    (p) => `${p.subject} is ${p.observed} in Proxmox, but according to the model it should be ${EN_STATUS[p.model] ?? p.model}.`,
  ),
  'driftFinding.statusChanged.extra': say(
    (p: { command: string }) => `, eller start den: \`${p.command}\``,
    (p) => `, or start it: \`${p.command}\``,
  ),

  /**
   * An HA guest's nodes (`ha.group`) and preferred node (`ha.preferred`) against its HA group
   * (PVE 7/8) or node-affinity rule (PVE 9). `why` is one of the driftHaWhy texts, in the language.
   */
  'driftFinding.haAnyNode.message': say(
    (p: { subject: string; why: string; model: string }) =>
      `${p.subject}: Proxmox lar den kjøre på hvilken som helst node i klyngen (${p.why}), men ifølge modellens ha.group bare på ${p.model}.`,
    (p) => `${p.subject}: Proxmox lets it run on any node of the cluster (${p.why}), but the model's ha.group allows only ${p.model}.`,
  ),
  'driftFinding.haAnyNode.fix': say(
    (p: { at: string | undefined }) =>
      `Fjern \`group\` fra \`ha\` i ${p.at} (eller begrens HA-gruppen eller -regelen i Proxmox til de nodene, hvis modellen er slik det skal være).`,
    (p) =>
      `Remove \`group\` from \`ha\` at ${p.at} (or limit the HA group or rule in Proxmox to those nodes, if the model is how it should be).`,
  ),
  'driftFinding.haNoPreferred.message': say(
    (p: { subject: string; why: string; model: string }) =>
      `${p.subject}: Proxmox foretrekker ingen bestemt node (${p.why}), men modellen sier ha.preferred = ${p.model}.`,
    (p) => `${p.subject}: Proxmox prefers no one node (${p.why}), but the model says ha.preferred = ${p.model}.`,
  ),
  'driftFinding.haNoPreferred.fix': say(
    (p: { at: string | undefined; model: string }) =>
      `Fjern \`preferred\` fra \`ha\` i ${p.at} (eller gi ${p.model} høyest prioritet i HA-gruppen eller -regelen i Proxmox).`,
    (p) => `Remove \`preferred\` from \`ha\` at ${p.at} (or give ${p.model} the highest priority in its HA group or rule in Proxmox).`,
  ),
  'driftHaWhy.none': { nb: 'ingen HA-gruppe eller -regel gjelder den', en: 'no HA group or rule applies to it' },
  'driftHaWhy.notRestricted': say(
    (p: { source: 'group' | 'rule'; name: string }) =>
      p.source === 'group' ? `HA-gruppen ${p.name} er ikke «restricted»` : `HA-regelen ${p.name} er ikke «strict»`,
    (p) => (p.source === 'group' ? `HA group ${p.name} is not restricted` : `HA rule ${p.name} is not strict`),
  ),
  'driftHaWhy.allNodes': say(
    (p: { source: 'group' | 'rule'; name: string }) =>
      `${p.source === 'group' ? 'HA-gruppen' : 'HA-regelen'} ${p.name} omfatter alle nodene`,
    (p) => `${p.source === 'group' ? 'HA group' : 'HA rule'} ${p.name} names every node`,
  ),
  'driftHaWhy.sharedTop': say(
    (p: { source: 'group' | 'rule'; name: string }) =>
      `flere noder deler høyeste prioritet i ${p.source === 'group' ? 'HA-gruppen' : 'HA-regelen'} ${p.name}`,
    (p) => `several nodes share the highest priority in ${p.source === 'group' ? 'HA group' : 'HA rule'} ${p.name}`,
  ),

  /** What the token could not see (src/proxmox/observed.ts). */
  'driftNote.noVmAudit': {
    nb: 'Tokenet har ikke VM.Audit på /vms: gjester det ikke har tilgang til, står ikke i svaret og regnes som ukjente, ikke slettet.',
    en: 'The token lacks VM.Audit on /vms: guests it cannot see are not in the answer and count as unknown, not deleted.',
  },
  'driftNote.noDatastoreAudit': {
    nb: 'Tokenet har ikke Datastore.Audit på /storage: lagring det ikke ser, regnes som ukjent.',
    en: 'The token lacks Datastore.Audit on /storage: storage it cannot see counts as unknown.',
  },
  'driftNote.noGuests': {
    nb: 'Svaret har ingen gjester, men noder som er oppe. Et token uten VM.Audit ser ingen gjester, så de regnes som ukjente, ikke slettet.',
    en: 'The answer lists no guests, but nodes that are online. A token without VM.Audit sees no guests, so they count as unknown, not deleted.',
  },
  'driftNote.noStorage': {
    nb: 'Svaret har ingen lagring. Et token uten Datastore.Audit ser ingen, så lagringen regnes som ukjent, ikke slettet.',
    en: 'The answer lists no storage. A token without Datastore.Audit sees none, so storage counts as unknown, not deleted.',
  },
  'driftNote.noSysAudit': {
    nb: 'Nodenes tall mangler i svaret (tokenet har ikke Sys.Audit).',
    en: "The nodes' figures are missing from the answer (the token lacks Sys.Audit).",
  },
} satisfies Record<string, Entry>;
