import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, StatusBadge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { StartAssistance } from "../components/assistance/start-assistance"
import { useEndSessionAfterConfirm } from "../components/assistance/use-end-session"
import { SectionStatus } from "../components/common/query-state"
import { Section, SectionLink } from "../components/common/section"
import { useAssistanceConsent, useAssistanceSessions } from "../hooks/api/assistance"
import { capabilityOf, useSuiteSettings } from "../hooks/api/settings"
import { adminName } from "../lib/assistance"
import { formatDateTime } from "../lib/format"
import type { AdminAssistanceSessionListItem } from "../../types/http"

/**
 * Login as customer, on the customer's page: whether the customer allows it,
 * a button that starts a session (the one-time code is shown once, in the
 * drawer), the customer's open sessions with an End button, and the log.
 */
const CustomerAssistanceWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation()
  const settings = useSuiteSettings()
  const consent = useAssistanceConsent(customer.id)
  const sessions = useAssistanceSessions({ customer_id: customer.id, limit: 20 })
  const open = (sessions.data?.assistance_sessions ?? []).filter((s) => s.status !== "ended")
  const capability = capabilityOf(settings.data, "assistance")
  const assistance = capability?.settings
  const allowed = consent.data?.assistance_consent.allowed
  const since = consent.data?.assistance_consent.updated_at

  // Why a session cannot start, when the page already knows (the API says so too).
  const blocker = !customer.has_account
    ? t("customerSuite.assistance.widget.guest")
    : capability && !capability.enabled
      ? t("customerSuite.assistance.widget.off")
      : assistance?.consent === "opt_in" && allowed === false
        ? t("customerSuite.assistance.widget.noConsent")
        : null

  return (
    <Section
      testId="customer-suite-customer-assistance"
      title={t("customerSuite.assistance.widget.title")}
      hint={t("customerSuite.assistance.widget.hint")}
      actions={
        <SectionLink to={`/assistance-log?customer_id=${customer.id}`} testId="customer-assistance-log-link">
          {t("customerSuite.assistance.widget.log")}
        </SectionLink>
      }
    >
      <div className="flex items-center justify-between gap-x-4 px-6 py-3" data-testid="customer-assistance-consent">
        <Text size="small" weight="plus" className="text-ui-fg-subtle">
          {t("customerSuite.assistance.widget.consent")}
        </Text>
        {consent.isPending ? (
          <Text size="small">{t("customerSuite.common.loading")}</Text>
        ) : consent.isError ? (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {t("customerSuite.common.loadError")}
          </Text>
        ) : (
          <div className="flex flex-col items-end">
            <StatusBadge color={allowed ? "green" : "grey"}>
              {t(allowed ? "customerSuite.assistance.widget.allowed" : "customerSuite.assistance.widget.notAllowed")}
            </StatusBadge>
            {since && (
              <Text size="xsmall" className="text-ui-fg-muted">
                {t("customerSuite.assistance.widget.since", { date: formatDateTime(since) })}
              </Text>
            )}
          </div>
        )}
      </div>
      <SectionStatus isPending={sessions.isPending} isError={sessions.isError} isEmpty={false} empty="" />
      {open.map((session) => (
        <OpenSession key={session.id} session={session} />
      ))}
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {blocker && (
          <Text size="small" className="text-ui-fg-error" role="alert" data-testid="customer-assistance-blocker">
            {blocker}
          </Text>
        )}
        <StartAssistance customerId={customer.id} disabled={!!blocker} requireReason={assistance?.require_reason !== false} />
      </div>
    </Section>
  )
}

const OpenSession = ({ session }: { session: AdminAssistanceSessionListItem }) => {
  const { t } = useTranslation()
  const { endSession, isPending: ending } = useEndSessionAfterConfirm()
  const onEnd = () => endSession(session.id)
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="customer-assistance-open-session" data-status={session.status}>
      <div className="flex items-center justify-between gap-x-2">
        <Link to={`/assistance-log/${session.id}`} className="txt-compact-small-plus text-ui-fg-interactive hover:underline">
          {t(`customerSuite.assistance.status.${session.status}`)}
        </Link>
        <Button size="small" variant="secondary" onClick={onEnd} isLoading={ending} data-testid="customer-assistance-end">
          {t("customerSuite.assistance.end.button")}
        </Button>
      </div>
      <Text size="small" className="text-ui-fg-subtle">
        {t("customerSuite.assistance.widget.openBy", {
          admin: adminName(session.user) ?? t("customerSuite.assistance.deletedAdmin"),
          started: formatDateTime(session.exchanged_at ?? session.created_at),
          expires: formatDateTime(session.expires_at ?? session.code_expires_at),
        })}
      </Text>
    </div>
  )
}

/**
 * Dashboard 2.21 ignores the `.after` suffix: side widgets follow the core
 * side sections (see price-list-managed.tsx).
 */
export const config = defineWidgetConfig({
  id: "customer-suite:customer-assistance",
  zone: "customer.details.side.after",
})

export default CustomerAssistanceWidget
