import type { WhatIfResult } from '@winready/plugin-windows-readiness-common';
import type { EvaluationReport } from './common';

/** The contract JSON of `evaluate`: EvaluationResult keys plus `summary`. */
export function formatEvaluationJson(report: EvaluationReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The contract JSON of `what-if`: the WhatIfResult as the engine gives it. */
export function formatWhatIfJson(result: WhatIfResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
