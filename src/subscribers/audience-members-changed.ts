import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PERSONALIZATION_MODULE } from "../modules/personalization"
import { AudienceEvents, type AudienceMembersChangedPayload } from "../modules/personalization/audience-events"
import type PersonalizationModuleService from "../modules/personalization/service"
import { syncAudienceCustomerGroupWorkflow } from "../workflows/audiences"
import { syncFactsOf } from "../workflows/customer-segments/utils/realtime"

/**
 * An audience's members changed: their segment facts (the `audiences`
 * attribute) follow, re-evaluating the segments that read it, and the
 * audience's managed customer group, when it has one, mirrors the change.
 */
export default async function handler({ event, container }: SubscriberArgs<AudienceMembersChangedPayload>) {
  const { audience_id, added, removed } = event.data
  await syncFactsOf(container, [...added, ...removed], "profile")
  const [audience] = await container
    .resolve<PersonalizationModuleService>(PERSONALIZATION_MODULE)
    .listAudiences({ id: audience_id }, { select: ["id", "sync_customer_group"] })
  if (audience?.sync_customer_group) {
    await syncAudienceCustomerGroupWorkflow(container).run({ input: { audience_id, added, removed } })
  }
}

export const config: SubscriberConfig = {
  event: AudienceEvents.MEMBERS_CHANGED,
  context: { subscriberId: "customer-suite-audience-members-changed" },
}
