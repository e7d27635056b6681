import type { CustomerFacts } from "../facts"
import { emailDomain, fold, foldOrNull } from "../fold"
import type { ListSql } from "../operators"
import type { SqlContext } from "../sql-context"
import { attribute } from "./define"

/**
 * Attributes of the customer record: email, names, account, groups,
 * addresses and metadata. The projection stores the text compared without
 * case already folded (email, email_domain, *_folded names, countries,
 * provinces, cities, metadata_folded).
 */

/** A text[] column of customer_profile. */
const arrayColumn = (column: string): ListSql => ({
  overlaps: (values) => `${column} && ${values}`,
  any: `cardinality(${column}) > 0`,
})

/** first_name / last_name: exact for = and IN, folded for CONTAINS and STARTS WITH. */
const name = (key: "first_name" | "last_name", label: string) =>
  attribute({
    type: "string",
    label,
    description: `The customer's ${label.toLowerCase()} (= and IN exact; CONTAINS and STARTS WITH ignore case).`,
    guest: false,
    facts: [key],
    sql: (q) => ({ exact: `${q.p}.${key}`, folded: `${q.p}.${key}_folded` }),
    read: (facts) => ({ exact: facts[key], folded: foldOrNull(facts[key]) }),
  })

/** countries / provinces / cities: lists compared without case. */
const places = (key: "countries" | "provinces" | "cities", label: string, description: string) =>
  attribute({
    type: "string_list",
    label,
    description,
    guest: true,
    case_insensitive: true,
    facts: [key],
    ...(key === "countries" ? { picker: "country" as const } : {}),
    sql: (q) => arrayColumn(`${q.p}.${key}`),
    read: (facts: CustomerFacts) => facts[key].map(fold),
    explain: (facts: CustomerFacts) => facts[key],
  })

export const customerAttributes = {
  email: attribute({
    type: "string",
    label: "Email",
    description: "The customer's email address (compared without case).",
    guest: true,
    case_insensitive: true,
    facts: ["email"],
    sql: (q) => ({ exact: `${q.p}.email`, folded: `${q.p}.email` }),
    read: (facts) => {
      const email = foldOrNull(facts.email)
      return { exact: email, folded: email }
    },
    explain: (facts) => facts.email,
  }),
  email_domain: attribute({
    type: "string",
    label: "Email domain",
    description: "The part of the email address after the last @, e.g. example.com (compared without case).",
    guest: true,
    case_insensitive: true,
    facts: ["email"],
    sql: (q) => ({ exact: `${q.p}.email_domain`, folded: `${q.p}.email_domain` }),
    read: (facts) => {
      const domain = emailDomain(facts.email)
      return { exact: domain, folded: domain }
    },
  }),
  first_name: name("first_name", "First name"),
  last_name: name("last_name", "Last name"),
  has_account: attribute({
    type: "boolean",
    label: "Has an account",
    description: "Whether the customer registered (true) or only checked out as a guest (false).",
    guest: true,
    facts: ["has_account"],
    sql: (q) => `${q.p}.has_account`,
    read: (facts) => facts.has_account,
  }),
  customer_added_date: attribute({
    type: "date",
    label: "Customer since",
    description: "When the customer record was created.",
    guest: false,
    facts: ["customer_added_at"],
    sql: (q) => `${q.p}.customer_added_at`,
    read: (facts) => facts.customer_added_date,
  }),
  customer_groups: attribute({
    type: "id_list",
    label: "Customer groups",
    description: "The customer groups the customer belongs to.",
    guest: false,
    picker: "customer_group",
    facts: ["group_ids"],
    sql: (q) => arrayColumn(`${q.p}.group_ids`),
    read: (facts) => facts.customer_groups,
  }),
  countries: places(
    "countries",
    "Countries",
    "Countries of the customer's saved addresses (ISO 3166-1 alpha-2, any case); for guests, the cart's shipping country."
  ),
  provinces: places("provinces", "Provinces / states", "Province or state codes of the customer's addresses, e.g. us-ca."),
  cities: places("cities", "Cities", "Cities of the customer's addresses (compared without case)."),
}

/** `metadata.<key>`: the value of one key of the customer's metadata (strings, numbers, booleans). */
export const metadataAttribute = attribute({
  type: "metadata",
  label: "Metadata",
  description: "The value of a key of the customer's metadata.",
  guest: false,
  facts: ["metadata"],
  sql: (q: SqlContext, name: string) => {
    const key = q.param(metadataKey(name), "text")
    return { json: `(${q.p}.metadata -> ${key})`, folded: `(${q.p}.metadata_folded -> ${key})` }
  },
  read: (facts, _context, name) => {
    const value = facts.metadata?.[metadataKey(name)]
    return { value, folded: typeof value === "string" ? fold(value) : value }
  },
  explain: (facts, _context, _value, name) => facts.metadata?.[metadataKey(name)] ?? null,
})

export const METADATA_PREFIX = "metadata."
export const METADATA_KEY = /^[A-Za-z0-9_-]{1,100}$/
export const metadataKey = (name: string) => name.slice(METADATA_PREFIX.length)
