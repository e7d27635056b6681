import { Container, Heading, Input, Label, Select, Skeleton, Switch, Tabs, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { messageOf } from "../../lib/api"
import {
  countConditions,
  errorsByNode,
  incompleteConditions,
  fromRule,
  parseSyntaxError,
  splitErrors,
  toRule,
  type BuilderGroup,
  type FieldErrors,
} from "../../lib/rule-model"
import {
  parseRule,
  useAttributes,
  usePreview,
  type RuleNode,
  type Segment,
  type SegmentAppliesTo,
  type SegmentInput,
  type SegmentKind,
  type SegmentStatus,
} from "../../lib/segments"
import { useDebounced } from "./pickers"
import { RuleBuilder } from "./rule-builder"
import { useStoreCurrencies } from "./value-input"
import { FormActions } from "../common/form-actions"
import { TitleBlock } from "../common/query-state"

type Mode = "builder" | "text"


/**
 * Create / edit a segment: details, then the rule in the visual builder or
 * as text (switching round-trips through the API's parser and printer), with
 * a live preview of who matches before anything is saved.
 */
export const SegmentForm = ({
  segment,
  onSubmit,
  submitting,
  cancelTo,
}: {
  segment?: Segment
  onSubmit: (input: SegmentInput) => Promise<void>
  submitting: boolean
  cancelTo: string
}) => {
  const { t } = useTranslation()
  const attributes = useAttributes()
  const currencies = useStoreCurrencies()
  const currency = currencies.data?.[0] ?? "eur"

  const [name, setName] = useState(segment?.name ?? "")
  const [description, setDescription] = useState(segment?.description ?? "")
  const [kind, setKind] = useState<SegmentKind>(segment?.kind ?? "dynamic")
  const [appliesTo, setAppliesTo] = useState<SegmentAppliesTo>(segment?.applies_to ?? "registered")
  const [status, setStatus] = useState<SegmentStatus>(segment?.status ?? "active")
  const [sync, setSync] = useState(segment?.sync_customer_group ?? false)

  const [mode, setMode] = useState<Mode>("builder")
  const [root, setRoot] = useState<BuilderGroup>(() => fromRule(segment?.rule))
  const [text, setText] = useState(segment?.query ?? "")
  const [textRule, setTextRule] = useState<RuleNode | null>(segment?.rule ?? null)
  const [textError, setTextError] = useState<string | null>(null)
  const [switching, setSwitching] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})

  const built = useMemo(() => toRule(root), [root])
  const conditions = countConditions(root)
  const incomplete = useMemo(() => incompleteConditions(root), [root])
  const [showIncomplete, setShowIncomplete] = useState(false)

  // Errors from a save name rule paths: once the rule changes they may point elsewhere.
  useEffect(() => {
    setErrors((prev) => {
      const kept = Object.fromEntries(Object.entries(prev).filter(([field]) => !field.startsWith("rule")))
      return Object.keys(kept).length === Object.keys(prev).length ? prev : kept
    })
  }, [root])

  // Text mode: parse as you type (debounced), errors at their line and column.
  const debouncedText = useDebounced(text, 400)
  const parseSeq = useRef(0)
  useEffect(() => {
    // Right after a switch the debounced text is the old one: the switch already parsed the new text.
    if (mode !== "text" || kind !== "dynamic" || text !== debouncedText) {
      return
    }
    const seq = ++parseSeq.current
    if (!debouncedText.trim()) {
      setTextRule(null)
      setTextError(null)
      return
    }
    parseRule({ query: debouncedText })
      .then((result) => {
        if (seq === parseSeq.current) {
          setTextRule(result.rule)
          setTextError(null)
        }
      })
      .catch((error) => {
        if (seq === parseSeq.current) {
          setTextRule(null)
          setTextError(splitErrors(messageOf(error)).query ?? messageOf(error))
        }
      })
  }, [debouncedText, mode, kind])

  // The live preview reads the rule being edited (debounced), never a saved one.
  const previewRule =
    kind !== "dynamic" ? null : mode === "builder" ? (conditions > 0 && incomplete.length === 0 ? built.rule : null) : textRule
  const waitingForValues = kind === "dynamic" && mode === "builder" && conditions > 0 && incomplete.length > 0
  const previewBody = useDebounced(
    useMemo(() => (previewRule ? { rule: previewRule, applies_to: appliesTo } : null), [previewRule, appliesTo]),
    500
  )
  const preview = usePreview(previewBody)
  const previewErrors = preview.error ? splitErrors(messageOf(preview.error)) : {}
  const nodeErrors = errorsByNode({ ...(mode === "builder" && previewBody ? previewErrors : {}), ...errors }, built.paths)
  if (showIncomplete) {
    for (const key of incomplete) {
      nodeErrors.byKey[key] = [t("customerSuite.segments.builder.valueRequired"), ...(nodeErrors.byKey[key] ?? [])]
    }
  }

  const switchMode = async (next: Mode) => {
    if (next === mode || switching) {
      return
    }
    if (next === "text" && incomplete.length > 0) {
      setShowIncomplete(true)
      toast.error(t("customerSuite.segments.form.switchBlocked"), { description: t("customerSuite.segments.form.fixBuilder") })
      return
    }
    setSwitching(true)
    try {
      if (next === "text") {
        if (conditions === 0) {
          setText("")
          setTextRule(null)
        } else {
          const result = await parseRule({ rule: built.rule })
          setText(result.query)
          setTextRule(result.rule)
        }
        setTextError(null)
      } else {
        if (!text.trim()) {
          setRoot(fromRule(null))
        } else {
          const result = await parseRule({ query: text })
          setRoot(fromRule(result.rule))
        }
      }
      setErrors({})
      setMode(next)
    } catch (error) {
      const fields = splitErrors(messageOf(error))
      if (next === "text") {
        setErrors(fields)
        toast.error(t("customerSuite.segments.form.switchBlocked"), { description: t("customerSuite.segments.form.fixBuilder") })
      } else {
        setTextError(fields.query ?? messageOf(error))
        toast.error(t("customerSuite.segments.form.switchBlocked"), { description: t("customerSuite.segments.form.fixText") })
      }
    } finally {
      setSwitching(false)
    }
  }

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    if (!name.trim()) {
      setErrors({ name: t("customerSuite.segments.form.nameRequired") })
      return
    }
    if (kind === "dynamic" && mode === "builder" && incomplete.length > 0) {
      setShowIncomplete(true)
      toast.error(t("customerSuite.segments.form.saveFailed"), { description: t("customerSuite.segments.form.fixBuilder") })
      return
    }
    setErrors({})
    const input: SegmentInput = {
      name: name.trim(),
      description: description.trim() || null,
      applies_to: appliesTo,
      status,
      sync_customer_group: sync,
      ...(segment ? {} : { kind }),
    }
    if (kind === "dynamic") {
      if (mode === "builder") {
        input.rule = built.rule
      } else {
        input.query = text
      }
    }
    try {
      await onSubmit(input)
    } catch (error) {
      const fields = splitErrors(messageOf(error))
      setErrors(fields)
      if (fields.query) {
        setTextError(fields.query)
      }
      toast.error(t("customerSuite.segments.form.saveFailed"), { description: messageOf(error) })
    }
  }

  const fieldError = (field: string) =>
    errors[field] ? (
      <Text size="small" className="text-ui-fg-error" role="alert" data-testid={`segment-error-${field}`}>
        {errors[field]}
      </Text>
    ) : null
  const syntax = parseSyntaxError(textError ?? undefined)

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-y-3" data-testid="segment-form">
      <Container className="flex flex-col gap-y-4 p-6">
        <Heading level="h2">{t("customerSuite.segments.form.details")}</Heading>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="segment-name" size="small" weight="plus">
              {t("customerSuite.segments.fields.name")}
            </Label>
            <Input id="segment-name" name="name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name} maxLength={255} data-testid="segment-name-input" />
            {fieldError("name")}
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="segment-applies-to" size="small" weight="plus">
              {t("customerSuite.segments.fields.appliesTo")}
            </Label>
            <Select value={appliesTo} onValueChange={(v) => setAppliesTo(v as SegmentAppliesTo)}>
              <Select.Trigger id="segment-applies-to">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {(["registered", "guests", "both"] as const).map((v) => (
                  <Select.Item key={v} value={v}>
                    {t(`customerSuite.segments.appliesTo.${v}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            {fieldError("applies_to")}
          </div>
          <div className="flex flex-col gap-y-1 md:col-span-2">
            <Label htmlFor="segment-description" size="small" weight="plus">
              {t("customerSuite.segments.fields.description")} <span className="text-ui-fg-muted">({t("customerSuite.common.optional")})</span>
            </Label>
            <Textarea id="segment-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} rows={2} />
            {fieldError("description")}
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="segment-kind" size="small" weight="plus">
              {t("customerSuite.segments.fields.kind")}
            </Label>
            <Select value={kind} onValueChange={(v) => setKind(v as SegmentKind)} disabled={!!segment}>
              <Select.Trigger id="segment-kind">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {(["dynamic", "static"] as const).map((v) => (
                  <Select.Item key={v} value={v}>
                    {t(`customerSuite.segments.kind.${v}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t(`customerSuite.segments.kindHint.${kind}`)}
            </Text>
            {fieldError("kind")}
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="segment-status" size="small" weight="plus">
              {t("customerSuite.segments.fields.status")}
            </Label>
            <Select value={status} onValueChange={(v) => setStatus(v as SegmentStatus)}>
              <Select.Trigger id="segment-status">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {(["active", "inactive"] as const).map((v) => (
                  <Select.Item key={v} value={v}>
                    {t(`customerSuite.segments.status.${v}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            {fieldError("status")}
          </div>
          <div className="flex items-start gap-x-3 md:col-span-2">
            <Switch id="segment-sync" checked={sync} onCheckedChange={setSync} />
            <div>
              <Label htmlFor="segment-sync" size="small" weight="plus">
                {t("customerSuite.segments.fields.syncGroup")}
              </Label>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {t("customerSuite.segments.form.syncHint")}
              </Text>
              {fieldError("sync_customer_group")}
            </div>
          </div>
        </div>
      </Container>

      {kind === "dynamic" && (
        <div className="grid grid-cols-1 gap-3 xl:grid-cols-[1fr_320px]">
          <Container className="flex flex-col gap-y-4 p-6">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <TitleBlock level="h2" title={t("customerSuite.segments.form.rule")} hint={t("customerSuite.segments.form.ruleHint")} />
              <Tabs value={mode} onValueChange={(v) => void switchMode(v as Mode)}>
                <Tabs.List>
                  <Tabs.Trigger value="builder" data-testid="segment-mode-builder" disabled={switching}>
                    {t("customerSuite.segments.form.builder")}
                  </Tabs.Trigger>
                  <Tabs.Trigger value="text" data-testid="segment-mode-text" disabled={switching}>
                    {t("customerSuite.segments.form.text")}
                  </Tabs.Trigger>
                </Tabs.List>
              </Tabs>
            </div>
            {mode === "builder" &&
              (attributes.isPending ? (
                <Skeleton className="h-24 w-full" />
              ) : attributes.isError ? (
                <Text size="small" className="text-ui-fg-error" role="alert">
                  {t("customerSuite.common.loadError")}
                </Text>
              ) : (
                <RuleBuilder root={root} onChange={setRoot} attributes={attributes.data.attributes} currency={currency} errors={nodeErrors.byKey} />
              ))}
            {mode === "text" && (
              <div className="flex flex-col gap-y-2">
                <Textarea
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  rows={6}
                  spellCheck={false}
                  className="font-mono"
                  aria-label={t("customerSuite.segments.form.queryLabel")}
                  aria-invalid={!!textError}
                  aria-describedby="segment-query-status"
                  placeholder="customer_groups CONTAINS 'cusgroup_…' AND amount_spent > 500 EUR SINCE -90d"
                  data-testid="segment-query"
                />
                <div id="segment-query-status" className="min-h-[2.5rem]" aria-live="polite">
                  {textError ? (
                    <div role="alert" data-testid="segment-query-error">
                      <Text size="small" className="text-ui-fg-error">
                        {syntax ? t("customerSuite.segments.form.syntaxAt", { line: syntax.line, column: syntax.column, message: syntax.text }) : textError}
                      </Text>
                      {syntax && <ErrorCaret text={text} line={syntax.line} column={syntax.column} />}
                    </div>
                  ) : text.trim() ? (
                    <Text size="small" className="text-ui-fg-subtle" data-testid="segment-query-ok">
                      {textRule && text === debouncedText ? t("customerSuite.segments.form.queryValid") : t("customerSuite.segments.form.checking")}
                    </Text>
                  ) : null}
                </div>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t("customerSuite.segments.form.syntaxHelp")}
                </Text>
              </div>
            )}
            {nodeErrors.rest.length > 0 && (
              <Text size="small" className="text-ui-fg-error" role="alert">
                {nodeErrors.rest.join("; ")}
              </Text>
            )}
            {fieldError("rule")}
          </Container>
          <PreviewPanel
            state={
              waitingForValues
                ? "invalid"
                : !previewBody
                  ? "idle"
                : preview.isError
                  ? "invalid"
                  : preview.data
                    ? "ready"
                    : "loading"
            }
            fetching={preview.isFetching}
            count={preview.data?.count}
            customers={preview.data?.customers ?? []}
          />
        </div>
      )}

      <FormActions cancelTo={cancelTo} submitting={submitting} saveTestId="segment-save" />
    </form>
  )
}

const ErrorCaret = ({ text, line, column }: { text: string; line: number; column: number }) => {
  const source = text.split("\n")[line - 1] ?? ""
  return (
    <pre className="txt-compact-xsmall bg-ui-bg-subtle text-ui-fg-subtle mt-1 overflow-x-auto rounded-md p-2 font-mono" aria-hidden>
      {source}
      {"\n"}
      {" ".repeat(Math.max(0, column - 1))}^
    </pre>
  )
}

/** Fixed height: the count and the first customers appear without moving the form. */
const PreviewPanel = ({
  state,
  fetching,
  count,
  customers,
}: {
  state: "idle" | "loading" | "ready" | "invalid"
  fetching: boolean
  count?: number
  customers: { id: string; email: string | null; first_name: string | null; last_name: string | null }[]
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
      {state === "invalid" && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="segment-preview-invalid">
          {t("customerSuite.segments.preview.invalid")}
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
                  {[c.first_name, c.last_name].filter(Boolean).join(" ") || c.email || c.id}
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
