import cronstrue from "cronstrue"

/**
 * A refresh schedule (five-field cron, evaluated in UTC by the plugin's
 * jobs) in words: "0 * * * *" → "Every hour, on the hour (UTC)". cronstrue
 * says "Every hour" for minute 0 alone; "on the hour" tells which minute.
 * Null when the expression is not one cronstrue reads (the raw text is shown then).
 */
export function describeSchedule(expression: string): string | null {
  let text: string
  try {
    text = cronstrue.toString(expression, { use24HourTimeFormat: true, throwExceptionOnParseError: true })
  } catch {
    return null
  }
  const minute = expression.trim().split(/\s+/)[0]
  if (minute === "0" && text.startsWith("Every hour")) {
    text = text.replace("Every hour", "Every hour, on the hour")
  }
  return `${text} (UTC)`
}
