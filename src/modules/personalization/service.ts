import { MedusaService } from "@medusajs/framework/utils"
import AudienceMember from "./models/audience-member"

/**
 * Personalization: content blocks per placement (targeted at segments,
 * groups and audiences, with their impressions and clicks) and audiences
 * pushed by an external CDP through a signed webhook.
 */
export default class PersonalizationModuleService extends MedusaService({
  AudienceMember,
}) {
  /** The plugin's ids of the audiences a customer is in (sorted). */
  async listCustomerAudienceIds(customerId: string): Promise<string[]> {
    const rows = await this.listAudienceMembers({ customer_id: customerId }, { select: ["audience_id"], take: null })
    return [...new Set(rows.map((r) => r.audience_id))].sort()
  }
}
