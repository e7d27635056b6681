import type { FilterableCustomerGroupCustomerProps, ICustomerModuleService } from "@medusajs/framework/types"

/** The links a mirror made and removed: what its compensation reverses. */
export type GroupMirrorChange = { group_id: string; add: string[]; remove: string[] }

/**
 * Brings a managed customer group's links in line with the members of what it
 * mirrors (a segment, an audience). `all`: the whole membership is given and
 * every link is compared; `touched`: only these customers are compared, with
 * `members` the ones among them who belong (a promise is read alongside the links). Customers that no longer exist
 * are never linked. Run it under the mirror's lock.
 */
export async function mirrorIntoGroup(
  customerModule: ICustomerModuleService,
  groupId: string,
  wanted: { all: Set<string> } | { touched: string[]; members: Set<string> | Promise<Set<string>> }
): Promise<GroupMirrorChange> {
  let add: string[]
  let remove: string[]
  if ("all" in wanted) {
    const linked = await customerModule.listCustomerGroupCustomers({ customer_group_id: groupId }, { select: ["customer_id"], take: null })
    const inGroup = new Set(linked.map((l) => l.customer_id))
    add = [...wanted.all].filter((id) => !inGroup.has(id))
    remove = [...inGroup].filter((id) => !wanted.all.has(id))
  } else {
    // The members (possibly still being read) and the links at once.
    const [members, linked] = await Promise.all([
      wanted.members,
      customerModule.listCustomerGroupCustomers(
        { customer_group_id: groupId, customer_id: wanted.touched },
        { select: ["customer_id"], take: null }
      ),
    ])
    const inGroup = new Set(linked.map((l) => l.customer_id))
    add = wanted.touched.filter((id) => members.has(id) && !inGroup.has(id))
    remove = wanted.touched.filter((id) => !members.has(id) && inGroup.has(id))
  }
  if (add.length) {
    add = (await customerModule.listCustomers({ id: add }, { select: ["id"], take: null })).map((c) => c.id)
  }
  if (add.length) {
    await customerModule.addCustomerToGroup(add.map((customer_id) => ({ customer_id, customer_group_id: groupId })))
  }
  if (remove.length) {
    await removeFromGroup(customerModule, remove.map((customer_id) => ({ customer_id, customer_group_id: groupId })))
  }
  return { group_id: groupId, add, remove }
}

/**
 * Removes customers from a group: their links are read, then deleted by id.
 * Not `removeCustomerFromGroup`: in Medusa 2.21.2 it opens a transaction and
 * reads the links outside it, on a second pooled connection, so ten removals
 * at once in one process hold all ten connections of the default pool while
 * each waits for another, until knex gives up after 60 s (measured: with a
 * pool of one connection a single removal fails after 60 s; decision 0061).
 * Deleting the links emits the same `customer.customer-group-customer.deleted`
 * events.
 */
export async function removeFromGroup(
  customerModule: ICustomerModuleService,
  links: { customer_id: string; customer_group_id: string }[]
): Promise<void> {
  const byGroup = new Map<string, string[]>()
  for (const link of links) {
    const customers = byGroup.get(link.customer_group_id) ?? []
    customers.push(link.customer_id)
    byGroup.set(link.customer_group_id, customers)
  }
  for (const [groupId, customerIds] of byGroup) {
    const found = await customerModule.listCustomerGroupCustomers(
      { customer_group_id: groupId, customer_id: customerIds },
      { select: ["id"], take: null }
    )
    await deleteGroupLinks(customerModule, found.map((l) => l.id))
  }
}

/** Deletes customer-group links by id (emits `customer.customer-group-customer.deleted`, as removeCustomerFromGroup does). */
async function deleteGroupLinks(customerModule: ICustomerModuleService, linkIds: string[]): Promise<void> {
  if (linkIds.length) {
    // The module's generated delete of its CustomerGroupCustomer model (MedusaService): not in ICustomerModuleService's type.
    await (customerModule as ICustomerModuleService & { deleteCustomerGroupCustomers(ids: string[]): Promise<void> }).deleteCustomerGroupCustomers(linkIds)
  }
}

/** Reverses mirrorIntoGroup (a step's compensation). */
export async function undoGroupMirror(customerModule: ICustomerModuleService, change: GroupMirrorChange): Promise<void> {
  if (change.add.length) {
    await removeFromGroup(customerModule, change.add.map((customer_id) => ({ customer_id, customer_group_id: change.group_id })))
  }
  if (change.remove.length) {
    await customerModule.addCustomerToGroup(change.remove.map((customer_id) => ({ customer_id, customer_group_id: change.group_id })))
  }
}

/**
 * A group's links within a range of customer ids. The module's filter type
 * lists ids only, but its list methods take the data layer's operators
 * (`$gt`, `$lte`), which a keyset over millions of links needs.
 */
const linksInRange = (groupId: string, range: { $gt?: string; $lte?: string }) =>
  ({ customer_group_id: groupId, ...(Object.keys(range).length ? { customer_id: range } : {}) }) as unknown as FilterableCustomerGroupCustomerProps

/**
 * Brings a managed customer group's links in line with a membership read a
 * page at a time in the database's order of customer ids (`nextMembers(after)`:
 * the members after `after`, at most `size`). Each page is compared with the
 * group's links in the same range of ids (themselves read `size` at a time), so
 * however large the membership and the group, at most a page of each is in
 * memory. Customers that no longer exist are never linked. Run it under the
 * mirror's lock. Nothing is kept to reverse it: it converges on the membership
 * as it is, and undoing it would only bring the difference back.
 */
export async function mirrorPagesIntoGroup(
  customerModule: ICustomerModuleService,
  groupId: string,
  nextMembers: (after: string | undefined) => Promise<string[]>,
  size: number
): Promise<{ added: number; removed: number }> {
  let added = 0
  let removed = 0
  let after: string | undefined
  for (;;) {
    const members = await nextMembers(after)
    // The last page's range is open: it also covers links past the last member.
    const upTo = members.length < size ? undefined : members[members.length - 1]
    const wanted = new Set(members)
    const linkedMembers = new Set<string>()
    for (let linkAfter = after; ; ) {
      const range = { ...(linkAfter === undefined ? {} : { $gt: linkAfter }), ...(upTo === undefined ? {} : { $lte: upTo }) }
      const links = await customerModule.listCustomerGroupCustomers(
        linksInRange(groupId, range),
        { select: ["id", "customer_id"], order: { customer_id: "ASC" }, take: size }
      )
      // The links of customers no longer members go by their ids (already read here).
      const remove = links.filter((l) => !wanted.has(l.customer_id)).map((l) => l.id)
      links.filter((l) => wanted.has(l.customer_id)).forEach((l) => linkedMembers.add(l.customer_id))
      await deleteGroupLinks(customerModule, remove)
      removed += remove.length
      if (links.length < size) {
        break
      }
      linkAfter = links[links.length - 1].customer_id
    }
    const missing = members.filter((id) => !linkedMembers.has(id))
    const add = missing.length
      ? (await customerModule.listCustomers({ id: missing }, { select: ["id"], take: null })).map((c) => c.id)
      : []
    if (add.length) {
      await customerModule.addCustomerToGroup(add.map((customer_id) => ({ customer_id, customer_group_id: groupId })))
      added += add.length
    }
    if (upTo === undefined) {
      return { added, removed }
    }
    after = upTo
  }
}
