/**
 * `npm run check [model-dir] [--lang nb|en]`: the entry. The command itself (checking, formatting,
 * the summary) is src/cli/check-command.ts.
 */
import { pathToFileURL } from 'node:url';
import { runCheck } from '../src/cli/check-command.ts';

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const lines: string[] = [];
  const code = await runCheck(process.argv.slice(2), process.env, (text) => lines.push(text));
  process.stdout.write(lines.join('\n') + '\n');
  process.exitCode = code;
}
