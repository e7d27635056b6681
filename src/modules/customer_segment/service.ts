import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import CustomerProfile from "./models/customer-profile"
import CustomerPurchase from "./models/customer-purchase"
import {
  ATTRIBUTES,
  OPERATORS_BY_TYPE,
  RuleSyntaxError,
  parse,
  print,
  validateRule,
  type AttributeDefinition,
  type Operator,
  type ParseOptions,
  type RuleNode,
} from "./rules"

export type AttributeDescription = AttributeDefinition & { operators: readonly Operator[] }

/**
 * Customer segments: the facts projection (customer_profile,
 * customer_purchase) and the rule engine (attributes, validation, the text
 * syntax). Segments and memberships are added to this module next.
 */
export default class CustomerSegmentModuleService extends MedusaService({
  CustomerProfile,
  CustomerPurchase,
}) {
  /** The attribute registry, with the operators each attribute takes (for the admin builder). */
  async listAttributes(): Promise<AttributeDescription[]> {
    return ATTRIBUTES.map((a) => ({ ...a, operators: OPERATORS_BY_TYPE[a.type] }))
  }

  /** Checks a rule given as JSON; throws INVALID_DATA naming each problem's path. */
  async validateRule(input: unknown): Promise<RuleNode> {
    const result = validateRule(input)
    if (!result.success) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        result.issues
          .map((i) => `${["rule", ...i.path].join(".")}: ${i.message}`)
          .join("; ")
      )
    }
    return result.rule
  }

  /** Parses the text syntax; throws INVALID_DATA with the line and column of the problem. */
  async parseQuery(query: string, options: ParseOptions = {}): Promise<RuleNode> {
    try {
      return parse(query, options)
    } catch (error) {
      if (error instanceof RuleSyntaxError) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `query: ${error.message}`)
      }
      throw error
    }
  }

  /** The text form of a rule (after validating it). */
  async printRule(input: unknown): Promise<string> {
    return print(await this.validateRule(input))
  }
}
