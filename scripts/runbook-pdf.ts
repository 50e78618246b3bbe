// PLACEHOLDER until the runbook work lands: writes dist/runbook-nb.pdf and dist/runbook-en.pdf
// from a freshly built site folder. Replaced by the runbook module.
export async function buildRunbookPdfs(_outDir: string): Promise<string[]> {
  return [];
}
