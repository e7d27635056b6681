import { Input } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { RemovableBadge } from "../common/value-picker-input"

/** Free values as chips: type and press Enter (or a comma). */
export const TagInput = ({
  value,
  onChange,
  numeric = false,
  invalid,
  label,
  testId,
}: {
  value: (string | number)[]
  onChange: (value: (string | number)[]) => void
  numeric?: boolean
  invalid?: boolean
  label?: string
  testId?: string
}) => {
  const { t } = useTranslation()
  const [draft, setDraft] = useState("")
  const commit = () => {
    const items = draft
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => (numeric ? Number(s) : s))
    if (items.length) {
      onChange([...value, ...items])
    }
    setDraft("")
  }
  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-center gap-1" data-testid={testId}>
      {value.map((v, i) => (
        <RemovableBadge key={`${v}-${i}`} label={String(v)} onRemove={() => onChange(value.filter((_, j) => j !== i))} />
      ))}
      <Input
        size="small"
        className="w-40"
        value={draft}
        type={numeric ? "number" : "text"}
        aria-label={label}
        aria-invalid={invalid}
        placeholder={t("customerSuite.segments.builder.addValue")}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === ",") {
            e.preventDefault()
            commit()
          }
        }}
      />
    </div>
  )
}
