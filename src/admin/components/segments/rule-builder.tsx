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
import { operatorFamily } from "./operator-family"

type Context = {
  attributes: Attribute[]
  currency: string
  errors: Record<string, string[]>
  change: (key: string, update: (node: BuilderNode) => BuilderNode | null) => void
}

/** The visual rule builder: nested ALL / ANY groups (each can be negated) of typed conditions. */
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
      aria-label={t(`customerSuite.segments.builder.${group.op}`)}
    >
      <div className="flex flex-wrap items-center gap-2">
        <NotToggle negated={group.negated} onToggle={() => context.change(group.key, (g) => ({ ...g, negated: !g.negated }))} />
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.segments.builder.match")}
        </Text>
        <OptionSelect
          size="small"
          className="w-24"
          label={t("customerSuite.segments.builder.combine")}
          testId="segment-group-op"
          value={group.op}
          onValueChange={(op) => context.change(group.key, (g) => ({ ...(g as BuilderGroup), op: op === "any" ? "any" : "all" }))}
          options={[
            { value: "all", label: t("customerSuite.segments.builder.allShort") },
            { value: "any", label: t("customerSuite.segments.builder.anyShort") },
          ]}
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

const NotToggle = ({ negated, onToggle }: { negated: boolean; onToggle: () => void }) => {
  const { t } = useTranslation()
  return (
    <Button
      type="button"
      size="small"
      variant={negated ? "primary" : "transparent"}
      aria-pressed={negated}
      title={t("customerSuite.segments.builder.notHint")}
      onClick={onToggle}
      className="px-2"
    >
      {t("customerSuite.segments.builder.not")}
    </Button>
  )
}

const ConditionView = ({ condition, context }: { condition: BuilderCondition; context: Context }) => {
  const { t } = useTranslation()
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
        <NotToggle negated={condition.negated} onToggle={() => set({ negated: !condition.negated })} />
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
            value={condition.operator}
            onValueChange={(operator) => set({ operator, value: convertValue(attribute, condition.operator, operator, condition.value, context.currency) })}
            options={attribute.operators.map((o) => ({ value: o.operator, label: t(`customerSuite.segments.operators.${family}.${o.operator}`, { defaultValue: o.text }) }))}
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
