import { MedusaError } from "@medusajs/framework/utils"

/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week),
 * evaluated in UTC: `*`, numbers, ranges `a-b`, steps `* /n` and `a-b/n`, lists.
 * Scheduled jobs run every minute and ask `cronMatches` whether the
 * merchant's schedule is due, since a job's own schedule is fixed when the
 * plugin loads.
 */
const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day of week", min: 0, max: 7 },
] as const

export type CronSchedule = Set<number>[]

function parseField(text: string, field: (typeof FIELDS)[number]): Set<number> {
  const values = new Set<number>()
  for (const part of text.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part)
    if (!match) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field.name} "${part}" is not a number, range, step or *`)
    }
    const step = match[4] ? Number(match[4]) : 1
    const low = match[1] === "*" ? field.min : Number(match[2])
    const high = match[1] === "*" ? field.max : match[3] !== undefined ? Number(match[3]) : match[4] ? field.max : low
    if (low < field.min || high > field.max || low > high || step < 1) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field.name} "${part}" is outside ${field.min}-${field.max}`)
    }
    for (let v = low; v <= high; v += step) {
      values.add(field.name === "day of week" && v === 7 ? 0 : v)
    }
  }
  return values
}

/** Parses a schedule; throws INVALID_DATA naming the field that is wrong. */
export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/)
  if (parts.length !== 5) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `needs 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`)
  }
  return parts.map((part, i) => parseField(part, FIELDS[i]))
}

/** Whether the schedule is due in the UTC minute of `date`. */
export function cronMatches(expression: string, date: Date): boolean {
  const [minute, hour, dom, month, dow] = parseCron(expression)
  const domRestricted = !expression.trim().split(/\s+/)[2].startsWith("*")
  const dowRestricted = !expression.trim().split(/\s+/)[4].startsWith("*")
  const domOk = dom.has(date.getUTCDate())
  const dowOk = dow.has(date.getUTCDay())
  // Standard cron: when both day fields are restricted, either may match.
  const dayOk = domRestricted && dowRestricted ? domOk || dowOk : domOk && dowOk
  return minute.has(date.getUTCMinutes()) && hour.has(date.getUTCHours()) && month.has(date.getUTCMonth() + 1) && dayOk
}
