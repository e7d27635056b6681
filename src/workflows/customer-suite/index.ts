export * from "./steps/update-suite-settings"
export * from "./workflows/update-suite-settings"
