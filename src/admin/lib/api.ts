import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"

/** What the admin's API clients (segments, group pricing, tax classes) share. */

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

/** A write whose success refetches what it changed (`refetch` gets the query client; awaited before `mutateAsync` resolves). */
export const useWrite = <TVariables = void, TResult = unknown>(
  write: (variables: TVariables) => Promise<TResult>,
  refetch: (client: QueryClient) => Promise<unknown>
) => {
  const client = useQueryClient()
  return useMutation({ mutationFn: write, onSuccess: () => refetch(client) })
}
