import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { AdminAssistanceSession, AdminAssistanceUser } from "../../types/http"
import type { AssistanceSessionRow } from "../../workflows/shopping-assistance/types"

/** The fields the API shows of a session (never its code hash). */
export const ASSISTANCE_SESSION_FIELDS = [
  "id",
  "customer_id",
  "user_id",
  "reason",
  "status",
  "code_expires_at",
  "exchanged_at",
  "expires_at",
  "ended_at",
  "end_reason",
  "ended_by",
  "created_at",
  "updated_at",
  "deleted_at",
] as const

type DateLike = Date | string
/** A stored session as read (dates as Dates from a module, or strings), without its code hash. */
export type StoredSession = { [K in keyof Omit<AssistanceSessionRow, "code_hash">]: AssistanceSessionRow[K] extends Date ? DateLike : AssistanceSessionRow[K] extends Date | null ? DateLike | null : AssistanceSessionRow[K] }

const iso = (value: DateLike) => new Date(value).toISOString()
const isoOrNull = (value: DateLike | null) => (value === null ? null : iso(value))

/**
 * A session as the API shows it: never its code hash, and with the time
 * limits applied (an active session past `expires_at` is ended, "expired"; a
 * pending one past its code's expiry is ended, "code_expired"), whether or not
 * the minute job has written that yet.
 */
export function presentSession(session: StoredSession & { code_hash?: string }, now = new Date()): AdminAssistanceSession {
  const shown: AdminAssistanceSession = {
    id: session.id,
    customer_id: session.customer_id,
    user_id: session.user_id,
    reason: session.reason,
    status: session.status,
    code_expires_at: iso(session.code_expires_at),
    exchanged_at: isoOrNull(session.exchanged_at),
    expires_at: isoOrNull(session.expires_at),
    ended_at: isoOrNull(session.ended_at),
    end_reason: session.end_reason,
    ended_by: session.ended_by,
    created_at: iso(session.created_at),
    updated_at: iso(session.updated_at),
    deleted_at: isoOrNull(session.deleted_at),
  }
  if (shown.status === "active" && shown.expires_at && new Date(shown.expires_at) <= now) {
    return { ...shown, status: "ended", end_reason: "expired", ended_at: shown.expires_at }
  }
  if (shown.status === "pending" && new Date(shown.code_expires_at) <= now) {
    return { ...shown, status: "ended", end_reason: "code_expired", ended_at: shown.code_expires_at }
  }
  return shown
}

/** Admin users by id: { id, email, first_name, last_name } (deleted users included, so old sessions keep a name). */
export async function usersById(container: MedusaContainer, ids: string[]): Promise<Map<string, AdminAssistanceUser>> {
  if (!ids.length) {
    return new Map()
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
