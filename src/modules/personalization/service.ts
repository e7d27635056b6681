import { MedusaService } from "@medusajs/framework/utils"

/**
 * Personalization: content blocks per placement (targeted at segments,
 * groups and audiences, with their impressions and clicks) and audiences
 * pushed by an external CDP through a signed webhook.
 */
export default class PersonalizationModuleService extends MedusaService({}) {}
