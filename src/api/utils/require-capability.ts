import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_SUITE_MODULE } from "../../modules/customer_suite"
import type { CapabilityId } from "../../modules/customer_suite/options"
import type CustomerSuiteModuleService from "../../modules/customer_suite/service"

/** Routes of a capability the merchant turned off answer 404 (as if the plugin did not have them). */
export function requireCapability(capability: CapabilityId) {
  return async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const suite = req.scope.resolve<CustomerSuiteModuleService>(CUSTOMER_SUITE_MODULE)
    if (!(await suite.isEnabled(capability))) {
      return next(
        new MedusaError(MedusaError.Types.NOT_FOUND, `${capability} is turned off in the customer suite's options`)
      )
    }
    next()
  }
}
