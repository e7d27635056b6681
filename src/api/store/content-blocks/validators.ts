import { z } from "@medusajs/framework/zod"

/** An id; the message names the field (Medusa's error shows a custom message alone). */
const idOf = (field: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${field}: must not be empty` })
    .max(100, { message: `${field}: at most 100 characters` })
    .regex(/^[A-Za-z0-9_-]+$/, { message: `${field}: must be an id (letters, digits, _ and -)` })

export const placementKey = (field: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${field}: must not be empty` })
    .max(64, { message: `${field}: at most 64 characters` })
    .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: `${field}: lower case letters, digits, "-" and "_" (e.g. home-hero)` })

export const localeTag = (field: string) =>
  z
    .string()
    .trim()
    .max(10, { message: `${field}: at most 10 characters` })
    .regex(/^[a-zA-Z]{2,3}(?:[-_](?:[a-zA-Z]{2}|\d{3}))?$/, { message: `${field}: a language tag such as "en" or "de-DE"` })

export type StoreGetContentBlocksParamsType = z.infer<typeof StoreGetContentBlocksParams>
export const StoreGetContentBlocksParams = z
  .object({
    placement: placementKey("placement"),
    cart_id: idOf("cart_id").optional(),
    locale: localeTag("locale").optional(),
    limit: z.coerce
      .number({ message: "limit: must be a number" })
      .int({ message: "limit: must be a whole number" })
      .min(1, { message: "limit: at least 1" })
      .max(20, { message: "limit: at most 20" })
      .default(5),
  })
  .strict()

export type StoreContentBlockEventsType = z.infer<typeof StoreContentBlockEvents>
export const StoreContentBlockEvents = z
  .object({
    cart_id: idOf("cart_id").optional(),
    anonymous_id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/, { message: 'anonymous_id: 8 to 64 letters, digits, "-" or "_"' })
      .optional(),
    events: z
      .array(
        z
          .object({
            block_id: idOf("events.block_id"),
            type: z.enum(["impression", "click"], { message: 'events.type: "impression" or "click"' }),
          })
          .strict(),
        { message: "events: must be a list of events" }
      )
      .min(1, { message: "events: at least one event" })
      .max(100, { message: "events: at most 100 events per batch" }),
  })
  .strict()
