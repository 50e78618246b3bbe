/** `npm run import`: a starting model from Proxmox, or what is new merged in (src/proxmox/import-command.ts). */
import { runImport } from '../src/proxmox/import-command.ts';

process.exitCode = await runImport(
  process.argv.slice(2),
  process.env,
  (t) => process.stdout.write(t + '\n'),
  (t) => process.stderr.write(t + '\n'),
);
