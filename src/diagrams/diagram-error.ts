/** The error every diagram that cannot be rendered fails with, naming the diagram and where it came from. */
import type { DiagramSpec } from './types.ts';
import { DriftsbokError } from '../errors.ts';

export class DiagramError extends DriftsbokError {
  constructor(spec: Pick<DiagramSpec, 'id' | 'source'>, problem: string) {
    super(
      `diagram "${spec.id}" (from ${spec.source}) cannot be rendered: ${problem}`,
      'the Mermaid text is generated in src/diagrams; a model string that breaks it is a bug in the escaping, ' +
        'and a diagram that is too large should be split (Mermaid refuses text over maxTextSize).',
    );
  }
}
