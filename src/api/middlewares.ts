import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAssistanceMiddlewares } from "./admin/assistance-sessions/middlewares"
import { authResetPasswordMiddlewares } from "./auth/reset-password-middlewares"
import { adminCustomerSecurityMiddlewares } from "./admin/customers/[id]/security-events/middlewares"
import { adminCustomerSessionsMiddlewares } from "./admin/customer-sessions/middlewares"
import { authCustomerPasswordMiddlewares } from "./auth/customer-passwords/middlewares"
import { adminContentBlocksMiddlewares } from "./admin/content-blocks/middlewares"
import { adminAudiencesMiddlewares } from "./admin/audiences/middlewares"
import { adminCustomerSegmentsMiddlewares } from "./admin/customer-segments/middlewares"
import { adminCustomerSuiteMiddlewares } from "./admin/customer-suite/middlewares"
import { adminBulkActionsMiddlewares } from "./admin/customer-suite/bulk-actions/middlewares"
import { adminBackfillsMiddlewares } from "./admin/customer-suite/backfills/middlewares"
import { adminOnlineMiddlewares } from "./admin/customer-suite/online/middlewares"
import { adminCustomerGridMiddlewares } from "./admin/customer-suite/customers/middlewares"
import { adminGridViewsMiddlewares } from "./admin/customer-suite/grid-views/middlewares"
import { adminGroupPriceRulesMiddlewares } from "./admin/group-price-rules/middlewares"
import { adminTaxClassRatesMiddlewares } from "./admin/tax-class-rates/middlewares"
import { adminTaxClassesMiddlewares } from "./admin/tax-classes/middlewares"
import { storeContentBlocksMiddlewares } from "./store/content-blocks/middlewares"
import { hookAudiencesMiddlewares } from "./hooks/customer-suite/middlewares"
import { storeAssistanceMiddlewares } from "./store/assistance-sessions/middlewares"
import { authSignInMiddlewares } from "./auth/emailpass/sign-in-middlewares"
import { adminSignInLockMiddlewares } from "./admin/customers/[id]/sign-in-lock/middlewares"
import { storeCustomerSegmentsMiddlewares } from "./store/customer-segments/middlewares"
import { storeCustomerSuiteMiddlewares } from "./store/customer-suite/middlewares"
import { presenceTracker } from "./utils/presence-tracker"
import { refuseEncodedAuthPath } from "./utils/encoded-auth-path"
import { storeCustomerSessionsMiddlewares } from "./store/customer-sessions/middlewares"

export default defineMiddlewares({
  routes: [
    // First: an /auth path with a percent-encoded character is refused (it would skip every fixed-segment matcher below).
    { matcher: "/auth/*", middlewares: [refuseEncodedAuthPath()] },
    // Then the assistance guard on every /store and /auth request.
    ...storeAssistanceMiddlewares,
    ...authResetPasswordMiddlewares,
    // Now Online: every store request's shopper, looked up once in memory (writes are batched, after the answer).
    { matcher: "/store/*", middlewares: [presenceTracker()] },
    // Then sign-in protection (it counts attempts the guard let through).
    ...authSignInMiddlewares,
    ...authCustomerPasswordMiddlewares,
    ...storeCustomerSessionsMiddlewares,
    ...storeCustomerSegmentsMiddlewares,
    ...storeContentBlocksMiddlewares,
    ...storeCustomerSuiteMiddlewares,
    ...adminAssistanceMiddlewares,
    ...adminCustomerSecurityMiddlewares,
    ...adminSignInLockMiddlewares,
    ...adminCustomerSessionsMiddlewares,
    ...adminCustomerSuiteMiddlewares,
    ...adminOnlineMiddlewares,
    ...adminBackfillsMiddlewares,
    ...adminCustomerGridMiddlewares,
    ...adminGridViewsMiddlewares,
    ...adminBulkActionsMiddlewares,
    ...adminTaxClassesMiddlewares,
    ...adminTaxClassRatesMiddlewares,
    ...adminGroupPriceRulesMiddlewares,
    ...adminCustomerSegmentsMiddlewares,
    ...adminContentBlocksMiddlewares,
    ...adminAudiencesMiddlewares,
    ...hookAudiencesMiddlewares,
  ],
})
