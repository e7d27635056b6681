import { backendUrl, sdk } from "./sdk"

/** What the admin's API hooks share. */

/** `?a=1&b=x&b=y` from a query: blank values left out, arrays as repeated keys; "" when nothing is left. */
export const toSearch = (query: Record<string, unknown>) => {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") {
      continue
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      params.append(key, String(item))
    }
  }
  const text = params.toString()
  return text ? `?${text}` : ""
}

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** A JSON POST to the admin API. */
export const post = <T>(path: string, body: Record<string, unknown>) => sdk.client.fetch<T>(path, { method: "POST", body })

/** A DELETE on the admin API (`{ id, object, deleted }`). */
export const remove = (path: string) => sdk.client.fetch<{ id: string; object?: string; deleted: boolean }>(path, { method: "DELETE" })

/** An admin API path under the backend's address, for links the browser follows itself (downloads). */
export const backendPath = (path: string) => `${backendUrl.replace(/\/$/, "")}${path}`
