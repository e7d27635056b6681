import { Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useContentBlockStats } from "../../hooks/api/content-blocks"
import type { AdminContentBlockStats } from "../../../types/http"
import { OptionSelect } from "../common/option-select"
import { SectionStatus, Stat } from "../common/query-state"
import { Section } from "../common/section"

const RANGES = [7, 30, 90] as const

/** The UTC day `days - 1` days before today, and today (the stats API counts UTC days). */
export const utcRange = (days: number, now = new Date()) => {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  const from = new Date(to.getTime() - (days - 1) * 86_400_000)
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) }
}

export const percent = (rate: number) => new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 }).format(rate)
const count = (n: number) => n.toLocaleString()

/**
 * What a block achieved: impressions, clicks and click rate over a range of
 * UTC days, overall, per targeted segment, and per day (bars in plain CSS).
 */
export const BlockStats = ({ blockId }: { blockId: string }) => {
  const { t } = useTranslation()
  const [days, setDays] = useState<number>(30)
  const stats = useContentBlockStats(blockId, utcRange(days))
  const data = stats.data?.stats
  return (
    <Section
      testId="content-block-stats"
      title={t("customerSuite.contentBlocks.stats.title")}
      hint={data ? t("customerSuite.contentBlocks.stats.hint", { from: data.from, to: data.to }) : t("customerSuite.contentBlocks.stats.hintLoading")}
      actions={
        <OptionSelect
          size="small"
          className="w-40"
          label={t("customerSuite.contentBlocks.stats.range")}
          value={String(days)}
          onValueChange={(v) => setDays(Number(v))}
          options={RANGES.map((d) => ({ value: String(d), label: t("customerSuite.contentBlocks.stats.lastDays", { count: d }) }))}
          testId="content-block-stats-range"
        />
      }
    >
      <SectionStatus isPending={stats.isPending} isError={stats.isError} isEmpty={false} empty="" />
      {data && <StatsBody stats={data} />}
    </Section>
  )
}

const StatsBody = ({ stats }: { stats: AdminContentBlockStats }) => {
  const { t } = useTranslation()
  const max = Math.max(1, ...stats.by_day.map((d) => d.impressions))
  return (
    <>
      <dl className="grid grid-cols-3 gap-4 px-6 py-4" data-testid="content-block-stats-overall">
        <Stat label={t("customerSuite.contentBlocks.stats.impressions")}>
          <span className="txt-compact-large-plus" data-testid="content-block-stats-impressions">
            {count(stats.impressions)}
          </span>
        </Stat>
        <Stat label={t("customerSuite.contentBlocks.stats.clicks")}>
          <span className="txt-compact-large-plus" data-testid="content-block-stats-clicks">
            {count(stats.clicks)}
          </span>
        </Stat>
        <Stat label={t("customerSuite.contentBlocks.stats.clickRate")}>
          <span className="txt-compact-large-plus" data-testid="content-block-stats-rate">
            {percent(stats.click_rate)}
          </span>
        </Stat>
      </dl>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">
          {t("customerSuite.contentBlocks.stats.bySegment")}
        </Text>
        {stats.by_segment.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerSuite.contentBlocks.stats.noSegments")}
          </Text>
        ) : (
          <Table data-testid="content-block-stats-segments">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("customerSuite.contentBlocks.stats.segment")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("customerSuite.contentBlocks.stats.impressions")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("customerSuite.contentBlocks.stats.clicks")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("customerSuite.contentBlocks.stats.clickRate")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {stats.by_segment.map((s) => (
                <Table.Row key={s.segment_id}>
                  <Table.Cell>
                    <Link to={`/customer-segments/${s.segment_id}`} className="text-ui-fg-interactive hover:underline">
                      {s.segment_name ?? t("customerSuite.contentBlocks.stats.deletedSegment", { id: s.segment_id })}
                    </Link>
                  </Table.Cell>
                  <Table.Cell className="text-right">{count(s.impressions)}</Table.Cell>
                  <Table.Cell className="text-right">{count(s.clicks)}</Table.Cell>
                  <Table.Cell className="text-right">{percent(s.click_rate)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <div className="flex items-center justify-between">
          <Text size="small" weight="plus">
            {t("customerSuite.contentBlocks.stats.byDay")}
          </Text>
          <span className="txt-compact-xsmall text-ui-fg-subtle flex items-center gap-x-3">
            <span className="flex items-center gap-x-1">
              <span className="bg-ui-tag-blue-icon inline-block size-2 rounded-sm" />
              {t("customerSuite.contentBlocks.stats.impressions")}
            </span>
            <span className="flex items-center gap-x-1">
              <span className="bg-ui-tag-green-icon inline-block size-2 rounded-sm" />
              {t("customerSuite.contentBlocks.stats.clicks")}
            </span>
          </span>
        </div>
        <div className="flex h-32 items-end gap-px border-b" role="img" aria-label={t("customerSuite.contentBlocks.stats.chartLabel")} data-testid="content-block-stats-days">
          {stats.by_day.map((d) => (
            <div
              key={d.date}
              className="relative flex h-full min-w-[3px] flex-1 items-end"
              title={t("customerSuite.contentBlocks.stats.dayTitle", { date: d.date, impressions: d.impressions, clicks: d.clicks })}
              data-testid="content-block-stats-day"
              data-date={d.date}
            >
              <div className="bg-ui-tag-blue-icon/60 w-full rounded-t-sm" style={{ height: `${(d.impressions / max) * 100}%` }} />
              <div className="bg-ui-tag-green-icon absolute bottom-0 left-1/4 w-1/2 rounded-t-sm" style={{ height: `${(d.clicks / max) * 100}%` }} />
            </div>
          ))}
        </div>
        <div className="txt-compact-xsmall text-ui-fg-muted flex justify-between">
          <span>{stats.by_day[0]?.date}</span>
          <span>{stats.by_day[stats.by_day.length - 1]?.date}</span>
        </div>
      </div>
    </>
  )
}
