/**
 * Reading a PDF's text with poppler's pdftotext: the runbook printer uses it to find its page
 * numbers, the build's output scan to read what the PDFs say. Node-only (runs a program).
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { splitPages } from './pdf.ts';

const execFileAsync = promisify(execFile);

/** Whether pdftotext (Debian: poppler-utils) is installed. */
export function havePdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The text of each page of a PDF file (asynchronous, so several read at once). */
export async function pdftotextPages(file: string): Promise<string[]> {
  const { stdout } = await execFileAsync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return splitPages(stdout);
}
