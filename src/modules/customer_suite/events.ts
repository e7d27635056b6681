/** Events the customer_suite module's workflows emit. Payloads are ids. */
export const CustomerSuiteEvents = {
  /** `{ id }`: a bulk action of the customers grid is queued (or due to resume); a worker runs it. */
  BULK_ACTION_REQUESTED: "customer_suite.bulk_action_requested",
} as const
