export * from "./record-sign-in"
export * from "./unlock-customer-sign-in"
