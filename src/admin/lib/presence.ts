/** How long ago a moment was, in words of the browser's locale ("3 minutes ago", "yesterday"). */
export function formatAgo(value: string | Date | null | undefined, now: number = Date.now()): string {
  if (!value) {
    return "—"
  }
  const seconds = Math.round((new Date(value).getTime() - now) / 1000)
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" })
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ]
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.trunc(seconds / size), unit)
    }
  }
  return format.format(Math.min(0, seconds), "second")
}

/** Time windows the page offers (minutes); the store's setting is added when it is not one of them. */
export const WINDOW_CHOICES = [5, 15, 30, 60, 240, 1_440] as const

export const windowChoices = (setting: number | undefined): number[] =>
  [...new Set([...WINDOW_CHOICES, ...(setting ? [setting] : [])])].sort((a, b) => a - b)
