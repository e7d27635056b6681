import { useMutation, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query"
import { remove } from "../../lib/api"

/**
 * A write whose success refetches what it changed: `invalidate` gets the
 * query client and is awaited before `mutateAsync` resolves, so a page that
 * awaits the write shows the new data.
 */
export const useWrite = <TVariables = void, TResult = unknown>(
  write: (variables: TVariables) => Promise<TResult>,
  invalidate: (client: QueryClient) => Promise<unknown>
) => {
  const client = useQueryClient()
  return useMutation({ mutationFn: write, onSuccess: () => invalidate(client) })
}

/** Deletes one record: its detail query is dropped (not refetched, it is gone), then `invalidate` refetches the rest. */
export const useDeleteRecord = (path: string, detail: QueryKey, invalidate: (client: QueryClient) => Promise<unknown>) =>
  useWrite(
    () => remove(path),
    (client) => {
      client.removeQueries({ queryKey: detail })
      return invalidate(client)
    }
  )
