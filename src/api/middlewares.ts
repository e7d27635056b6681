import { defineMiddlewares } from "@medusajs/framework/http"
import { adminCustomerSuiteMiddlewares } from "./admin/customer-suite/middlewares"

export default defineMiddlewares({
  routes: [...adminCustomerSuiteMiddlewares],
})
