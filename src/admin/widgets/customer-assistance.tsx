import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Copy, Drawer, Label, StatusBadge, Text, Textarea } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { SectionStatus, TitleBlock } from "../components/common/query-state"
import { useSuiteSettings } from "../hooks/api/settings"
import { messageOf } from "../lib/api"
import {
  adminName,
  useAssistanceConsent,
  useAssistanceSessions,
  useStartAssistance,
  type AssistanceSession,
  type StartedSession,
} from "../lib/assistance"
import { formatDateTime } from "../lib/format"
import { useEndSessionAfterConfirm } from "../components/assistance/use-end-session"

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
  const capability = settings.data?.settings.capabilities.find((c) => c.id === "assistance")
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
    <Container className="divide-y p-0" data-testid="customer-suite-customer-assistance">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <TitleBlock level="h2" title={t("customerSuite.assistance.widget.title")} hint={t("customerSuite.assistance.widget.hint")} />
        <Link
          to={`/assistance-log?customer_id=${customer.id}`}
          className="txt-compact-small text-ui-fg-interactive shrink-0 hover:underline"
          data-testid="customer-assistance-log-link"
        >
          {t("customerSuite.assistance.widget.log")}
        </Link>
      </div>
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
    </Container>
  )
}

const OpenSession = ({ session }: { session: AssistanceSession }) => {
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

/** The button and its drawer: a reason, then the one-time code (gone when the drawer closes). */
const StartAssistance = ({ customerId, disabled, requireReason }: { customerId: string; disabled: boolean; requireReason: boolean }) => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState("")
  const [started, setStarted] = useState<StartedSession | null>(null)
  const [error, setError] = useState<string | null>(null)
  const start = useStartAssistance(customerId)

  const onOpenChange = (next: boolean) => {
    setOpen(next)
    if (!next) {
      // Shown once: closing forgets the code.
      setStarted(null)
      setReason("")
      setError(null)
    }
  }
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    try {
      setStarted(await start.mutateAsync(reason.trim()))
    } catch (e) {
      setError(messageOf(e))
    }
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" disabled={disabled} data-testid="customer-assistance-start">
          {t("customerSuite.assistance.start.button")}
        </Button>
      </Drawer.Trigger>
      <Drawer.Content data-testid="customer-assistance-drawer">
        <Drawer.Header>
          <Drawer.Title>{t("customerSuite.assistance.start.title")}</Drawer.Title>
          <Drawer.Description>{t("customerSuite.assistance.start.description")}</Drawer.Description>
        </Drawer.Header>
        {started ? (
          <Drawer.Body>
            <StartedCode started={started} />
          </Drawer.Body>
        ) : (
          <form id="customer-assistance-form" onSubmit={onSubmit} className="flex flex-1 flex-col">
            <Drawer.Body className="flex flex-col gap-y-2">
              <Label htmlFor="customer-assistance-reason" size="small" weight="plus">
                {t("customerSuite.assistance.start.reason")}
                {!requireReason && <span className="text-ui-fg-muted font-normal"> ({t("customerSuite.common.optional")})</span>}
              </Label>
              <Textarea
                id="customer-assistance-reason"
                value={reason}
                maxLength={1000}
                onChange={(e) => setReason(e.target.value)}
                placeholder={t("customerSuite.assistance.start.reasonPlaceholder")}
              />
              {error && (
                <Text size="small" className="text-ui-fg-error" role="alert" data-testid="customer-assistance-error">
                  {error}
                </Text>
              )}
            </Drawer.Body>
          </form>
        )}
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t(started ? "customerSuite.assistance.start.done" : "customerSuite.common.cancel")}
            </Button>
          </Drawer.Close>
          {!started && (
            <Button size="small" type="submit" form="customer-assistance-form" isLoading={start.isPending} data-testid="customer-assistance-submit">
              {t("customerSuite.assistance.start.submit")}
            </Button>
          )}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** Seconds left until `until`, ticking every second. */
const useSecondsLeft = (until: string) => {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return Math.max(0, Math.ceil((new Date(until).getTime() - now) / 1000))
}

const StartedCode = ({ started }: { started: StartedSession }) => {
  const { t } = useTranslation()
  const left = useSecondsLeft(started.code_expires_at)
  return (
    <div className="flex flex-col gap-y-4" data-testid="customer-assistance-code-panel">
      <Text size="small" className="text-ui-fg-subtle">
        {t("customerSuite.assistance.code.hint")}
      </Text>
      <div className="bg-ui-bg-subtle flex items-center justify-between gap-x-2 rounded-lg border px-4 py-3">
        <span className="font-mono text-3xl font-semibold tracking-widest" data-testid="customer-assistance-code">
          {started.code}
        </span>
        <Copy content={started.code} aria-label={t("customerSuite.assistance.code.copy")} />
      </div>
      <Text size="small" role="timer" className={left ? "text-ui-fg-base" : "text-ui-fg-error"} data-testid="customer-assistance-countdown">
        {left
          ? t("customerSuite.assistance.code.expiresIn", { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}` })
          : t("customerSuite.assistance.code.expired")}
      </Text>
      {started.link ? (
        <Button size="small" variant="secondary" asChild>
          <a href={started.link} target="_blank" rel="noopener noreferrer" data-testid="customer-assistance-link">
            {t("customerSuite.assistance.code.open")}
          </a>
        </Button>
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          {t("customerSuite.assistance.code.noLink")}
        </Text>
      )}
      <Text size="xsmall" className="text-ui-fg-muted">
        {t("customerSuite.assistance.code.once")}
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
