import { Badge, Table } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { actionWordsKey, namedIds } from "../../lib/assistance-actions"
import { formatDateTime } from "../../lib/format"
import type { AdminAssistanceAction } from "../../../types/http"
import { SectionStatus } from "../common/query-state"
import { Section } from "../common/section"

/**
 * What was done in a session, oldest first: each request in words ("Added an
 * item to the cart", the request itself below), its result, and the records
 * it named (cart, line item, address, order…), linked where the admin has a
 * page for them (orders, customers, products, promotions).
 */
export const SessionTimeline = ({ actions }: { actions: AdminAssistanceAction[] }) => {
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
              <ActionRow key={action.id} action={action} />
            ))}
          </Table.Body>
        </Table>
      )}
    </Section>
  )
}

const ActionRow = ({ action }: { action: AdminAssistanceAction }) => {
  const { t } = useTranslation()
  const words = actionWordsKey(action.method, action.route)
  const ids = namedIds(action.resource_ids)
  return (
    <Table.Row data-testid="assistance-action" data-route={action.route}>
      <Table.Cell className="whitespace-nowrap align-top">{formatDateTime(action.created_at)}</Table.Cell>
      <Table.Cell className="align-top">
        {words && (
          <span className="text-ui-fg-base block" data-testid="assistance-action-words">
            {t(`customerSuite.assistance.actions.what.${words}`)}
          </span>
        )}
        <span className="text-ui-fg-muted block font-mono text-xs">
          {action.method} {action.path}
        </span>
      </Table.Cell>
      <Table.Cell className="align-top">
        <span className="flex items-center gap-x-2">
          {action.status_code}
          {action.outcome === "denied" && (
            <Badge size="2xsmall" color="red" data-testid="assistance-action-denied">
              {t("customerSuite.assistance.detail.denied")}
            </Badge>
          )}
        </span>
      </Table.Cell>
      <Table.Cell className="align-top">
        {ids.length === 0
          ? "—"
          : ids.map(({ key, id, kind, page }) => (
              <span key={`${key}:${id}`} className="block" data-testid="assistance-action-record" data-kind={kind}>
                <span className="text-ui-fg-subtle">{t(`customerSuite.assistance.actions.kind.${kind}`)}</span>{" "}
                {page ? (
                  <Link to={page} className="text-ui-fg-interactive font-mono text-xs hover:underline">
                    {id}
                  </Link>
                ) : (
                  <span className="text-ui-fg-muted font-mono text-xs">{id}</span>
                )}
              </span>
            ))}
      </Table.Cell>
    </Table.Row>
  )
}
