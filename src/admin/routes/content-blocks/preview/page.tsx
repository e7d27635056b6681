import { Button, Container, Input, Label, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useSearchParams } from "react-router-dom"
import { Field } from "../../../components/common/field"
import { OptionSelect } from "../../../components/common/option-select"
import { TextCrumb, TitleBlock } from "../../../components/common/query-state"
import { CustomerPicker } from "../../../components/content-blocks/customer-picker"
import { PlacementResults, ShopperSummary } from "../../../components/content-blocks/shopper-preview"
import { useContentBlockPlacements, useShopperPreview } from "../../../hooks/api/content-blocks"
import { labelledMessage, fieldErrorsOf } from "../../../lib/field-errors"
import type { AdminPreviewContentBlocks } from "../../../../types/http"

const ALL = "__all__"

/**
 * "Preview as a shopper": the blocks a customer (or a guest with a cart)
 * gets per placement, why each matched, and why the others did not. The
 * choice is kept in the URL (`?customer_id=&cart_id=&placement=&locale=`).
 */
const ShopperPreviewPage = () => {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const customerId = params.get("customer_id") ?? ""
  const cartId = params.get("cart_id") ?? ""
  const placement = params.get("placement") ?? ""
  const locale = params.get("locale") ?? ""
  const [cartDraft, setCartDraft] = useState(cartId)
  const [localeDraft, setLocaleDraft] = useState(locale)
  const placements = useContentBlockPlacements()

  const set = (patch: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [key, value] of Object.entries(patch)) {
          if (value) {
            next.set(key, value)
          } else {
            next.delete(key)
          }
        }
        return next
      },
      { replace: true }
    )

  const body = useMemo((): AdminPreviewContentBlocks | null => {
    if (!customerId && !cartId) {
      return null
    }
    return {
      customer_id: customerId || undefined,
      cart_id: cartId || undefined,
      placement: placement || undefined,
      locale: locale || undefined,
    }
  }, [customerId, cartId, placement, locale])
  const preview = useShopperPreview(body)
  const placementOptions = [
    { value: ALL, label: t("customerSuite.contentBlocks.list.allPlacements") },
    ...(placements.data?.placements ?? []).map((p) => ({ value: p.placement, label: p.placement })),
    ...(placement && !placements.data?.placements.some((p) => p.placement === placement) ? [{ value: placement, label: placement }] : []),
  ]

  return (
    <div className="flex flex-col gap-y-3" data-testid="content-block-shopper-preview">
      <TitleBlock className="px-1" level="h1" title={t("customerSuite.contentBlocks.shopper.title")} hint={t("customerSuite.contentBlocks.shopper.hint")} />
      <Container className="p-6">
        <form
          className="grid grid-cols-1 items-end gap-4 md:grid-cols-2 xl:grid-cols-4"
          onSubmit={(e) => {
            e.preventDefault()
            set({ cart_id: cartDraft.trim(), locale: localeDraft.trim() })
          }}
        >
          <div className="flex flex-col gap-y-1">
            <Label size="small" weight="plus">
              {t("customerSuite.contentBlocks.shopper.asCustomer")}
            </Label>
            <CustomerPicker value={customerId} onChange={(id) => set({ customer_id: id })} testId="content-block-shopper-customer" />
          </div>
          <Field label={t("customerSuite.contentBlocks.shopper.asGuestCart")} htmlFor="content-block-shopper-cart" hint={t("customerSuite.contentBlocks.shopper.cartHint")}>
            <Input
              id="content-block-shopper-cart"
              value={cartDraft}
              onChange={(e) => setCartDraft(e.target.value)}
              placeholder="cart_…"
              maxLength={100}
              data-testid="content-block-shopper-cart"
            />
          </Field>
          <Field label={t("customerSuite.contentBlocks.fields.placement")} htmlFor="content-block-shopper-placement">
            <OptionSelect
              id="content-block-shopper-placement"
              size="small"
              options={placementOptions}
              value={placement || ALL}
              onValueChange={(v) => set({ placement: v === ALL ? "" : v })}
              testId="content-block-shopper-placement"
            />
          </Field>
          <div className="flex items-end gap-x-2">
            <Field label={t("customerSuite.contentBlocks.fields.locale")} htmlFor="content-block-shopper-locale" optional={t("customerSuite.common.optional")}>
              <Input id="content-block-shopper-locale" value={localeDraft} onChange={(e) => setLocaleDraft(e.target.value)} placeholder="en" className="w-28" maxLength={35} />
            </Field>
            <Button size="small" type="submit" data-testid="content-block-shopper-show">
              {t("customerSuite.contentBlocks.shopper.show")}
            </Button>
          </div>
        </form>
      </Container>
      {!body ? (
        <Container className="p-6">
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerSuite.contentBlocks.shopper.choose")}
          </Text>
        </Container>
      ) : preview.isError ? (
        <Container className="p-6" role="alert">
          <Text size="small" className="text-ui-fg-error" data-testid="content-block-shopper-error">
            {Object.entries(fieldErrorsOf(preview.error))
              .map(([field, message]) => labelledMessage(field, message))
              .join("; ")}
          </Text>
        </Container>
      ) : preview.data ? (
        <>
          <ShopperSummary shopper={preview.data.shopper} />
          <PlacementResults preview={preview.data} />
        </>
      ) : (
        <Container className="p-6">
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerSuite.common.loading")}
          </Text>
        </Container>
      )}
    </div>
  )
}

export const handle = {
  breadcrumb: () => <TextCrumb k="customerSuite.contentBlocks.shopper.title" />,
}

export default ShopperPreviewPage
