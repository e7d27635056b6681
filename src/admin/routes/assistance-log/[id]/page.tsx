import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useParams, type UIMatch } from "react-router-dom"
import { SessionState } from "../../../components/assistance/session-state"
import { useEndSessionAfterConfirm } from "../../../components/assistance/use-end-session"
import { SessionTimeline } from "../../../components/assistance/session-timeline"
import { Loaded, Stat } from "../../../components/common/query-state"
import { useAssistanceSession } from "../../../hooks/api/assistance"
import { useCustomerName } from "../../../hooks/api/customers"
import { adminNameAndEmail } from "../../../lib/assistance"
import { formatDateTime } from "../../../lib/format"
import type { AdminAssistanceSessionDetail } from "../../../../types/http"

const AssistanceSessionPage = () => {
  const { id = "" } = useParams()
  return (
    <Loaded query={useAssistanceSession(id)} variant="detail">
      {({ assistance_session: session }) => (
        <div className="flex flex-col gap-y-3" data-testid="assistance-session-detail">
          <SessionFacts session={session} />
          <SessionTimeline actions={session.actions} />
        </div>
      )}
    </Loaded>
  )
}

const SessionFacts = ({ session }: { session: AdminAssistanceSessionDetail }) => {
  const { t } = useTranslation()
  const { endSession, isPending: ending } = useEndSessionAfterConfirm()
  const customer = useCustomerName(session.customer_id)

  const onEnd = () => endSession(session.id)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading>{t("customerSuite.assistance.detail.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle font-mono">
            {session.id}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <span data-testid="assistance-session-state">
            <SessionState session={session} />
          </span>
          {session.status !== "ended" && (
            <Button size="small" variant="danger" onClick={onEnd} isLoading={ending} data-testid="assistance-session-end">
              {t("customerSuite.assistance.end.button")}
            </Button>
          )}
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-3" data-testid="assistance-session-facts">
        <Stat label={t("customerSuite.assistance.fields.admin")}>
          {session.user ? adminNameAndEmail(session.user) : t("customerSuite.assistance.deletedAdmin")}
        </Stat>
        <Stat label={t("customerSuite.assistance.fields.customer")}>
          <Link to={`/customers/${session.customer_id}`} className="text-ui-fg-interactive hover:underline">
            {customer.data?.customer.email ?? session.customer_id}
          </Link>
        </Stat>
        <Stat label={t("customerSuite.assistance.fields.reason")}>{session.reason || "—"}</Stat>
        <Stat label={t("customerSuite.assistance.fields.created")}>{formatDateTime(session.created_at)}</Stat>
        <Stat label={t("customerSuite.assistance.fields.codeExpires")}>{formatDateTime(session.code_expires_at)}</Stat>
        <Stat label={t("customerSuite.assistance.fields.started")}>{formatDateTime(session.exchanged_at)}</Stat>
        <Stat label={t("customerSuite.assistance.fields.expires")}>{formatDateTime(session.expires_at)}</Stat>
        <Stat label={t("customerSuite.assistance.fields.ended")}>{formatDateTime(session.ended_at)}</Stat>
        <Stat label={t("customerSuite.assistance.fields.actions")}>{session.actions.length}</Stat>
      </dl>
    </Container>
  )
}

export const handle = {
  breadcrumb: (match: UIMatch) => <>{(match.params as { id?: string }).id}</>,
}

export default AssistanceSessionPage
