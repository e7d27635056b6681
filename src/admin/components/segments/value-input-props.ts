import type { AdminCustomerSegmentAttribute as Attribute } from "../../../types/http"

/** What every value input gets: the attribute, the operator shaping the value, the value and where to send changes. */
export type ValueInputProps = {
  attribute: Attribute
  operator: string
  value: unknown
  onChange: (value: unknown) => void
  invalid?: boolean
  testId?: string
}
