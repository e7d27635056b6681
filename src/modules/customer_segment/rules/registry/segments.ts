import { attribute } from "./define"

/**
 * Membership of other segments: `segments CONTAINS 'cseg_…'`. A segment may
 * not read itself, directly or through others (a cycle is refused when the
 * rule is saved); refreshes run the segments a rule reads first, and a
 * membership change re-evaluates the segments that read it.
 */
export const segmentAttributes = {
  segments: attribute({
    type: "id_list",
    label: "Segments",
    description: "The customer segments the customer is a member of (static or dynamic).",
    guest: true,
    picker: "segment",
    facts: ["segments"],
    // "Member of any segment" would read every segment, itself included: name the segments instead.
    without: ["exists"],
    sql: (q) => {
      const members = (where: string) =>
        `${q.p}.customer_id IN (SELECT sm.customer_id FROM customer_segment_membership sm
          WHERE sm.deleted_at IS NULL AND ${where} AND ${q.scope("sm.customer_id")})`
      return { overlaps: (ids) => members(`sm.segment_id = ANY(${ids})`), any: members("true") }
    },
    read: (facts) => facts.segments,
  }),
}
