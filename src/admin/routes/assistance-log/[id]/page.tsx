import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useParams, type UIMatch } from "react-router-dom"
import { SessionState } from "../../../components/assistance/session-state"
import { useEndSessionAfterConfirm } from "../../../components/assistance/use-end-session"
import { Loaded, SectionStatus, Stat } from "../../../components/common/query-state"
import { Section } from "../../../components/common/section"
import { useAssistanceSession } from "../../../hooks/api/assistance"
import { useCustomerName } from "../../../hooks/api/customers"
import { adminNameAndEmail } from "../../../lib/assistance"
import { formatDateTime } from "../../../lib/format"
import type { AdminAssistanceAction, AdminAssistanceSessionDetail } from "../../../../types/http"

const AssistanceSessionPage = () => {
  const { id = "" } = useParams()
  return (
    <Loaded query={useAssistanceSession(id)} variant="detail">
      {({ assistance_session: session }) => (
        <div className="flex flex-col gap-y-3" data-testid="assistance-session-detail">
          <SessionFacts session={session} />
          <Timeline actions={session.actions} />
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

const idsText = (ids: Record<string, unknown> | null) =>
  ids && Object.keys(ids).length
    ? Object.entries(ids)
        .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(", ") : String(value)}`)
        .join(" · ")
    : "—"

const Timeline = ({ actions }: { actions: AdminAssistanceAction[] }) => {
  const { t } = useTranslation()
  return (
    <Section testId="assistance-session-timeline" title={t("customerSuite.assistance.detail.timeline")} hint={t("customerSuite.assistance.detail.timelineHint")}>
      <SectionStatus isPending={false} isError={false} isEmpty={actions.length === 0} empty={t("customerSuite.assistance.detail.noActions")} />
      {actions.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("customerSuite.assistance.fields.time")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerSuite.assistance.fields.request")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerSuite.assistance.fields.statusCode")}</Table.HeaderCell>
              <Table.HeaderCell>{t("customerSuite.assistance.fields.ids")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {actions.map((action) => (
              <Table.Row key={action.id} data-testid="assistance-action" data-route={action.route}>
                <Table.Cell className="whitespace-nowrap">{formatDateTime(action.created_at)}</Table.Cell>
                <Table.Cell>
                  <span className="font-mono">
                    {action.method} {action.route}
                  </span>
                  {action.path !== action.route && <span className="text-ui-fg-muted block font-mono text-xs">{action.path}</span>}
                </Table.Cell>
                <Table.Cell>
                  <span className="flex items-center gap-x-2">
                    {action.status_code}
                    {action.outcome === "denied" && (
                      <Badge size="2xsmall" color="red" data-testid="assistance-action-denied">
                        {t("customerSuite.assistance.detail.denied")}
                      </Badge>
                    )}
                  </span>
                </Table.Cell>
                <Table.Cell className="font-mono text-xs">{idsText(action.resource_ids)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Section>
  )
}

export const handle = {
  breadcrumb: (match: UIMatch) => <>{(match.params as { id?: string }).id}</>,
}

export default AssistanceSessionPage
