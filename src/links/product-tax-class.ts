import ProductModule from "@medusajs/medusa/product"
import { defineLink } from "@medusajs/framework/utils"
import TaxClassModule from "../modules/tax_class"

/** A product's tax class (a class of type `product`): one per product, many products per class. */
export default defineLink({ linkable: ProductModule.linkable.product, isList: true }, TaxClassModule.linkable.taxClass)
