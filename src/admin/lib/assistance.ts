import type { AdminAssistanceUser } from "../../types/http"

/** Login-as-customer values the admin shows (no React or SDK here). */

/** What names an admin: a session's user, or one the SDK lists. */
type NamedUser = Pick<AdminAssistanceUser, "email" | "first_name" | "last_name">

export const adminName = (user: NamedUser | null | undefined) =>
  user ? [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email : null

/** An admin by name and email ("Ann Lee (ann@shop.test)"), or the email alone when that is all there is. */
export const adminNameAndEmail = (user: NamedUser) => {
  const name = adminName(user)
  return name === user.email ? user.email : `${name} (${user.email})`
}

/** The order's mark from a session (`metadata.assistance`), or null. */
export const assistanceOf = (metadata: Record<string, unknown> | null | undefined) => {
  const mark = metadata?.assistance
  if (!mark || typeof mark !== "object") {
    return null
  }
  const { session_id, user_id } = mark as Record<string, unknown>
  return typeof session_id === "string" ? { session_id, user_id: typeof user_id === "string" ? user_id : null } : null
}
