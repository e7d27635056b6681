import { zodResolver } from "@hookform/resolvers/zod"
import { Button, Copy, Drawer, Label, Text, Textarea } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useForm } from "react-hook-form"
import { useTranslation } from "react-i18next"
import { useStartAssistance } from "../../hooks/api/assistance"
import { messageOf } from "../../lib/api"
import { ROOT_ERROR, flattenFormErrors } from "../../lib/field-errors"
import { assistanceStartFormSchema, type AssistanceStartForm } from "../../lib/forms/assistance-start"
import type { AdminStartAssistanceSessionResponse } from "../../../types/http"
import { FieldError } from "../common/field"

/** The button and its drawer: a reason, then the one-time code (gone when the drawer closes). */
export const StartAssistance = ({ customerId, disabled, requireReason }: { customerId: string; disabled: boolean; requireReason: boolean }) => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [started, setStarted] = useState<AdminStartAssistanceSessionResponse | null>(null)
  const start = useStartAssistance(customerId)
  const form = useForm<AssistanceStartForm, unknown, string>({ defaultValues: { reason: "" }, resolver: zodResolver(assistanceStartFormSchema) })

  const onOpenChange = (next: boolean) => {
    setOpen(next)
    if (!next) {
      // Shown once: closing forgets the code.
      setStarted(null)
      form.reset()
    }
  }
  const onSubmit = form.handleSubmit(async (reason) => {
    try {
      setStarted(await start.mutateAsync(reason))
    } catch (error) {
      form.setError(ROOT_ERROR, { type: "api", message: messageOf(error) })
    }
  })

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
              <Textarea id="customer-assistance-reason" maxLength={1000} placeholder={t("customerSuite.assistance.start.reasonPlaceholder")} {...form.register("reason")} />
              <FieldError error={Object.values(flattenFormErrors(form.formState.errors)).join("; ") || undefined} testId="customer-assistance-error" />
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

/** The one-time code, shown once, with its countdown and the storefront link that takes it. */
const StartedCode = ({ started }: { started: AdminStartAssistanceSessionResponse }) => {
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
