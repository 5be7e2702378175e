/**
 * A text cell that a spreadsheet would read as a formula (= + - @, tab, carriage return) gets a
 * leading apostrophe, so an answer can never run as a formula in the reader's Excel.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return neutraliseFormula(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return neutraliseFormula(JSON.stringify(value));
}
