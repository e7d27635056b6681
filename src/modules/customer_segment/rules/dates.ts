/**
 * Date values in rules: absolute ("2026-01-31", a calendar day in UTC) or
 * relative to now ("today", "-30d", "-4w", "-6m", "-1y").
 */

export const DAY_MS = 24 * 60 * 60 * 1000

export const ABSOLUTE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
export const RELATIVE_DATE = /^(?:today|-(\d{1,4})([dwmy]))$/

export function isAbsoluteDate(value: string): boolean {
  const match = ABSOLUTE_DATE.exec(value)
  if (!match) {
    return false
  }
  const [, y, m, d] = match.map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

export function isRelativeDate(value: string): boolean {
  return RELATIVE_DATE.test(value)
}

export function isDateValue(value: string): boolean {
  return isAbsoluteDate(value) || isRelativeDate(value)
}

/** Rules whose values move with time need a scheduled refresh. */
export function usesRelativeDate(value: unknown): boolean {
  if (typeof value === "string") {
    return isRelativeDate(value)
  }
  if (Array.isArray(value)) {
    return value.some(usesRelativeDate)
  }
  if (value && typeof value === "object") {
    return Object.values(value).some(usesRelativeDate)
  }
  return false
}

/** Moves a UTC day by whole months, clamping to the month's last day (31 March - 1m = 28/29 February). */
function addMonths(day: Date, months: number): Date {
  const target = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day.getUTCDate(), lastDay))
  return target
}

/**
 * The start of the UTC day a date value names, relative to `now`.
 * Months and years are calendar months, clamped to the month's last day.
 */
export function resolveDate(value: string, now: Date): Date {
  if (isAbsoluteDate(value)) {
    return new Date(`${value}T00:00:00.000Z`)
  }
  const match = RELATIVE_DATE.exec(value)
  if (!match) {
    throw new Error(`"${value}" is not a date: use YYYY-MM-DD, today, or -Nd, -Nw, -Nm, -Ny`)
  }
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  if (value === "today") {
    return day
  }
  const amount = Number(match[1])
  switch (match[2]) {
    case "d":
      day.setUTCDate(day.getUTCDate() - amount)
      break
    case "w":
      day.setUTCDate(day.getUTCDate() - 7 * amount)
      break
    case "m":
      return addMonths(day, -amount)
    case "y":
      return addMonths(day, -12 * amount)
  }
  return day
}
