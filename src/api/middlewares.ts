import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAssistanceMiddlewares } from "./admin/assistance-sessions/middlewares"
import { adminCustomerSessionsMiddlewares } from "./admin/customer-sessions/middlewares"
import { authCustomerPasswordMiddlewares } from "./auth/customer-passwords/middlewares"
import { adminContentBlocksMiddlewares } from "./admin/content-blocks/middlewares"
import { adminAudiencesMiddlewares } from "./admin/audiences/middlewares"
import { adminCustomerSegmentsMiddlewares } from "./admin/customer-segments/middlewares"
import { adminCustomerSuiteMiddlewares } from "./admin/customer-suite/middlewares"
import { adminGroupPriceRulesMiddlewares } from "./admin/group-price-rules/middlewares"
import { adminTaxClassRatesMiddlewares } from "./admin/tax-class-rates/middlewares"
import { adminTaxClassesMiddlewares } from "./admin/tax-classes/middlewares"
import { storeContentBlocksMiddlewares } from "./store/content-blocks/middlewares"
import { hookAudiencesMiddlewares } from "./hooks/customer-suite/middlewares"
import { storeAssistanceMiddlewares } from "./store/assistance-sessions/middlewares"
import { storeCustomerSegmentsMiddlewares } from "./store/customer-segments/middlewares"
import { storeCustomerSessionsMiddlewares } from "./store/customer-sessions/middlewares"

export default defineMiddlewares({
  routes: [
    // First: the assistance guard on every /store and /auth request.
    ...storeAssistanceMiddlewares,
    ...authCustomerPasswordMiddlewares,
    ...storeCustomerSessionsMiddlewares,
    ...storeCustomerSegmentsMiddlewares,
    ...storeContentBlocksMiddlewares,
    ...adminAssistanceMiddlewares,
    ...adminCustomerSessionsMiddlewares,
    ...adminCustomerSuiteMiddlewares,
    ...adminTaxClassesMiddlewares,
    ...adminTaxClassRatesMiddlewares,
    ...adminGroupPriceRulesMiddlewares,
    ...adminCustomerSegmentsMiddlewares,
    ...adminContentBlocksMiddlewares,
    ...adminAudiencesMiddlewares,
    ...hookAudiencesMiddlewares,
  ],
})
