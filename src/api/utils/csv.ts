/**
 * A CSV cell: quoted when needed, and a leading = + - @ (or tab / CR) made
 * inert so a spreadsheet never runs a customer's name as a formula.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) {
    return ""
  }
  let text = value instanceof Date ? value.toISOString() : String(value)
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`
  }
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
