import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { customerName } from "../../lib/format"
import type { AdminCustomerSegmentPreviewCustomer } from "../../../types/http"

/** idle: no rule yet; invalid: the builder's rule is incomplete or refused; fixText: the text has an error. */
export type SegmentPreviewState = "idle" | "loading" | "ready" | "invalid" | "fixText"

/** Who the rule matches now: the count and the first customers; a fixed height, so nothing moves the form. */
export const SegmentPreviewPanel = ({
  state,
  fetching,
  count,
  customers,
}: {
  state: SegmentPreviewState
  fetching: boolean
  count?: number
  customers: AdminCustomerSegmentPreviewCustomer[]
}) => {
  const { t } = useTranslation()
  return (
    <Container className="flex h-[340px] flex-col gap-y-3 p-6" data-testid="segment-preview" aria-busy={fetching} aria-live="polite">
      <div className="flex items-center justify-between">
        <Heading level="h3">{t("customerSuite.segments.preview.title")}</Heading>
        {fetching && (
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("customerSuite.common.updating")}
          </Text>
        )}
      </div>
      {state === "idle" && (
        <Text size="small" className="text-ui-fg-subtle">
          {t("customerSuite.segments.preview.idle")}
        </Text>
      )}
      {state === "loading" && <Skeleton className="h-8 w-24" />}
      {(state === "invalid" || state === "fixText") && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="segment-preview-invalid">
          {t(state === "fixText" ? "customerSuite.segments.preview.fixText" : "customerSuite.segments.preview.invalid")}
        </Text>
      )}
      {state === "ready" && count !== undefined && (
        <>
          <div>
            <Text className="text-ui-fg-base text-2xl font-medium" data-testid="segment-preview-count">
              {count.toLocaleString()}
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              {t("customerSuite.segments.preview.matching", { count })}
            </Text>
          </div>
          <ul className="flex flex-col gap-y-1 overflow-hidden">
            {customers.map((c) => (
              <li key={c.id} className="truncate">
                <Link to={`/customers/${c.id}`} className="txt-compact-small text-ui-fg-interactive hover:underline">
                  {customerName(c)}
                </Link>
                {c.email && (c.first_name || c.last_name) && (
                  <Text size="xsmall" className="text-ui-fg-muted inline">
                    {" "}
                    {c.email}
                  </Text>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Container>
  )
}
