/**
 * The purchase overview as the admin reads it (src/api/admin/customer-suite/customers/:id/overview):
 * the admin's own type until it comes from src/types/http.
 */
export type CustomerOverview = {
  customer_id: string
  has_account: boolean
  customer_since: string
  orders_count: number
  amount_spent: { currency_code: string; amount: number }[]
  first_order_at: string | null
  last_order_at: string | null
}
