export * from "./revoke-customer-sessions"
