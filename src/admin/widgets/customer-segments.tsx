import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { CheckMini, XMarkMini } from "@medusajs/icons"
import { Badge, Button, Skeleton, Text, clx } from "@medusajs/ui"
import { toast } from "../components/common/toast"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { SectionStatus } from "../components/common/query-state"
import { Section } from "../components/common/section"
import { ConditionText } from "../components/segments/rule-summary"
import { OptionSelect, namedOptions } from "../components/common/option-select"
import { usePickerLabels } from "../hooks/api/pickers"
import { useAttributes, useCustomerSegments, useExplain, useSegments, useUpdateMembers } from "../hooks/api/segments"
import { formatDate, formatMoney } from "../lib/format"
import { idPickerOf } from "../lib/rule-model"
import type { AdminCustomerSegment, AdminCustomerSegmentExplanationNode } from "../../types/http"
import { readableMessage } from "../lib/field-errors"

/** The segments a customer is in, each with "why?"; static segments can be joined and left here. */
const CustomerSegmentsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation()
  const { data, isPending, isError } = useCustomerSegments(customer.id)
  const segments = data?.customer_segments ?? []
  return (
    <Section testId="customer-suite-customer-segments" title={t("customerSuite.segments.widget.title")} hint={t("customerSuite.segments.widget.subtitle")}>
      <SectionStatus
        isPending={isPending}
        isError={isError}
        isEmpty={!!data && segments.length === 0}
        empty={t("customerSuite.segments.widget.none")}
        skeletonClassName="flex flex-col gap-y-2 px-6 py-4"
        skeleton={
          <>
            <Skeleton className="h-5 w-full" />
            <Skeleton className="h-5 w-2/3" />
          </>
        }
      />
      {segments.map((segment) => (
        <SegmentRow key={segment.id} segment={segment} customerId={customer.id} />
      ))}
      <AddToStatic customerId={customer.id} memberOf={segments.map((s) => s.id)} />
    </Section>
  )
}

const SegmentRow = ({ segment, customerId }: { segment: AdminCustomerSegment; customerId: string }) => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const members = useUpdateMembers(segment.id)
  return (
    <div className="flex flex-col gap-y-2 px-6 py-3" data-testid="customer-segment-row" data-segment-id={segment.id}>
      <div className="flex items-center justify-between gap-x-2">
        <div className="flex min-w-0 items-center gap-x-2">
          <Link to={`/customer-segments/${segment.id}`} className="txt-compact-small-plus text-ui-fg-interactive truncate hover:underline">
            {segment.name}
          </Link>
          <Badge size="2xsmall">{t(`customerSuite.segments.kind.${segment.kind}`)}</Badge>
        </div>
        <div className="flex shrink-0 items-center gap-x-1">
          {segment.kind === "dynamic" && (
            <Button size="small" variant="transparent" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="customer-segment-why">
              {t("customerSuite.segments.widget.why")}
            </Button>
          )}
          {segment.kind === "static" && (
            <Button
              size="small"
              variant="transparent"
              isLoading={members.isPending}
              onClick={async () => {
                try {
                  await members.mutateAsync({ remove: [customerId] })
                  toast.success(t("customerSuite.segments.widget.left", { name: segment.name }))
                } catch (error) {
                  toast.error(readableMessage(error))
                }
              }}
            >
              {t("customerSuite.segments.members.remove")}
            </Button>
          )}
        </div>
      </div>
      {open && <Why segmentId={segment.id} customerId={customerId} />}
    </div>
  )
}

const Why = ({ segmentId, customerId }: { segmentId: string; customerId: string }) => {
  const { t } = useTranslation()
  const { data, isPending, isError } = useExplain(segmentId, customerId)
  if (isPending) {
    return <Skeleton className="h-12 w-full" aria-busy="true" />
  }
  if (isError) {
    return (
      <Text size="small" className="text-ui-fg-error" role="alert">
        {t("customerSuite.common.loadError")}
      </Text>
    )
  }
  const result = data.explanation
  return (
    <div className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-md p-3" data-testid="customer-segment-explanation">
      <Text size="xsmall" className="text-ui-fg-subtle">
        {result.matches ? t("customerSuite.segments.widget.matches") : t("customerSuite.segments.widget.noLongerMatches")}
      </Text>
      {result.explanation ? <ExplanationNode node={result.explanation} negated={false} /> : null}
    </div>
  )
}

const ExplanationNode = ({ node, negated }: { node: AdminCustomerSegmentExplanationNode; negated: boolean }) => {
  const { t } = useTranslation()
  if (node.type === "not") {
    return <ExplanationNode node={node.child} negated={!negated} />
  }
  if (node.type !== "condition") {
    return (
      <div>
        <Text size="xsmall" weight="plus">
          {t(`customerSuite.segments.summary.${negated ? "not_" : ""}${node.type}`)}
        </Text>
        <ul className="ml-2 flex flex-col gap-y-1">
          {node.children.map((child, i) => (
            <li key={i}>
              <ExplanationNode node={child} negated={false} />
            </li>
          ))}
        </ul>
      </div>
    )
  }
  const held = negated ? !node.result : node.result
  return (
    <div className="flex items-start gap-x-2" data-testid="customer-segment-condition" data-held={held}>
      <span role="img" className={clx("mt-0.5", held ? "text-ui-fg-interactive" : "text-ui-fg-error")} aria-label={held ? t("customerSuite.segments.widget.held") : t("customerSuite.segments.widget.failed")}>
        {held ? <CheckMini /> : <XMarkMini />}
      </span>
      <div className="txt-small">
        <ConditionText condition={node.condition} negated={negated} />
        <FactText attribute={node.condition.attribute} fact={node.fact} />
      </div>
    </div>
  )
}

/** The customer's value, with names instead of ids for groups and countries. */
const FactText = ({ attribute, fact }: { attribute: string; fact: unknown }) => {
  const { t } = useTranslation()
  const attributes = useAttributes()
  const picker = idPickerOf(attributes.data?.attributes.find((a) => a.name === attribute))
  const ids = picker && Array.isArray(fact) ? fact.filter((id): id is string => typeof id === "string") : []
  const labels = usePickerLabels(ids.length ? picker : undefined, ids)
  const shown = ids.length && labels.data ? ids.map((id) => labels.data[id] ?? id) : fact
  return (
    <Text size="xsmall" className="text-ui-fg-muted">
      {t("customerSuite.segments.widget.fact", { fact: formatFact(shown, t) })}
    </Text>
  )
}

function formatFact(fact: unknown, t: (key: string) => string): string {
  if (fact === null || fact === undefined) {
    return t("customerSuite.segments.widget.noValue")
  }
  if (typeof fact === "boolean") {
    return fact ? t("customerSuite.common.yes") : t("customerSuite.common.no")
  }
  if (Array.isArray(fact)) {
    return fact.length ? fact.map((f) => formatFact(f, t)).join(", ") : t("customerSuite.segments.widget.noValue")
  }
  if (typeof fact === "string" && /^\d{4}-\d{2}-\d{2}T/.test(fact)) {
    return formatDate(fact)
  }
  if (typeof fact === "object") {
    const money = fact as { amount?: number; currency_code?: string }
    if (typeof money.amount === "number" && typeof money.currency_code === "string") {
      return formatMoney(money.amount, money.currency_code)
    }
    return JSON.stringify(fact)
  }
  return String(fact)
}

/** Add the customer to a static segment they are not in yet. */
const AddToStatic = ({ customerId, memberOf }: { customerId: string; memberOf: string[] }) => {
  const { t } = useTranslation()
  const [segmentId, setSegmentId] = useState("")
  const { data } = useSegments({ kind: ["static"], limit: 100, offset: 0 })
  const candidates = (data?.customer_segments ?? []).filter((s) => !memberOf.includes(s.id))
  const members = useUpdateMembers(segmentId)
  if (!candidates.length) {
    return null
  }
  return (
    <div className="flex items-center gap-x-2 px-6 py-3">
      <OptionSelect
        size="small"
        className="flex-1"
        label={t("customerSuite.segments.widget.addToStatic")}
        placeholder={t("customerSuite.segments.widget.addToStatic")}
        value={segmentId}
        onValueChange={setSegmentId}
        options={namedOptions(candidates)}
      />
      <Button
        size="small"
        variant="secondary"
        disabled={!segmentId}
        isLoading={members.isPending}
        onClick={async () => {
          try {
            await members.mutateAsync({ add: [customerId] })
            toast.success(t("customerSuite.segments.widget.joined"))
            setSegmentId("")
          } catch (error) {
            toast.error(readableMessage(error))
          }
        }}
      >
        {t("customerSuite.common.add")}
      </Button>
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.side.after",
})

export default CustomerSegmentsWidget
