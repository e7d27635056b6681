import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { positional } from "../../../modules/customer_segment/sql/execute"
import type { AudienceMemberRef } from "../types"

export type ResolveAudienceMembersStepInput = { add: AudienceMemberRef[]; remove: AudienceMemberRef[] }

export type ResolvedAudienceMembers = {
  add_customer_ids: string[]
  remove_customer_ids: string[]
  unknown: { count: number; samples: AudienceMemberRef[] }
}

export const resolveAudienceMembersStepId = "customer-suite-resolve-audience-members"

/** How many unknown members a batch's answer and log name. */
export const UNKNOWN_SAMPLES = 20

/** Emails compared without ASCII case, the same way in SQL (translate) and here, whatever the database locale. */
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
const asciiLower = (text: string) => text.trim().replace(/[A-Z]/g, (c) => c.toLowerCase())

const refKey = (ref: AudienceMemberRef) => ("customer_id" in ref ? `id:${ref.customer_id}` : `email:${asciiLower(ref.email)}`)

/**
 * The customers a batch names, by id or by email (an email names every
 * customer record with it: a guest's and a registered one's). Members that
 * match no customer are counted, and the first ones kept as samples; no
 * customer is created. Reads only (nothing to compensate).
 */
export const resolveAudienceMembersStep = createStep(
  resolveAudienceMembersStepId,
  async (input: ResolveAudienceMembersStepInput, { container }) => {
    const dedupe = (refs: AudienceMemberRef[]) => [...new Map(refs.map((r) => [refKey(r), r])).values()]
    const add = dedupe(input.add)
    const remove = dedupe(input.remove)
    const all = [...add, ...remove]

    const ids = [...new Set(all.flatMap((r) => ("customer_id" in r ? [r.customer_id] : [])))]
    const emails = [...new Set(all.flatMap((r) => ("email" in r ? [asciiLower(r.email)] : [])))]

    const knownIds = new Set<string>()
    if (ids.length) {
      const customers = await container.resolve(Modules.CUSTOMER).listCustomers({ id: ids }, { select: ["id"], take: null })
      customers.forEach((c) => knownIds.add(c.id))
    }
    const byEmail = new Map<string, string[]>()
    if (emails.length) {
      const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const statement = positional(
        `SELECT id, translate(email, '${UPPER}', '${UPPER.toLowerCase()}') AS email FROM customer
         WHERE deleted_at IS NULL AND translate(email, '${UPPER}', '${UPPER.toLowerCase()}') = ANY($1::text[])`,
        [emails]
      )
      const { rows } = (await knex.raw(statement.sql, statement.bindings)) as { rows: { id: string; email: string }[] }
      for (const row of rows) {
        byEmail.set(row.email, [...(byEmail.get(row.email) ?? []), row.id])
      }
    }

    const unknown: AudienceMemberRef[] = []
    const customersOf = (refs: AudienceMemberRef[]) => {
      const out = new Set<string>()
      for (const ref of refs) {
        const found = "customer_id" in ref ? (knownIds.has(ref.customer_id) ? [ref.customer_id] : []) : byEmail.get(asciiLower(ref.email)) ?? []
        if (found.length === 0) {
          unknown.push(ref)
        }
        found.forEach((id) => out.add(id))
      }
      return [...out].sort()
    }
    const addIds = customersOf(add)
    const removeIds = customersOf(remove)
    const both = addIds.filter((id) => removeIds.includes(id))
    if (both.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `add and remove name the same customer (${both.slice(0, 5).join(", ")}): a batch may either add or remove a customer`
      )
    }
    return new StepResponse<ResolvedAudienceMembers>({
      add_customer_ids: addIds,
      remove_customer_ids: removeIds,
      unknown: { count: unknown.length, samples: unknown.slice(0, UNKNOWN_SAMPLES) },
    })
  }
)
