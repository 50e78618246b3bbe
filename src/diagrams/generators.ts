/**
 * Model (and analysis) → DiagramSpec: the public generators, one module per view. Every function is
 * pure: same input, same text. Where each idea lives:
 * - drawing.ts: the shared drawing rules (context, box shapes and classes, line styles, places, legend)
 * - budget.ts: the size budget of the whole-model views and their summary labels
 * - failure-layout.ts: the failure diagram's budget in boxes and how it collapses
 * - topology.ts, architecture.ts, power.ts, failure.ts, plan.ts: the views
 */
export { isPlanned, isStopped } from './drawing.ts';
export { DIAGRAM_BUDGET } from './budget.ts';
export { FAILURE_BUDGET, FAILURE_MAX_LEVEL, failureLayout, rankShape, type FailureBox, type FailureLayout } from './failure-layout.ts';
export { topologyDiagram } from './topology.ts';
export { architectureDiagram } from './architecture.ts';
export { powerDiagram } from './power.ts';
export { failureDiagram } from './failure.ts';
export { planDiagrams } from './plan.ts';
