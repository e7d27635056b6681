import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

type StoredSession = {
  id: string
  customer_id: string
  user_id: string
  reason: string | null
  status: "pending" | "active" | "ended"
  code_hash?: string
  code_expires_at: Date | string
  exchanged_at: Date | string | null
  expires_at: Date | string | null
  ended_at: Date | string | null
  end_reason: string | null
  ended_by: string | null
  created_at: Date | string
}

/**
 * A session as the API shows it: never its code hash, and with the time
 * limits applied (an active session past `expires_at` is ended, "expired"; a
 * pending one past its code's expiry is ended, "code_expired"), whether or not
 * the minute job has written that yet.
 */
export function presentSession(session: StoredSession, now = new Date()) {
  const { code_hash: _hidden, ...shown } = session
  if (shown.status === "active" && shown.expires_at && new Date(shown.expires_at) <= now) {
    return { ...shown, status: "ended" as const, end_reason: "expired", ended_at: shown.expires_at }
  }
  if (shown.status === "pending" && new Date(shown.code_expires_at) <= now) {
    return { ...shown, status: "ended" as const, end_reason: "code_expired", ended_at: shown.code_expires_at }
  }
  return shown
}

/** Admin users by id: { id, email, first_name, last_name } (deleted users included, so old sessions keep a name). */
export async function usersById(container: MedusaContainer, ids: string[]) {
  if (!ids.length) {
    return new Map<string, { id: string; email: string; first_name: string | null; last_name: string | null }>()
  }
  const users = await container
    .resolve(Modules.USER)
    .listUsers({ id: [...new Set(ids)] }, { select: ["id", "email", "first_name", "last_name"], withDeleted: true })
  return new Map(users.map((u) => [u.id, { id: u.id, email: u.email, first_name: u.first_name ?? null, last_name: u.last_name ?? null }]))
}

/** List filters as the API shows statuses (time limits applied). */
export function sessionFilters(
  query: { user_id?: string; customer_id?: string; status?: "pending" | "active" | "ended"; created_after?: Date; created_before?: Date },
  now = new Date()
): Record<string, unknown> {
  const { user_id, customer_id, status, created_after, created_before } = query
  const timeFilter =
    status === "ended"
      ? { $or: [{ status: "ended" }, { status: "active", expires_at: { $lte: now } }, { status: "pending", code_expires_at: { $lte: now } }] }
      : status === "active"
        ? { status: "active", expires_at: { $gt: now } }
        : status === "pending"
          ? { status: "pending", code_expires_at: { $gt: now } }
          : {}
  return {
    ...(user_id ? { user_id } : {}),
    ...(customer_id ? { customer_id } : {}),
    ...(created_after || created_before
      ? { created_at: { ...(created_after ? { $gte: created_after } : {}), ...(created_before ? { $lte: created_before } : {}) } }
      : {}),
    ...timeFilter,
  }
}
