import { MedusaService } from "@medusajs/framework/utils"
import GroupPriceRule from "./models/group-price-rule"

/** Group pricing rules; materialisation into price lists lives in the workflows. */
export default class GroupPricingModuleService extends MedusaService({ GroupPriceRule }) {}
