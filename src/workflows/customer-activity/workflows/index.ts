export * from "./prune-security-events"
export * from "./record-security-events"
export * from "./send-customer-password-reset"
export * from "./revoke-customer-sessions"
