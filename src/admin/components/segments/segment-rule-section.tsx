import { Container, Skeleton, Tabs, Text, Textarea } from "@medusajs/ui"
import { useRef } from "react"
import { useTranslation } from "react-i18next"
import { useAttributes } from "../../hooks/api/segments"
import { parseSyntaxError } from "../../lib/rule-model"
import { FieldError } from "../common/field"
import { TitleBlock } from "../common/query-state"
import { RuleBuilder } from "./rule-builder"
import { RuleIdLegend } from "./rule-id-legend"
import type { RuleMode, useRuleEditor } from "./use-rule-editor"

type Editor = ReturnType<typeof useRuleEditor>

/**
 * The rule, in the visual builder or as text, with the API's errors: on the
 * builder's conditions, at the text's line and column, or under the rule.
 */
export const SegmentRuleSection = ({
  editor,
  currency,
  nodeErrors,
  otherErrors,
  ruleError,
}: {
  editor: Editor
  currency: string
  /** Messages per builder node. */
  nodeErrors: Record<string, string[]>
  /** Messages about the rule that name no node. */
  otherErrors: string[]
  /** The message for `rule` itself. */
  ruleError?: string
}) => {
  const { t } = useTranslation()
  const attributes = useAttributes()
  return (
    <Container className="flex flex-col gap-y-4 p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <TitleBlock level="h2" title={t("customerSuite.segments.form.rule")} hint={t("customerSuite.segments.form.ruleHint")} />
        <Tabs value={editor.mode} onValueChange={(v) => void editor.switchMode(v === "text" ? "text" : "builder")}>
          <Tabs.List>
            {(["builder", "text"] as const satisfies readonly RuleMode[]).map((mode) => (
              <Tabs.Trigger key={mode} value={mode} data-testid={`segment-mode-${mode}`} disabled={editor.switching}>
                {t(`customerSuite.segments.form.${mode}`)}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs>
      </div>
      {editor.mode === "builder" &&
        (attributes.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : attributes.isError ? (
          <Text size="small" className="text-ui-fg-error" role="alert">
            {t("customerSuite.common.loadError")}
          </Text>
        ) : (
          <RuleBuilder root={editor.root} onChange={editor.setRoot} attributes={attributes.data.attributes} currency={currency} errors={nodeErrors} />
        ))}
      {editor.mode === "text" && <RuleTextEditor editor={editor} />}
      <FieldError error={otherErrors.join("; ")} />
      <FieldError error={ruleError} testId="segment-error-rule" />
    </Container>
  )
}

/** The rule as text: checked as it is typed, a syntax error shown at its line and column. */
const RuleTextEditor = ({ editor }: { editor: Editor }) => {
  const { t } = useTranslation()
  const { text, textError } = editor
  // The names stay while the merchant fixes an error: those of the last text that parsed.
  const named = useRef(editor.textRule)
  if (editor.textRule) {
    named.current = editor.textRule
  }
  const syntax = parseSyntaxError(textError ?? undefined)
  return (
    <div className="flex flex-col gap-y-2">
      <Textarea
        value={text}
        onChange={(e) => editor.setText(e.target.value)}
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
            {editor.textRule && editor.textChecked ? t("customerSuite.segments.form.queryValid") : t("customerSuite.segments.form.checking")}
          </Text>
        ) : null}
      </div>
      <RuleIdLegend rule={named.current} />
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("customerSuite.segments.form.syntaxHelp")}
      </Text>
    </div>
  )
}

/** The line in error, with a caret under the column. */
const ErrorCaret = ({ text, line, column }: { text: string; line: number; column: number }) => (
  <pre className="txt-compact-xsmall bg-ui-bg-subtle text-ui-fg-subtle mt-1 overflow-x-auto rounded-md p-2 font-mono" aria-hidden>
    {text.split("\n")[line - 1] ?? ""}
    {"\n"}
    {" ".repeat(Math.max(0, column - 1))}^
  </pre>
)
