import type { AdminGroupPriceRule } from "../../types/http"

/** Group pricing values the admin shows (no React or SDK here). */

/**
 * A managed price list's `metadata.managed_by` (the sync's MANAGED_BY,
 * src/workflows/group-pricing/steps/plan-sync.ts; not imported: that file
 * pulls the server framework into the admin bundle).
 */
export const MANAGED_BY = "medusa-customer-suite"

export const RULE_STATES = ["active", "inactive", "scheduled", "ended"] as const
export type RuleState = (typeof RULE_STATES)[number]

/** Whether a rule is in force at `now`, will be, was, or is switched off. */
export function ruleState(rule: Pick<AdminGroupPriceRule, "status" | "starts_at" | "ends_at">, now: Date): RuleState {
  if (rule.status !== "active") {
    return "inactive"
  }
  if (rule.ends_at && new Date(rule.ends_at) <= now) {
    return "ended"
  }
  if (rule.starts_at && new Date(rule.starts_at) > now) {
    return "scheduled"
  }
  return "active"
}
