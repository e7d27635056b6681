export * from "./find-revocation-customer"
export * from "./record-session-security-events"
export * from "./revoke-customer-sessions"
export * from "./wait-for-next-second"
