import { PlusMini, Trash } from "@medusajs/icons"
import { Button, IconButton, Input, Popover, Select, Text, clx } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import {
  convertValue,
  defaultValue,
  keepValueFor,
  emptyGroup,
  newKey,
  updateNode,
  type BuilderCondition,
  type BuilderGroup,
  type BuilderNode,
} from "../../lib/rule-model"
import type { Attribute } from "../../lib/segments"
import { operatorFamily } from "./operator-family"
import { SearchBox } from "./pickers"
import { ConditionValueInput } from "./value-input"

export { operatorFamily }

export const METADATA_PREFIX = "metadata."
const METADATA_OPERATORS = ["eq", "neq", "in", "not_in", "gt", "gte", "lt", "lte", "contains", "not_contains", "starts_with", "exists", "not_exists"]

/** The definition of an attribute, including `metadata.<key>` ones. */
export function attributeOf(attributes: Attribute[], name: string): Attribute | undefined {
  const known = attributes.find((a) => a.name === name)
  if (known || !name.startsWith(METADATA_PREFIX)) {
    return known
  }
  return {
    name,
    type: "metadata",
    label: name,
    description: "",
    guest: false,
    operators: METADATA_OPERATORS.map((operator) => ({ operator, text: operator, value: "" })),
  }
}

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
  const [picking, setPicking] = useState(false)
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
        <Select
          size="small"
          value={group.op}
          onValueChange={(op) => context.change(group.key, (g) => ({ ...(g as BuilderGroup), op: op as "all" | "any" }))}
        >
          <Select.Trigger className="w-24" aria-label={t("customerSuite.segments.builder.combine")} data-testid="segment-group-op">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="all">{t("customerSuite.segments.builder.allShort")}</Select.Item>
            <Select.Item value="any">{t("customerSuite.segments.builder.anyShort")}</Select.Item>
          </Select.Content>
        </Select>
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
          open={picking}
          onOpenChange={setPicking}
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
  const [picking, setPicking] = useState(false)
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
          open={picking}
          onOpenChange={setPicking}
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
          <Select
            size="small"
            value={condition.operator}
            onValueChange={(operator) =>
              set({ operator, value: convertValue(attribute, condition.operator, operator, condition.value, context.currency) })
            }
          >
            <Select.Trigger className="w-44" aria-label={t("customerSuite.segments.builder.operator")} data-testid="segment-condition-operator">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {attribute.operators.map((o) => (
                <Select.Item key={o.operator} value={o.operator}>
                  {t(`customerSuite.segments.operators.${family}.${o.operator}`, { defaultValue: o.text })}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        )}
        {attribute && condition.operator !== "exists" && condition.operator !== "not_exists" && (
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

/** The attribute picker: search by name or description; metadata keys typed in. */
const AttributeSelect = ({
  attributes,
  trigger,
  onSelect,
  open,
  onOpenChange,
}: {
  attributes: Attribute[]
  trigger: React.ReactNode
  onSelect: (attribute: Attribute) => void
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useTranslation()
  const [search, setSearch] = useState("")
  const [metadataKey, setMetadataKey] = useState("")
  const matches = useMemo(() => {
    const needle = search.trim().toLowerCase()
    return attributes.filter(
      (a) => !needle || a.label.toLowerCase().includes(needle) || a.description.toLowerCase().includes(needle) || a.name.includes(needle)
    )
  }, [attributes, search])
  const choose = (attribute: Attribute) => {
    onSelect(attribute)
    onOpenChange(false)
    setSearch("")
  }
  const metadataValid = /^[A-Za-z0-9_-]{1,100}$/.test(metadataKey)
  return (
    <Popover open={open} onOpenChange={onOpenChange}>
      <Popover.Trigger asChild>{trigger}</Popover.Trigger>
      <Popover.Content className="w-[380px] p-0" align="start">
        <SearchBox
          value={search}
          onChange={setSearch}
          label={t("customerSuite.segments.builder.searchAttributes")}
          onEnter={() => matches[0] && choose(matches[0])}
          testId="segment-attribute-search"
        />
        <div className="max-h-[320px] overflow-y-auto p-1" role="listbox">
          {matches.length === 0 && (
            <Text size="small" className="text-ui-fg-subtle px-2 py-1.5">
              {t("customerSuite.common.noResults")}
            </Text>
          )}
          {matches.map((attribute) => (
            <button
              key={attribute.name}
              type="button"
              role="option"
              aria-selected={false}
              onClick={() => choose(attribute)}
              className="hover:bg-ui-bg-base-hover focus-visible:bg-ui-bg-base-hover flex w-full flex-col rounded-md px-2 py-1.5 text-left outline-none"
              data-testid={`segment-attribute-${attribute.name}`}
            >
              <Text size="small" weight="plus" leading="compact">
                {attribute.label}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {attribute.description}
              </Text>
            </button>
          ))}
        </div>
        <div className="flex items-center gap-2 border-t px-3 py-2">
          <Input
            size="small"
            placeholder={t("customerSuite.segments.builder.metadataKey")}
            aria-label={t("customerSuite.segments.builder.metadataKey")}
            value={metadataKey}
            onChange={(e) => setMetadataKey(e.target.value)}
          />
          <Button
            type="button"
            size="small"
            variant="secondary"
            disabled={!metadataValid}
            onClick={() => {
              choose(attributeOf(attributes, `${METADATA_PREFIX}${metadataKey}`)!)
              setMetadataKey("")
            }}
          >
            {t("customerSuite.segments.builder.useMetadata")}
          </Button>
        </div>
      </Popover.Content>
    </Popover>
  )
}
