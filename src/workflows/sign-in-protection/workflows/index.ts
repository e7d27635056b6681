export * from "./unlock-customer-sign-in"
