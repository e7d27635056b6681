/**
 * Amounts add up as decimals, the way PostgreSQL adds `numeric` and Medusa's
 * BigNumber adds order totals: 0.1 + 0.2 is 0.3, not 0.30000000000000004.
 * The SQL evaluator sums customer_order.total (numeric) and the backfill
 * sums order totals with BigNumber, so the in-memory evaluator must not add
 * binary floats, or an amount right at a rule's boundary would compare
 * differently in the two.
 */

/** A finite number as an integer of units and a decimal scale (the number is units / 10^scale). */
function decimal(value: number): { units: bigint; scale: number } {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value))
  if (!match) {
    throw new Error(`${value} is not a finite amount`)
  }
  const [, sign, whole, fraction = "", exponent = "0"] = match
  const units = BigInt(`${sign}${whole}${fraction}`)
  const scale = fraction.length - Number(exponent)
  return scale >= 0 ? { units, scale } : { units: units * 10n ** BigInt(-scale), scale: 0 }
}

/**
 * The exact decimal sum of amounts, as the nearest number (what
 * `SUM(numeric)::float8` gives for the same values).
 */
export function sumAmounts(values: readonly number[]): number {
  const parts = values.map(decimal)
  const scale = Math.max(0, ...parts.map((p) => p.scale))
  const total = parts.reduce((sum, p) => sum + p.units * 10n ** BigInt(scale - p.scale), 0n)
  const digits = (total < 0n ? -total : total).toString().padStart(scale + 1, "0")
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits
  return Number(`${total < 0n ? "-" : ""}${text}`)
}
