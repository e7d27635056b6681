import { PlusMini, Trash } from "@medusajs/icons"
import { Button, IconButton, Text, clx } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import {
  convertValue,
  defaultValue,
  keepValueFor,
  emptyGroup,
  newKey,
  takesValue,
  updateNode,
  type BuilderCondition,
  type BuilderGroup,
  type BuilderNode,
} from "../../lib/rule-model"
import type { AdminCustomerSegmentAttribute as Attribute } from "../../../types/http"
import { OptionSelect } from "../common/option-select"
import { AttributeSelect, attributeOf } from "./attribute-select"
import { ConditionValueInput } from "./condition-value-input"
import { operatorFamily, operatorWords } from "./operator-family"
import { GROUP_MODES, choiceValue, groupModeOf, groupOfMode, operatorChoices, parseChoice, type GroupMode } from "../../lib/negation"

type Context = {
  attributes: Attribute[]
  currency: string
  errors: Record<string, string[]>
  change: (key: string, update: (node: BuilderNode) => BuilderNode | null) => void
}

/**
 * The visual rule builder: nested groups ("Match all of / any of / none of /
 * not all of the following") of typed conditions; a condition's negation is
 * one of its operator's choices ("is not", "is not between"), see lib/negation.
 */
export const RuleBuilder = ({
  root,
  onChange,
  attributes,
  currency,
  errors,
}: {
  root: BuilderGroup
  onChange: (root: BuilderGroup) => void
  attributes: Attribute[]
  currency: string
  errors: Record<string, string[]>
}) => {
  const context: Context = {
    attributes,
    currency,
    errors,
    change: (key, update) => onChange(updateNode(root, key, update)),
  }
  return (
    <div data-testid="segment-rule-builder">
      <GroupView group={root} depth={0} context={context} />
    </div>
  )
}

const GroupView = ({ group, depth, context }: { group: BuilderGroup; depth: number; context: Context }) => {
  const { t } = useTranslation()
  const errors = context.errors[group.key]
  const add = (node: BuilderNode) =>
    context.change(group.key, (g) => ({ ...(g as BuilderGroup), children: [...(g as BuilderGroup).children, node] }))
  return (
    <div
      className={clx(
        "flex flex-col gap-y-2 rounded-lg",
        depth > 0 && "bg-ui-bg-subtle border p-3",
        errors && "border-ui-border-error"
      )}
      data-testid={depth === 0 ? "segment-rule-root" : "segment-rule-group"}
      role="group"
      aria-label={t(`customerSuite.segments.builder.groupLabel.${groupModeOf(group)}`)}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.segments.builder.match")}
        </Text>
        <OptionSelect
          size="small"
          className="w-32"
          label={t("customerSuite.segments.builder.combine")}
          testId="segment-group-op"
          value={groupModeOf(group)}
          onValueChange={(mode) => context.change(group.key, (g) => ({ ...(g as BuilderGroup), ...groupOfMode(mode as GroupMode) }))}
          options={GROUP_MODES.map((mode) => ({ value: mode, label: t(`customerSuite.segments.builder.mode.${mode}`) }))}
        />
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.segments.builder.ofTheFollowing")}
        </Text>
        {depth > 0 && (
          <IconButton
            size="small"
            variant="transparent"
            className="ml-auto"
            aria-label={t("customerSuite.segments.builder.removeGroup")}
            onClick={() => context.change(group.key, () => null)}
          >
            <Trash />
          </IconButton>
        )}
      </div>
      {group.children.length === 0 && (
        <Text size="small" className="text-ui-fg-muted">
          {t("customerSuite.segments.builder.emptyGroup")}
        </Text>
      )}
      {group.children.map((child) =>
        child.type === "group" ? (
          <GroupView key={child.key} group={child} depth={depth + 1} context={context} />
        ) : (
          <ConditionView key={child.key} condition={child} context={context} />
        )
      )}
      {errors?.map((message) => (
        <Text key={message} size="small" className="text-ui-fg-error" role="alert">
          {message}
        </Text>
      ))}
      <div className="flex flex-wrap gap-2">
        <AttributeSelect
          attributes={context.attributes}
          trigger={
            <Button type="button" size="small" variant="secondary" data-testid="segment-add-condition">
              <PlusMini />
              {t("customerSuite.segments.builder.addCondition")}
            </Button>
          }
          onSelect={(attribute) => {
            const operator = attribute.operators[0]?.operator ?? "eq"
            add({
              key: newKey(),
              type: "condition",
              negated: false,
              attribute: attribute.name,
              operator,
              value: defaultValue(attribute, operator, context.currency),
            })
          }}
        />
        {depth < 4 && (
          <Button type="button" size="small" variant="transparent" onClick={() => add(emptyGroup("any"))} data-testid="segment-add-group">
            <PlusMini />
            {t("customerSuite.segments.builder.addGroup")}
          </Button>
        )}
      </div>
    </div>
  )
}

const ConditionView = ({ condition, context }: { condition: BuilderCondition; context: Context }) => {
  const { t, i18n } = useTranslation()
  const attribute = attributeOf(context.attributes, condition.attribute)
  const errors = context.errors[condition.key]
  const family = operatorFamily(attribute?.type)
  const set = (patch: Partial<BuilderCondition>) => context.change(condition.key, (c) => ({ ...(c as BuilderCondition), ...patch }))
  return (
    <div
      className={clx("bg-ui-bg-base flex flex-col gap-y-1 rounded-md border px-3 py-2", errors && "border-ui-border-error")}
      data-testid="segment-condition"
      data-attribute={condition.attribute}
    >
      <div className="flex flex-wrap items-start gap-2">
        {condition.negated && !attribute && (
          <Text size="small" weight="plus" className="py-1.5">
            {t("customerSuite.segments.summary.not")}
          </Text>
        )}
        <AttributeSelect
          attributes={context.attributes}
          trigger={
            <Button type="button" size="small" variant="secondary" className="max-w-[14rem]" title={attribute?.description}>
              <span className="truncate">{attribute?.label ?? condition.attribute}</span>
            </Button>
          }
          onSelect={(next) => {
            const operator = next.operators.some((o) => o.operator === condition.operator) && next.type === attribute?.type
              ? condition.operator
              : (next.operators[0]?.operator ?? "eq")
            set({
              attribute: next.name,
              operator,
              value:
                next.type === attribute?.type && next.picker === attribute?.picker && operator === condition.operator
                  ? keepValueFor(next, condition.value)
                  : defaultValue(next, operator, context.currency),
            })
          }}
        />
        {attribute && (
          <OptionSelect
            size="small"
            className="w-44"
            label={t("customerSuite.segments.builder.operator")}
            testId="segment-condition-operator"
            value={choiceValue(condition.operator, condition.negated)}
            onValueChange={(choice) => {
              const { operator, negated } = parseChoice(choice)
              set({ operator, negated, value: convertValue(attribute, condition.operator, operator, condition.value, context.currency) })
            }}
            options={operatorChoices(
              attribute.operators.map((o) => o.operator),
              condition
            ).map((choice) => ({ value: choice.value, label: operatorWords(choice, family, attribute, t, i18n.exists) }))}
          />
        )}
        {attribute && takesValue(condition.operator) && (
          <ConditionValueInput
            attribute={attribute}
            operator={condition.operator}
            value={condition.value}
            invalid={!!errors}
            onChange={(value) => set({ value })}
            testId="segment-condition-value"
          />
        )}
        <IconButton
          size="small"
          variant="transparent"
          className="ml-auto"
          aria-label={t("customerSuite.segments.builder.removeCondition")}
          onClick={() => context.change(condition.key, () => null)}
        >
          <Trash />
        </IconButton>
      </div>
      {errors?.map((message) => (
        <Text key={message} size="small" className="text-ui-fg-error" role="alert" data-testid="segment-condition-error">
          {message}
        </Text>
      ))}
    </div>
  )
}
