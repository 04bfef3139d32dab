import { oneLine } from './common';

/**
 * Columns padded to their widest cell, two spaces apart. The last column is
 * not padded, so long messages do not push trailing blanks.
 */
export function renderTextTable(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): string {
  const cells = [headers, ...rows].map(row => row.map(oneLine));
  const widths = headers.map((_, column) =>
    Math.max(...cells.map(row => row[column]?.length ?? 0)),
  );
  return cells
    .map(row =>
      row
        .map((cell, column) =>
          column === row.length - 1 ? cell : cell.padEnd(widths[column]),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
