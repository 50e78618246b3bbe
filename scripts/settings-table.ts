/** `node scripts/settings-table.ts`: writes README.md's settings table from src/settings.ts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withSettingsTable } from '../src/settings.ts';

const readme = readFileSync('README.md', 'utf8');
const updated = withSettingsTable(readme);
if (updated !== readme) writeFileSync('README.md', updated);
process.stdout.write(updated === readme ? 'README.md: settings table up to date\n' : 'README.md: settings table written\n');
