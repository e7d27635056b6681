import type { ICustomerModuleService } from "@medusajs/framework/types"

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
    await customerModule.removeCustomerFromGroup(remove.map((customer_id) => ({ customer_id, customer_group_id: groupId })))
  }
  return { group_id: groupId, add, remove }
}

/** Reverses mirrorIntoGroup (a step's compensation). */
export async function undoGroupMirror(customerModule: ICustomerModuleService, change: GroupMirrorChange): Promise<void> {
  if (change.add.length) {
    await customerModule.removeCustomerFromGroup(change.add.map((customer_id) => ({ customer_id, customer_group_id: change.group_id })))
  }
  if (change.remove.length) {
    await customerModule.addCustomerToGroup(change.remove.map((customer_id) => ({ customer_id, customer_group_id: change.group_id })))
  }
}
