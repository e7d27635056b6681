import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerSegmentsMiddlewares } from "./admin/customer-segments/middlewares"
import { adminCustomerSuiteMiddlewares } from "./admin/customer-suite/middlewares"
import { adminTaxClassesMiddlewares } from "./admin/tax-classes/middlewares"
import { adminGroupPriceRulesMiddlewares } from "./admin/group-price-rules/middlewares"
import { assistanceMiddlewares } from "./admin/assistance-sessions/middlewares"
import { storeCustomerSegmentsMiddlewares } from "./store/customer-segments/middlewares"

export default defineMiddlewares({
  routes: [
    ...assistanceMiddlewares,
    ...adminCustomerSuiteMiddlewares,
    ...adminTaxClassesMiddlewares,
    ...adminGroupPriceRulesMiddlewares,
    ...adminCustomerSegmentsMiddlewares,
    ...storeCustomerSegmentsMiddlewares,
  ],
})
