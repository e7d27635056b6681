export * from "./find-customer-reset-account"
export * from "./prune-security-events"
export * from "./record-security-events"
export * from "./send-reset-password-email"
