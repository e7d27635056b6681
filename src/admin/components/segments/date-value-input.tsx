import { Input, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { OptionSelect } from "../common/option-select"

const RELATIVE = /^-(\d{1,4})([dwmy])$/
const UNITS = ["d", "w", "m", "y"] as const

/** A date value: a calendar day, "today", or N days/weeks/months/years ago. */
export const DateValueInput = ({
  value,
  onChange,
  invalid,
  testId,
  label,
}: {
  value: string
  onChange: (value: string) => void
  invalid?: boolean
  testId?: string
  label?: string
}) => {
  const { t } = useTranslation()
  const relative = RELATIVE.exec(value ?? "")
  const mode = value === "today" ? "today" : relative ? "relative" : "absolute"
  // The box may be empty while typing; the value only takes whole numbers from 1 to 9999.
  const [draft, setDraft] = useState(relative?.[1] ?? "")
  useEffect(() => {
    if (relative && relative[1] !== draft && Number(draft) !== Number(relative[1])) {
      setDraft(relative[1])
    }
  }, [value])
  const unit = relative?.[2] ?? "d"
  return (
    <div className="flex flex-wrap items-center gap-1" data-testid={testId} role="group" aria-label={label}>
      <OptionSelect
        size="small"
        className="w-36"
        label={t("customerSuite.segments.dates.mode")}
        value={mode}
        onValueChange={(next) => onChange(next === "today" ? "today" : next === "relative" ? "-30d" : new Date().toISOString().slice(0, 10))}
        options={(["relative", "absolute", "today"] as const).map((m) => ({ value: m, label: t(`customerSuite.segments.dates.${m}`) }))}
      />
      {mode === "relative" && (
        <>
          <Input
            size="small"
            type="number"
            min={1}
            max={9999}
            className="w-20"
            aria-label={t("customerSuite.segments.dates.amount")}
            aria-invalid={invalid || draft === ""}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value)
              const n = Math.floor(Number(e.target.value))
              if (e.target.value !== "" && Number.isFinite(n)) {
                onChange(`-${Math.min(9999, Math.max(1, n))}${unit}`)
              }
            }}
            onBlur={() => setDraft(relative?.[1] ?? "")}
            data-testid={testId ? `${testId}-amount` : undefined}
          />
          <OptionSelect
            size="small"
            className="w-28"
            label={t("customerSuite.segments.dates.unit")}
            value={unit}
            onValueChange={(next) => onChange(`-${relative?.[1] ?? "30"}${next}`)}
            options={UNITS.map((u) => ({ value: u, label: t(`customerSuite.segments.dates.units.${u}`) }))}
          />
          <Text size="small" className="text-ui-fg-subtle">
            {t("customerSuite.segments.dates.ago")}
          </Text>
        </>
      )}
      {mode === "absolute" && (
        <Input
          size="small"
          type="date"
          className="w-40"
          aria-label={label ?? t("customerSuite.segments.dates.absolute")}
          aria-invalid={invalid}
          value={value ?? ""}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  )
}

/** "and", between the two ends of a range. */
export const And = () => {
  const { t } = useTranslation()
  return (
    <Text size="small" className="text-ui-fg-subtle">
      {t("customerSuite.segments.builder.and")}
    </Text>
  )
}

const WINDOWS = ["any", "since", "until", "between"] as const

/** Dates a value applies within: any time, since, until, or between two dates. */
export const WindowInput = ({
  since,
  until,
  onChange,
  testId,
}: {
  since?: string
  until?: string
  onChange: (since?: string, until?: string) => void
  testId?: string
}) => {
  const { t } = useTranslation()
  const window = since && until ? "between" : since ? "since" : until ? "until" : "any"
  return (
    <>
      <OptionSelect
        size="small"
        className="w-36"
        label={t("customerSuite.segments.money.window")}
        value={window}
        onValueChange={(next) =>
          onChange(
            next === "since" || next === "between" ? (since ?? "-90d") : undefined,
            next === "until" || next === "between" ? (until ?? "today") : undefined
          )
        }
        options={WINDOWS.map((w) => ({ value: w, label: t(`customerSuite.segments.money.${w === "any" ? "anyTime" : w}`) }))}
      />
      {since !== undefined && (
        <DateValueInput value={since} onChange={(next) => onChange(next, until)} label={t("customerSuite.segments.money.since")} testId={testId ? `${testId}-since` : undefined} />
      )}
      {since !== undefined && until !== undefined && <And />}
      {until !== undefined && (
        <DateValueInput value={until} onChange={(next) => onChange(since, next)} label={t("customerSuite.segments.money.until")} testId={testId ? `${testId}-until` : undefined} />
      )}
    </>
  )
}
