import { attribute } from "./define"

/**
 * The customer's activity on the storefront (Now Online, customer_activity
 * module): `last_activity_date`, their latest store request while signed in.
 * Stored in customer_profile.last_activity_at, which the presence tracker
 * keeps current in its batched writes (at most a minute behind, decision
 * 0031). Those writes raise no event, so segments reading it are refreshed
 * on the schedule (moves_with_time); a live check reads the stored value.
 */
export const activityAttributes = {
  last_activity_date: attribute({
    type: "date",
    label: "Last activity date",
    description:
      "When the customer last used the storefront while signed in (Now Online's presence, up to a minute behind); empty when never seen. Guests have none.",
    guest: false,
    facts: ["last_activity_at"],
    moves_with_time: true,
    sql: (q) => `${q.p}.last_activity_at`,
    read: (facts) => facts.last_activity_date,
  }),
}
