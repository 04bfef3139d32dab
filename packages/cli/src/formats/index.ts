import type { WhatIfResult } from '@winready/plugin-windows-readiness-common';
import type { Format } from '../options';
import type { EvaluationReport } from './common';
import { formatEvaluationCsv, formatWhatIfCsv } from './csv';
import { formatEvaluationJson, formatWhatIfJson } from './json';
import { formatEvaluationMarkdown, formatWhatIfMarkdown } from './markdown';
import { formatEvaluationTable, formatWhatIfTable } from './table';

export type { EvaluationReport } from './common';

export const EVALUATION_FORMATTERS: Record<
  Format,
  (report: EvaluationReport) => string
> = {
  json: formatEvaluationJson,
  table: formatEvaluationTable,
  csv: formatEvaluationCsv,
  markdown: formatEvaluationMarkdown,
};

export const WHAT_IF_FORMATTERS: Record<
  Format,
  (result: WhatIfResult) => string
> = {
  json: formatWhatIfJson,
  table: formatWhatIfTable,
  csv: formatWhatIfCsv,
  markdown: formatWhatIfMarkdown,
};
