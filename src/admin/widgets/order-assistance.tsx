import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { InformationCircle } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
import { Trans, useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useAssistanceSession } from "../hooks/api/assistance"
import { adminNameAndEmail, assistanceOf } from "../lib/assistance"

/** On an order placed during a login-as-customer session: who placed it, and the session. */
const OrderAssistanceWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const mark = assistanceOf(order.metadata)
  return mark ? <AssistedNotice sessionId={mark.session_id} /> : null
}

const AssistedNotice = ({ sessionId }: { sessionId: string }) => {
  const { t } = useTranslation()
  const { data, isPending } = useAssistanceSession(sessionId)
  const user = data?.assistance_session.user
  const admin = user ? adminNameAndEmail(user) : isPending ? "…" : t("customerSuite.assistance.deletedAdmin")
  return (
    <Container className="flex items-start gap-x-3 px-6 py-4" data-testid="customer-suite-order-assistance" role="note">
      <InformationCircle className="text-ui-fg-subtle mt-0.5 shrink-0" />
      <Text size="small">
        <Trans
          i18nKey="customerSuite.assistance.order.placedBy"
          values={{ admin }}
          components={{ session: <Link to={`/assistance-log/${sessionId}`} className="text-ui-fg-interactive hover:underline" data-testid="order-assistance-session" /> }}
        />
      </Text>
    </Container>
  )
}

/** Side section, right under the order's core side sections (2.21 ignores `.before`; see price-list-managed.tsx). */
export const config = defineWidgetConfig({
  id: "customer-suite:order-assistance",
  zone: "order.details.side.before",
})

export default OrderAssistanceWidget
