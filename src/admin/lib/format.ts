/** Display formats shared by the segment pages and widgets (the browser's locale). */

export const formatDateTime = (value: string | Date | null | undefined) =>
  value ? new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "—"

export const formatDate = (value: string | Date | null | undefined) =>
  value ? new Date(value).toLocaleDateString(undefined, { dateStyle: "medium" }) : "—"

export const formatDuration = (ms: number | null | undefined) => {
  if (ms === null || ms === undefined) {
    return "—"
  }
  return ms < 1000
    ? new Intl.NumberFormat(undefined, { style: "unit", unit: "millisecond", maximumFractionDigits: 0 }).format(ms)
    : new Intl.NumberFormat(undefined, { style: "unit", unit: "second", maximumFractionDigits: ms < 10_000 ? 2 : 1 }).format(ms / 1000)
}

export const formatMoney = (amount: number, currency: string) => {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currency.toUpperCase()}`
  }
}

export const customerName = (c: { first_name?: string | null; last_name?: string | null; email?: string | null; id: string }) =>
  [c.first_name, c.last_name].filter(Boolean).join(" ") || c.email || c.id

/** A time left, rounded as a person reads one: seconds under a minute, then minutes, then hours and minutes. */
export const formatTimeLeft = (seconds: number) => {
  const unit = (value: number, u: "second" | "minute" | "hour") =>
    new Intl.NumberFormat(undefined, { style: "unit", unit: u, maximumFractionDigits: 0 }).format(value)
  if (seconds < 60) {
    return unit(Math.max(1, Math.round(seconds)), "second")
  }
  const minutes = Math.ceil(seconds / 60)
  return minutes < 60 ? unit(minutes, "minute") : `${unit(Math.floor(minutes / 60), "hour")} ${unit(minutes % 60, "minute")}`
}
