import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Select, StatusBadge, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { SectionStatus } from "../components/common/query-state"
import { Section } from "../components/common/section"
import { useConfirmedWrite } from "../components/common/table-parts"
import {
  useRevokeCustomerSessions,
  useSecurityEvents,
  useSendPasswordReset,
  useSignInLock,
  useUnlockCustomer,
  type SecurityEventsQuery,
} from "../hooks/api/customer-security"
import { useAdminOptions } from "../hooks/api/users"
import { formatDateTime } from "../lib/format"
import type { AdminSecurityEvent, SecurityEventKind } from "../../types/http"

const PAGE_SIZE = 20
const KINDS: SecurityEventKind[] = ["sign_in", "password_reset_request", "staff_password_reset", "password_changed", "account_locked", "unlock", "sessions_revoked"]
const ALL_KINDS = "all"
const USER_AGENT_SHOWN = 48

/**
 * "Security" on the customer's page: the sign-in lock (and Unlock), "Send
 * password reset" (Medusa's own email; staff never see the token), "End all
 * sessions", and the customer's security log, newest first.
 */
const CustomerSecurityWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation()
  const confirmedWrite = useConfirmedWrite()
  const sendReset = useSendPasswordReset(customer.id)
  const revoke = useRevokeCustomerSessions(customer.id)
  const noAccount = !customer.has_account

  const onSendReset = () =>
    confirmedWrite({
      title: t("customerSuite.security.reset.title"),
      description: t("customerSuite.security.reset.description", { email: customer.email }),
      confirmText: t("customerSuite.security.reset.confirm"),
      write: () => sendReset.mutateAsync(),
      done: t("customerSuite.security.reset.done", { email: customer.email }),
      failed: t("customerSuite.security.reset.failed"),
    })
  const onRevoke = () =>
    confirmedWrite({
      title: t("customerSuite.security.revoke.title"),
      description: t("customerSuite.security.revoke.description"),
      confirmText: t("customerSuite.security.revoke.confirm"),
      write: () => revoke.mutateAsync(),
      done: t("customerSuite.security.revoke.done"),
      failed: t("customerSuite.security.revoke.failed"),
    })

  return (
    <Section testId="customer-suite-customer-security" title={t("customerSuite.security.title")} hint={t("customerSuite.security.hint")}>
      <SignInLockRow customerId={customer.id} />
      <div className="flex flex-wrap items-center gap-2 px-6 py-4">
        <Button size="small" variant="secondary" onClick={onSendReset} isLoading={sendReset.isPending} disabled={noAccount} data-testid="customer-security-send-reset">
          {t("customerSuite.security.reset.button")}
        </Button>
        <Button size="small" variant="secondary" onClick={onRevoke} isLoading={revoke.isPending} disabled={noAccount} data-testid="customer-security-revoke">
          {t("customerSuite.security.revoke.button")}
        </Button>
        {noAccount && (
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerSuite.security.guest")}
          </Text>
        )}
      </div>
      <SecurityLog customerId={customer.id} />
    </Section>
  )
}

const SignInLockRow = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation()
  const confirmedWrite = useConfirmedWrite()
  const lock = useSignInLock(customerId)
  const unlock = useUnlockCustomer(customerId)
  const state = lock.data?.lock
  const onUnlock = () =>
    confirmedWrite({
      title: t("customerSuite.security.unlock.title"),
      description: t("customerSuite.security.unlock.description"),
      confirmText: t("customerSuite.security.unlock.confirm"),
      write: () => unlock.mutateAsync(),
      done: t("customerSuite.security.unlock.done"),
      failed: t("customerSuite.security.unlock.failed"),
    })
  return (
    <div className="flex items-center justify-between gap-x-4 px-6 py-3" data-testid="customer-security-lock">
      <Text size="small" weight="plus" className="text-ui-fg-subtle">
        {t("customerSuite.security.lock.label")}
      </Text>
      {lock.isPending ? (
        <Text size="small">{t("customerSuite.common.loading")}</Text>
      ) : lock.isError ? (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {t("customerSuite.common.loadError")}
        </Text>
      ) : !lock.data?.available || !state ? (
        <Text size="small" className="text-ui-fg-muted" data-testid="customer-security-lock-unavailable">
          {t("customerSuite.security.lock.unavailable")}
        </Text>
      ) : (
        <div className="flex items-center gap-x-3">
          <div className="flex flex-col items-end">
            <StatusBadge color={state.locked ? "red" : "green"}>
              {state.locked
                ? t("customerSuite.security.lock.lockedUntil", { date: formatDateTime(state.locked_until) })
                : t("customerSuite.security.lock.notLocked")}
            </StatusBadge>
            <Text size="xsmall" className="text-ui-fg-muted">
              {t("customerSuite.security.lock.failures", { failures: state.failures, max: state.max_failures })}
              {state.locked_pairs > 0 ? ` · ${t("customerSuite.security.lock.pairs", { count: state.locked_pairs })}` : ""}
            </Text>
          </div>
          {(state.locked || state.failures > 0) && (
            <Button size="small" variant="secondary" onClick={onUnlock} isLoading={unlock.isPending} data-testid="customer-security-unlock">
              {t("customerSuite.security.unlock.button")}
            </Button>
          )}
        </div>
      )}
    </div>
  )
}

const SecurityLog = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation()
  const [query, setQuery] = useState<SecurityEventsQuery>({ limit: PAGE_SIZE, offset: 0 })
  const events = useSecurityEvents(customerId, query)
  const admins = useAdminOptions()
  const adminLabel = (id: string | null) => (id ? admins.data?.find((a) => a.value === id)?.label ?? id : "")
  const rows = events.data?.security_events ?? []
  const count = events.data?.count ?? 0
  const actor = (event: AdminSecurityEvent) =>
    event.actor_type === "user" ? t("customerSuite.security.actor.user", { name: adminLabel(event.actor_id) }) : t(`customerSuite.security.actor.${event.actor_type}`)

  return (
    <div data-testid="customer-security-log">
      <div className="flex items-center justify-between gap-x-4 px-6 py-3">
        <Text size="small" weight="plus">
          {t("customerSuite.security.log.title")}
        </Text>
        <div className="w-56">
          <Select
            size="small"
            value={query.kind ?? ALL_KINDS}
            onValueChange={(value) => setQuery({ limit: PAGE_SIZE, offset: 0, kind: value === ALL_KINDS ? undefined : (value as SecurityEventKind) })}
          >
            <Select.Trigger data-testid="customer-security-kind">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL_KINDS}>{t("customerSuite.security.log.allKinds")}</Select.Item>
              {KINDS.map((kind) => (
                <Select.Item key={kind} value={kind}>
                  {t(`customerSuite.security.kind.${kind}`)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      <SectionStatus isPending={events.isPending} isError={events.isError} isEmpty={!!events.data && rows.length === 0} empty={t("customerSuite.security.log.empty")} />
      {rows.length > 0 && (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("customerSuite.security.log.time")}</Table.HeaderCell>
                <Table.HeaderCell>{t("customerSuite.security.log.kind")}</Table.HeaderCell>
                <Table.HeaderCell>{t("customerSuite.security.log.outcome")}</Table.HeaderCell>
                <Table.HeaderCell>{t("customerSuite.security.log.ip")}</Table.HeaderCell>
                <Table.HeaderCell>{t("customerSuite.security.log.userAgent")}</Table.HeaderCell>
                <Table.HeaderCell>{t("customerSuite.security.log.actor")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((event) => (
                <Table.Row key={event.id} data-testid="customer-security-event" data-kind={event.kind}>
                  <Table.Cell title={event.occurred_at}>{formatDateTime(event.occurred_at)}</Table.Cell>
                  <Table.Cell>{t(`customerSuite.security.kind.${event.kind}`, { defaultValue: event.kind })}</Table.Cell>
                  <Table.Cell>{t(`customerSuite.security.outcome.${event.outcome}`, { defaultValue: event.outcome })}</Table.Cell>
                  <Table.Cell className="font-mono">{event.ip ?? "—"}</Table.Cell>
                  <Table.Cell title={event.user_agent ?? undefined}>{truncate(event.user_agent)}</Table.Cell>
                  <Table.Cell>{actor(event)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Table.Pagination
            count={count}
            pageSize={query.limit}
            pageIndex={Math.floor(query.offset / query.limit)}
            pageCount={Math.max(1, Math.ceil(count / query.limit))}
            canPreviousPage={query.offset > 0}
            canNextPage={query.offset + query.limit < count}
            previousPage={() => setQuery((q) => ({ ...q, offset: Math.max(0, q.offset - q.limit) }))}
            nextPage={() => setQuery((q) => ({ ...q, offset: q.offset + q.limit }))}
            translations={{
              of: t("customerSuite.common.of"),
              results: t("customerSuite.common.results"),
              pages: t("customerSuite.common.pages"),
              prev: t("customerSuite.common.prev"),
              next: t("customerSuite.common.next"),
            }}
          />
        </>
      )}
    </div>
  )
}

const truncate = (text: string | null) => (!text ? "—" : text.length > USER_AGENT_SHOWN ? `${text.slice(0, USER_AGENT_SHOWN - 1)}…` : text)

export const config = defineWidgetConfig({
  id: "customer-suite:customer-security",
  zone: "customer.details.after",
})

export default CustomerSecurityWidget
