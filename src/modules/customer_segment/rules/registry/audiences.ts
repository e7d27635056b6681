import { attribute } from "./define"

/**
 * Audiences pushed by a CDP (personalization module): `audiences CONTAINS
 * 'aud_…'`. Stored in customer_profile.audience_ids, kept current by the
 * `audience.members_changed` subscriber. Guests are in no audience.
 */
export const audienceAttributes = {
  audiences: attribute({
    type: "id_list",
    label: "Audiences",
    description: "The audiences from an external CDP (Customer Data Platform) the customer is in.",
    guest: false,
    picker: "audience",
    facts: ["audience_ids"],
    sql: (q) => ({ overlaps: (ids) => `${q.p}.audience_ids && ${ids}`, any: `cardinality(${q.p}.audience_ids) > 0` }),
    read: (facts) => facts.audiences,
  }),
}
