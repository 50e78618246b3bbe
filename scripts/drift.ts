/** `npm run drift`: compares the model with Proxmox (src/proxmox/drift-command.ts says how). */
import { runDrift } from '../src/proxmox/drift-command.ts';

process.exitCode = await runDrift(
  process.argv.slice(2),
  process.env,
  (text) => process.stdout.write(text + '\n'),
  (text) => process.stderr.write(text + '\n'),
);
