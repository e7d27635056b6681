export * from "./clear-sign-in-locks"
export * from "./record-sign-in-unlock"
