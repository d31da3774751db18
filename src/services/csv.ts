// CSV for spreadsheets: RFC 4180 quoting, and cells defused against formula injection.

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a leading tab/CR that some strip first)
 * gets a leading apostrophe, so "=HYPERLINK(...)" from an article arrives as text (OWASP's advice).
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  // Numbers we write ourselves (ids, scores) stay numbers; every string is checked.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
