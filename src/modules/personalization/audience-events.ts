/** Events of audiences pushed by a CDP. */
export const AudienceEvents = {
  /** `{ audience_id, added: customer ids, removed: customer ids }`, at most 1,000 ids per event. */
  MEMBERS_CHANGED: "audience.members_changed",
} as const

export type AudienceMembersChangedPayload = { audience_id: string; added: string[]; removed: string[] }

const CHUNK = 1000

/** The events announcing a membership change, at most 1,000 ids each. */
export function audienceMembersChangedPayloads(
  audienceId: string,
  added: string[],
  removed: string[]
): AudienceMembersChangedPayload[] {
  const out: AudienceMembersChangedPayload[] = []
  for (let i = 0; i < Math.max(added.length, removed.length); i += CHUNK) {
    out.push({ audience_id: audienceId, added: added.slice(i, i + CHUNK), removed: removed.slice(i, i + CHUNK) })
  }
  return out
}
