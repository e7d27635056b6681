import { LoaderOptions } from "@medusajs/framework/types"
import { parseCustomerSuiteOptions } from "../options"

/**
 * Runs when Medusa boots: wrong plugin options stop the boot with a message
 * naming each wrong option and what it allows.
 */
export default async function validateOptionsLoader({ options }: LoaderOptions) {
  parseCustomerSuiteOptions(options)
}
