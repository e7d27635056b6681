/**
 * The plugin's HTTP request and response types, one file per resource.
 * Type-only (the admin and storefront clients import them): bodies and
 * query parameters are the validators' input types, rows come from the
 * models, and dates arrive as ISO 8601 strings.
 */
export type * from "./assistance-session"
export type * from "./audience"
export type * from "./common"
export type * from "./content-block"
export type * from "./customer-activity"
export type * from "./customer-grid"
export type * from "./customer-segment"
export type * from "./customer-suite"
export type * from "./group-price-rule"
export type * from "./tax-class"
