/**
 * Shapes shared by the plugin's HTTP types. Type-only: the admin imports
 * these files, so nothing here (or in what they import) may run on import.
 */

/** A value as it crosses HTTP (what `res.json` sends): Dates become ISO 8601 strings. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T

/**
 * A model's row as the API sends it. DML's types give float columns a
 * `raw_<name>` twin that only big-number columns have: left out.
 */
export type ApiRow<T> = Jsonified<Omit<T, `raw_${string}`>>

/** A page of a list: `{ [key]: rows, count, offset, limit }`. */
export type PaginatedResponse<T> = T & { count: number; offset: number; limit: number }

/** The answer to a DELETE: `{ id, object, deleted: true }`. */
export type DeleteResponse<TObject extends string> = { id: string; object: TObject; deleted: true }

/** An error answered by a route itself (Medusa's error handler answers the same shape). */
export type ErrorResponse = { type: string; message: string; code?: string }
