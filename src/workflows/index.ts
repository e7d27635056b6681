/**
 * The plugin's workflows, for a store's own code:
 *   import { createGroupPriceRuleWorkflow } from "medusa-customer-suite/workflows"
 */
export * from "./customer-activity"
export * from "./customer-bulk-actions"
export * from "./customer-grid"
export * from "./customer-groups"
export * from "./customer-presence"
export * from "./customer-segments"
export * from "./customer-suite"
export * from "./group-pricing"
export * from "./shopping-assistance"
export * from "./sign-in-protection"
export * from "./tax-classes"
