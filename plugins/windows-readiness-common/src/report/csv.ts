/**
 * CSV as the report exports and the CLI prints it: RFC 4180 quoting, and a
 * cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
 * leading `'`, so that a spreadsheet shows it instead of running it as a
 * formula (OWASP, "CSV Injection").
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV row, CRLF-terminated. */
export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
