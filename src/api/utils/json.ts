import type { Jsonified } from "../../types/http"

/**
 * What `res.json` sends of a value (Dates as ISO 8601 strings), for typing a
 * response built from rows that hold Dates.
 */
export const toJson = <T>(value: T): Jsonified<T> => JSON.parse(JSON.stringify(value)) as Jsonified<T>
