import type {
  TaintWhatIfResult,
  WhatIfResult,
} from '@winready/plugin-windows-readiness-common';
import type { Format } from '../options';
import type { EvaluationReport } from './common';
import { formatEvaluationCsv, formatWhatIfCsv } from './csv';
import { formatEvaluationJson, formatWhatIfJson } from './json';
import { formatEvaluationMarkdown, formatWhatIfMarkdown } from './markdown';
import { formatEvaluationTable, formatWhatIfTable } from './table';
import {
  formatTaintWhatIfCsv,
  formatTaintWhatIfJson,
  formatTaintWhatIfMarkdown,
  formatTaintWhatIfTable,
} from './taintWhatIf';

export type { EvaluationReport } from './common';

/** What a format writes: the text, in pieces (JSON and CSV are written as they are made). */
export type Output = Iterable<string>;

export const EVALUATION_FORMATTERS: Record<
  Format,
  (report: EvaluationReport) => Output
> = {
  json: formatEvaluationJson,
  table: report => [formatEvaluationTable(report)],
  csv: formatEvaluationCsv,
  markdown: report => [formatEvaluationMarkdown(report)],
};

export const WHAT_IF_FORMATTERS: Record<
  Format,
  (result: WhatIfResult) => Output
> = {
  json: formatWhatIfJson,
  table: result => [formatWhatIfTable(result)],
  csv: formatWhatIfCsv,
  markdown: result => [formatWhatIfMarkdown(result)],
};

export const TAINT_WHAT_IF_FORMATTERS: Record<
  Format,
  (result: TaintWhatIfResult) => Output
> = {
  json: formatTaintWhatIfJson,
  table: result => [formatTaintWhatIfTable(result)],
  csv: formatTaintWhatIfCsv,
  markdown: result => [formatTaintWhatIfMarkdown(result)],
};
