import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomerGroup, DetailWidgetProps } from "@medusajs/framework/types"
import { InformationCircle } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
import { Trans, useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useSegments } from "../hooks/api/segments"

/**
 * On a group that a segment keeps in sync: say so, and link to the segment,
 * at the top of the page. Medusa 2.21 ignores ".before" in a zone name and
 * puts every widget after the page's own sections (Metadata and JSON last
 * among them); the page's column is a flex column, so `order: -1` shows the
 * note first. (While the merchant rearranges the page, entries are wrapped
 * and shown in their real order.)
 */
const FIRST = { order: -1 } as const

const CustomerGroupSegmentWidget = ({ data: group }: DetailWidgetProps<AdminCustomerGroup>) => {
  const { t } = useTranslation()
  const { data, isError } = useSegments({ customer_group_id: group.id, limit: 1, offset: 0 })
  const segment = data?.customer_segments[0]
  if (isError) {
    return (
      <Container className="px-6 py-4" style={FIRST} role="alert">
        <Text size="small" className="text-ui-fg-error">
          {t("customerSuite.common.loadError")}
        </Text>
      </Container>
    )
  }
  if (!segment) {
    return null
  }
  return (
    <Container className="flex items-start gap-x-3 px-6 py-4" style={FIRST} data-testid="customer-suite-group-segment">
      <InformationCircle className="text-ui-fg-interactive mt-0.5 shrink-0" />
      <Text size="small" className="text-ui-fg-subtle">
        <Trans
          i18nKey="customerSuite.segments.groupWidget.managed"
          values={{ name: segment.name }}
          components={{ segment: <Link to={`/customer-segments/${segment.id}`} className="text-ui-fg-interactive hover:underline" /> }}
        />
      </Text>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer_group.details.before",
})

export default CustomerGroupSegmentWidget
