import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, StatusBadge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useCustomerPresence } from "../hooks/api/presence"
import { formatDateTime } from "../lib/format"
import { formatAgo } from "../lib/presence"

/**
 * Now Online on the customer's page: "Online now" (seen within the store's
 * window) or "Last seen …", with the last page they asked for.
 */
const CustomerPresenceWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation()
  const { data, isPending, isError } = useCustomerPresence(customer.id)
  const presence = data?.presence
  return (
    <Container className="flex items-center justify-between gap-x-4 px-6 py-4" data-testid="customer-suite-customer-presence">
      {isPending ? (
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.common.loading")}
        </Text>
      ) : isError || !presence ? (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {t("customerSuite.common.loadError")}
        </Text>
      ) : (
        <>
          <div className="flex min-w-0 flex-col gap-y-1">
            <StatusBadge color={presence.online ? "green" : "grey"} data-testid="customer-presence-badge">
              {presence.online
                ? t("customerSuite.nowOnline.badge.online")
                : presence.last_seen_at
                  ? t("customerSuite.nowOnline.badge.lastSeen", { ago: formatAgo(presence.last_seen_at) })
                  : t("customerSuite.nowOnline.badge.never")}
            </StatusBadge>
            {presence.last_seen_at && (
              <Text size="xsmall" className="text-ui-fg-subtle truncate" title={formatDateTime(presence.last_seen_at)}>
                {presence.last_path ?? "—"}
              </Text>
            )}
          </div>
          <Link to="/now-online" className="txt-compact-small text-ui-fg-interactive shrink-0 hover:underline">
            {t("customerSuite.nowOnline.nav")}
          </Link>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  id: "customer-suite:customer-presence",
  zone: "customer.details.side.before",
})

export default CustomerPresenceWidget
