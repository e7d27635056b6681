/** Medusa v2 amounts are in the currency's main unit (12.5 is €12.50). */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined) {
  if (amount === null || amount === undefined || !currency) {
    return "–"
  }
  return new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).format(amount)
}
