/**
 * `node scripts/runbook-pdf.ts [dir]`: prints the runbook PDFs of a built site folder (default
 * dist), as the build does after Astro (src/runbook/print-pdf.ts).
 */
import { buildRunbookPdfs } from '../src/runbook/print-pdf.ts';

const dir = process.argv[2] ?? 'dist';
buildRunbookPdfs(dir).then(
  (files) => console.log(files.join('\n')),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
