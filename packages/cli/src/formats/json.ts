import type { WhatIfResult } from '@winready/plugin-windows-readiness-common';
import type { EvaluationReport } from './common';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { toJSON?: unknown }).toJSON !== 'function';

const skipped = (value: unknown) =>
  value === undefined ||
  typeof value === 'function' ||
  typeof value === 'symbol';

/**
 * The text of `JSON.stringify(value, null, 2)`, in pieces: the top
 * `levels` levels of objects and arrays are written member by member, what
 * is below them one member at a time. A result larger than the longest
 * string V8 can hold (a 200,000-pod fleet's) still prints.
 */
export function* prettyJson(
  value: unknown,
  levels = 2,
  indent = '',
): Generator<string> {
  const inner = `${indent}  `;
  if (levels > 0 && Array.isArray(value) && value.length > 0) {
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      // As JSON.stringify does: what JSON cannot hold is null in an array.
      yield* prettyJson(skipped(value[i]) ? null : value[i], levels - 1, inner);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}]`;
    return;
  }
  if (levels > 0 && isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => !skipped(v));
    if (entries.length > 0) {
      yield '{\n';
      for (let i = 0; i < entries.length; i++) {
        yield `${inner}${JSON.stringify(entries[i][0])}: `;
        yield* prettyJson(entries[i][1], levels - 1, inner);
        yield i < entries.length - 1 ? ',\n' : '\n';
      }
      yield `${indent}}`;
      return;
    }
  }
  const text = JSON.stringify(value, null, 2) ?? 'null';
  // A JSON text has no raw line breaks inside strings: indenting is safe.
  yield indent ? text.replace(/\n/g, `\n${indent}`) : text;
}

/** The contract JSON of `evaluate`: EvaluationResult keys plus `summary`. */
export function* formatEvaluationJson(
  report: EvaluationReport,
): Generator<string> {
  yield* prettyJson(report);
  yield '\n';
}

/** The contract JSON of `what-if`: the WhatIfResult as the engine gives it. */
export function* formatWhatIfJson(result: WhatIfResult): Generator<string> {
  yield* prettyJson(result);
  yield '\n';
}
