import { Container, Skeleton, Table, Text, Tooltip } from "@medusajs/ui"
import { Fragment } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { formatMoney } from "../../lib/format"
import type { AdminGroupPricePreview } from "../../../types/http"
import { TitleBlock } from "../common/query-state"

export type PreviewState = "idle" | "loading" | "ready" | "invalid" | "error"

/**
 * What members would pay for the first products in scope: per variant and
 * base price (one per currency, or per price rule such as a region), the
 * base amount, the group price and each tier's price.
 */
export const PricePreviewPanel = ({
  state,
  fetching,
  preview,
  error,
}: {
  state: PreviewState
  fetching: boolean
  preview?: AdminGroupPricePreview
  error?: string
}) => {
  const { t } = useTranslation()
  return (
    <Container className="flex flex-col gap-y-3 p-0" data-testid="group-pricing-preview" aria-busy={fetching} aria-live="polite">
      <div className="flex flex-wrap items-start justify-between gap-2 px-6 pt-4">
        <TitleBlock level="h2" title={t("customerSuite.groupPricing.preview.title")} hint={t("customerSuite.groupPricing.preview.hint")} />
        <div className="flex items-center gap-x-3">
          {fetching && (
            <Text size="xsmall" className="text-ui-fg-muted">
              {t("customerSuite.common.updating")}
            </Text>
          )}
          {state === "ready" && preview && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="group-pricing-preview-counts">
              {t("customerSuite.groupPricing.preview.counts", { count: preview.products, variants: preview.variants })}
            </Text>
          )}
        </div>
      </div>
      <div className="pb-4">
        {state === "idle" && (
          <Text size="small" className="text-ui-fg-subtle px-6" data-testid="group-pricing-preview-idle">
            {t("customerSuite.groupPricing.preview.idle")}
          </Text>
        )}
        {state === "loading" && (
          <div className="px-6">
            <Skeleton className="h-24 w-full" />
          </div>
        )}
        {state === "invalid" && (
          <Text size="small" className="text-ui-fg-subtle px-6" data-testid="group-pricing-preview-invalid">
            {t("customerSuite.groupPricing.preview.invalid")}
          </Text>
        )}
        {state === "error" && (
          <Text size="small" className="text-ui-fg-error px-6" role="alert">
            {t("customerSuite.common.loadError")} {error}
          </Text>
        )}
        {state === "ready" && preview && preview.rows.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle px-6" data-testid="group-pricing-preview-empty">
            {t("customerSuite.groupPricing.preview.empty")}
          </Text>
        )}
        {state === "ready" && preview && preview.rows.length > 0 && <PreviewTable preview={preview} />}
      </div>
    </Container>
  )
}

const PreviewTable = ({ preview }: { preview: AdminGroupPricePreview }) => {
  const { t } = useTranslation()
  const none = <span className="text-ui-fg-muted">—</span>
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("customerSuite.groupPricing.preview.product")}</Table.HeaderCell>
          <Table.HeaderCell>{t("customerSuite.groupPricing.preview.currency")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("customerSuite.groupPricing.preview.base")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("customerSuite.groupPricing.preview.group")}</Table.HeaderCell>
          <Table.HeaderCell>{t("customerSuite.groupPricing.preview.tiers")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {preview.rows.map((row) => (
          <Fragment key={row.variant_id}>
            {row.prices.map((price, i) => {
              const ruled = Object.keys(price.rules).length > 0
              return (
                <Table.Row
                  key={`${price.currency_code}-${JSON.stringify(price.rules)}`}
                  data-testid="group-pricing-preview-price"
                  data-product-id={row.product_id}
                  data-variant-id={row.variant_id}
                  data-currency={price.currency_code}
                  data-rules={ruled ? JSON.stringify(price.rules) : ""}
                >
                  <Table.Cell className="align-top">
                    {/* The variant is named on its first price only. */}
                    {i === 0 && (
                      <>
                        <Link to={`/products/${row.product_id}`} className="text-ui-fg-interactive hover:underline">
                          {row.product_title}
                        </Link>
                        {row.variant_title && (
                          <Text size="xsmall" className="text-ui-fg-subtle">
                            {row.variant_title}
                          </Text>
                        )}
                      </>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {price.currency_code.toUpperCase()}
                    {ruled && (
                      <Tooltip content={Object.entries(price.rules).map(([k, v]) => `${k} = ${v}`).join(", ")}>
                        <span className="text-ui-fg-muted txt-compact-xsmall"> · {t("customerSuite.groupPricing.preview.ruled")}</span>
                      </Tooltip>
                    )}
                  </Table.Cell>
                  <Table.Cell className="text-right" data-testid="group-pricing-preview-base">
                    {price.base === null ? none : formatMoney(price.base, price.currency_code)}
                  </Table.Cell>
                  <Table.Cell className="text-right font-medium" data-testid="group-pricing-preview-group">
                    {price.group === null ? none : formatMoney(price.group, price.currency_code)}
                  </Table.Cell>
                  <Table.Cell data-testid="group-pricing-preview-tiers">
                    {price.tiers.length
                      ? price.tiers.map((tier) => (
                          <div key={tier.min_quantity} className="whitespace-nowrap">
                            {t("customerSuite.groupPricing.preview.tierPrice", {
                              quantity: tier.min_quantity,
                              amount: formatMoney(tier.amount, price.currency_code),
                            })}
                          </div>
                        ))
                      : none}
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Fragment>
        ))}
      </Table.Body>
    </Table>
  )
}
