/**
 * The graph moved to the model layer (src/model/graph.ts), where the integrity check can use it
 * without importing the analysis. This re-export stays only for src/diagrams/i18n.ts (owned by the
 * words part of issue 16); import src/model/graph.ts everywhere else, and delete this file once
 * that one does too.
 */
export * from '../model/graph.ts';
