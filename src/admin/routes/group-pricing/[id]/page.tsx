import { ArrowPath, PencilSquare, Trash } from "@medusajs/icons"
import { Badge, Button, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { toast } from "../../../components/common/toast"
import { useTranslation } from "react-i18next"
import { Link, useNavigate, useParams, type UIMatch } from "react-router-dom"
import { Loaded, Stat } from "../../../components/common/query-state"
import { Section } from "../../../components/common/section"
import { useConfirmedWrite } from "../../../components/common/table-parts"
import { PricePreviewPanel } from "../../../components/group-pricing/price-preview"
import { SCOPE_PICKERS } from "../../../components/group-pricing/scope"
import { useRuleWords } from "../../../components/group-pricing/words"
import { useDeleteGroupPriceRule, useGroupPriceRule, useResyncGroupPriceRule, useRulePreview } from "../../../hooks/api/group-pricing"
import { usePickerLabels } from "../../../hooks/api/pickers"
import { messageOf } from "../../../lib/api"
import { formatDateTime } from "../../../lib/format"
import type { AdminGroupPriceRule } from "../../../../types/http"
import { readableMessage } from "../../../lib/field-errors"

const SCOPE_SHOWN = 20

const GroupPriceRuleDetailPage = () => {
  const { id = "" } = useParams()
  return (
    <Loaded query={useGroupPriceRule(id)} variant="detail">
      {({ group_price_rule: rule }) => (
        <div className="flex flex-col gap-y-3" data-testid="group-pricing-detail">
          <RuleHeader rule={rule} />
          <SyncSection rule={rule} />
          <SavedPreview id={rule.id} />
        </div>
      )}
    </Loaded>
  )
}

const RuleHeader = ({ rule }: { rule: AdminGroupPriceRule }) => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const confirmedWrite = useConfirmedWrite()
  const words = useRuleWords()
  const remove = useDeleteGroupPriceRule(rule.id)
  const resync = useResyncGroupPriceRule(rule.id)
  const group = usePickerLabels("customer_group", [rule.customer_group_id])
  const scopePicker = rule.scope_type === "all" ? undefined : SCOPE_PICKERS[rule.scope_type]
  const scopeIds = rule.scope_ids ?? []
  const scopeNames = usePickerLabels(scopePicker, scopeIds.slice(0, SCOPE_SHOWN))
  const state = words.state(rule)

  const onDelete = () =>
    confirmedWrite({
      title: t("customerSuite.groupPricing.detail.deleteTitle"),
      description: t("customerSuite.groupPricing.detail.deleteDescription", { name: rule.name }),
      write: () => remove.mutateAsync(),
      done: t("customerSuite.groupPricing.detail.deleted", { name: rule.name }),
      failed: t("customerSuite.groupPricing.detail.deleteFailed"),
      then: () => navigate("/group-pricing", { replace: true }),
    })

  const onResync = async () => {
    try {
      const { group_price_rule } = await resync.mutateAsync()
      const summary = group_price_rule.sync_summary
      toast.success(
        t("customerSuite.groupPricing.detail.resynced", { created: summary?.created ?? 0, updated: summary?.updated ?? 0, deleted: summary?.deleted ?? 0 }),
        { description: summary?.list_deleted ? t("customerSuite.groupPricing.detail.listRemoved") : undefined }
      )
    } catch (error) {
      toast.error(t("customerSuite.groupPricing.detail.resyncFailed"), { description: readableMessage(error) })
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading data-testid="group-pricing-detail-name">{rule.name}</Heading>
            <StatusBadge color={state.color} data-testid="group-pricing-detail-state">
              {state.label}
            </StatusBadge>
          </div>
          <Text size="small" className="text-ui-fg-subtle" data-testid="group-pricing-detail-sentence">
            {t("customerSuite.groupPricing.detail.sentence", {
              group: group.data?.[rule.customer_group_id] ?? "…",
              adjustment: words.adjustment(rule),
              scope: words.scopePhrase(rule),
            })}
          </Text>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button size="small" variant="secondary" onClick={onResync} isLoading={resync.isPending} data-testid="group-pricing-resync">
            <ArrowPath />
            {t("customerSuite.groupPricing.detail.resync")}
          </Button>
          <Button size="small" variant="secondary" asChild>
            <Link to="edit" data-testid="group-pricing-edit">
              <PencilSquare />
              {t("customerSuite.common.edit")}
            </Link>
          </Button>
          <Button size="small" variant="danger" onClick={onDelete} isLoading={remove.isPending} data-testid="group-pricing-delete">
            <Trash />
            {t("customerSuite.common.delete")}
          </Button>
        </div>
      </div>
      <dl className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-3" data-testid="group-pricing-detail-rule">
        <Stat label={t("customerSuite.groupPricing.fields.group")}>
          <Link to={`/customer-groups/${rule.customer_group_id}`} className="text-ui-fg-interactive hover:underline" data-testid="group-pricing-detail-group">
            {group.data?.[rule.customer_group_id] ?? (group.isPending ? "…" : t("customerSuite.groupPricing.groupMissing"))}
          </Link>
        </Stat>
        <Stat label={t("customerSuite.groupPricing.fields.adjustment")}>
          <span data-testid="group-pricing-detail-adjustment">{words.adjustment(rule)}</span>
        </Stat>
        <Stat label={t("customerSuite.groupPricing.fields.scope")}>
          <span data-testid="group-pricing-detail-scope">{words.scope(rule)}</span>
          {scopeIds.length > 0 && (
            <div className="flex flex-wrap gap-1 pt-1">
              {scopeIds.slice(0, SCOPE_SHOWN).map((scopeId) => (
                <Badge key={scopeId} size="2xsmall">
                  {scopeNames.data?.[scopeId] ?? scopeId}
                </Badge>
              ))}
              {scopeIds.length > SCOPE_SHOWN && (
                <Text size="xsmall" className="text-ui-fg-muted">
                  {t("customerSuite.groupPricing.detail.more", { count: scopeIds.length - SCOPE_SHOWN })}
                </Text>
              )}
            </div>
          )}
        </Stat>
        <Stat label={t("customerSuite.groupPricing.fields.tiers")}>
          {rule.tiers?.length ? (
            <ul data-testid="group-pricing-detail-tiers">
              {[...rule.tiers]
                .sort((a, b) => a.min_quantity - b.min_quantity)
                .map((tier) => (
                  <li key={tier.min_quantity}>{words.tier(rule, tier)}</li>
                ))}
            </ul>
          ) : (
            t("customerSuite.groupPricing.detail.noTiers")
          )}
        </Stat>
        <Stat label={t("customerSuite.groupPricing.fields.priority")}>{rule.priority}</Stat>
        <Stat label={t("customerSuite.groupPricing.fields.window")}>{words.window(rule)}</Stat>
      </dl>
    </Container>
  )
}

const SyncSection = ({ rule }: { rule: AdminGroupPriceRule }) => {
  const { t } = useTranslation()
  const summary = rule.sync_summary
  return (
    <Section testId="group-pricing-sync" title={t("customerSuite.groupPricing.detail.sync")} hint={t("customerSuite.groupPricing.detail.syncHint")}>
      <dl className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-4">
        <Stat label={t("customerSuite.groupPricing.fields.lastSync")}>
          <span data-testid="group-pricing-synced-at">{rule.synced_at ? formatDateTime(rule.synced_at) : t("customerSuite.groupPricing.neverSynced")}</span>
        </Stat>
        <Stat label={t("customerSuite.groupPricing.detail.inList")}>
          <span data-testid="group-pricing-sync-totals">
            {summary ? t("customerSuite.groupPricing.detail.totals", { count: summary.prices, variants: summary.variants }) : "—"}
          </span>
        </Stat>
        <Stat label={t("customerSuite.groupPricing.detail.lastChanges")}>
          <span data-testid="group-pricing-sync-changes">
            {summary
              ? t("customerSuite.groupPricing.detail.changes", { created: summary.created, updated: summary.updated, deleted: summary.deleted })
              : "—"}
          </span>
          {summary?.list_deleted && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t("customerSuite.groupPricing.detail.listRemoved")}
            </Text>
          )}
        </Stat>
        <Stat label={t("customerSuite.groupPricing.fields.priceList")}>
          {rule.price_list_id ? (
            <Link to={`/price-lists/${rule.price_list_id}`} className="text-ui-fg-interactive hover:underline" data-testid="group-pricing-price-list">
              {t("customerSuite.groupPricing.detail.openPriceList")}
            </Link>
          ) : (
            <span className="text-ui-fg-subtle">{t("customerSuite.groupPricing.detail.noPriceList")}</span>
          )}
        </Stat>
      </dl>
    </Section>
  )
}

const SavedPreview = ({ id }: { id: string }) => {
  const preview = useRulePreview(id)
  return (
    <PricePreviewPanel
      state={preview.isPending ? "loading" : preview.isError ? "error" : "ready"}
      fetching={preview.isFetching}
      preview={preview.data?.preview}
      error={preview.error ? messageOf(preview.error) : undefined}
    />
  )
}

const Crumb = ({ id }: { id: string }) => {
  const { data } = useGroupPriceRule(id)
  return <>{data?.group_price_rule.name ?? id}</>
}

export const handle = {
  breadcrumb: (match: UIMatch) => <Crumb id={(match.params as { id?: string }).id ?? ""} />,
}

export default GroupPriceRuleDetailPage
