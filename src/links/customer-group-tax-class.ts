import CustomerModule from "@medusajs/medusa/customer"
import { defineLink } from "@medusajs/framework/utils"
import TaxClassModule from "../modules/tax_class"

/** A customer group's tax class (a class of type `customer`): one per group, many groups per class. */
export default defineLink({ linkable: CustomerModule.linkable.customerGroup, isList: true }, TaxClassModule.linkable.taxClass)
