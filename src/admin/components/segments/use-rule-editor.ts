import { toast } from "../common/toast"
import { useEffect, useMemo, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { parseRule } from "../../hooks/api/segments"
import { useDebounced } from "../../hooks/use-debounced"
import { messageOf } from "../../lib/api"
import { fieldErrorsOf, isUnder, type FieldErrors } from "../../lib/field-errors"
import type { AdminCustomerSegment } from "../../../types/http"
import { countConditions, fromRule, incompleteConditions, toRule, type BuilderGroup, type DraftRule } from "../../lib/rule-model"

export type RuleMode = "builder" | "text"

/**
 * A segment's rule as it is edited: in the visual builder or as text
 * (switching round-trips through the API's parser and printer), the text
 * parsed as it is typed (debounced; errors at their line and column), and
 * which builder conditions still wait for a value.
 * The API's errors about the rule (`rule.all.0.value: …`) are kept here and
 * dropped once the rule changes: they may point elsewhere then.
 */
export function useRuleEditor(segment: AdminCustomerSegment | undefined, dynamic: boolean) {
  const { t } = useTranslation()
  const [mode, setMode] = useState<RuleMode>("builder")
  const [root, setRoot] = useState<BuilderGroup>(() => fromRule(segment?.rule))
  const [text, setText] = useState(segment?.query ?? "")
  const [textRule, setTextRule] = useState<DraftRule | null>(segment?.rule ?? null)
  const [textError, setTextError] = useState<string | null>(null)
  // The text that textRule and textError are about (the switch's, or the last one parsed as typed).
  const [checkedText, setCheckedText] = useState<string | null>(segment?.query ?? null)
  const [switching, setSwitching] = useState(false)
  const [showIncomplete, setShowIncomplete] = useState(false)
  const [ruleErrors, setRuleErrors] = useState<FieldErrors>({})

  const built = useMemo(() => toRule(root), [root])
  const conditions = countConditions(root)
  const incomplete = useMemo(() => incompleteConditions(root), [root])
  useEffect(() => setRuleErrors((errors) => (Object.keys(errors).length ? {} : errors)), [root])

  const debouncedText = useDebounced(text, 400)
  const parseSeq = useRef(0)
  useEffect(() => {
    // Right after a switch the debounced text is the old one: the switch already parsed the new text.
    if (mode !== "text" || !dynamic || text !== debouncedText) {
      return
    }
    const seq = ++parseSeq.current
    if (!debouncedText.trim()) {
      setTextRule(null)
      setTextError(null)
      setCheckedText(debouncedText)
      return
    }
    parseRule({ query: debouncedText })
      .then((result) => {
        if (seq === parseSeq.current) {
          setTextRule(result.rule)
          setTextError(null)
          setCheckedText(debouncedText)
        }
      })
      .catch((error) => {
        if (seq === parseSeq.current) {
          setTextRule(null)
          setTextError(fieldErrorsOf(error).query ?? messageOf(error))
          setCheckedText(debouncedText)
        }
      })
  }, [debouncedText, mode, dynamic])

  const blocked = (hint: "fixBuilder" | "fixText", title: "switchBlocked" | "saveFailed" = "switchBlocked") =>
    toast.error(t(`customerSuite.segments.form.${title}`), { description: t(`customerSuite.segments.form.${hint}`) })

  const switchMode = async (next: RuleMode) => {
    if (next === mode || switching) {
      return
    }
    if (next === "text" && incomplete.length > 0) {
      setShowIncomplete(true)
      blocked("fixBuilder")
      return
    }
    setSwitching(true)
    try {
      if (next === "text") {
        const result = conditions === 0 ? null : await parseRule({ rule: built.rule })
        setText(result?.query ?? "")
        setTextRule(result?.rule ?? null)
        setTextError(null)
        setCheckedText(result?.query ?? "")
      } else {
        setRoot(fromRule(text.trim() ? (await parseRule({ query: text })).rule : null))
      }
      setRuleErrors({})
      setMode(next)
    } catch (error) {
      const errors = fieldErrorsOf(error)
      if (next === "text") {
        setRuleErrors(errors)
        blocked("fixBuilder")
      } else {
        setTextError(errors.query ?? messageOf(error))
        blocked("fixText")
      }
    } finally {
      setSwitching(false)
    }
  }

  /** Keeps what a failed save said about the rule: on the builder's nodes, or the text's syntax error. */
  const saveFailed = (errors: FieldErrors) => {
    setRuleErrors(Object.fromEntries(Object.entries(errors).filter(([field]) => isUnder(field, "rule"))))
    if (errors.query) {
      setTextError(errors.query)
    }
  }

  /** The rule a save sends, or null when builder conditions still wait for a value (now flagged). */
  const ruleToSave = (): { rule: DraftRule } | { query: string } | null => {
    if (mode === "text") {
      return { query: text }
    }
    if (incomplete.length > 0) {
      setShowIncomplete(true)
      blocked("fixBuilder", "saveFailed")
      return null
    }
    return { rule: built.rule }
  }

  /**
   * The rule a preview may ask about: the builder's once every condition has
   * a value, or the text's once the text as it stands parses (never an
   * earlier text's while the merchant types or while it has an error).
   */
  const textChecked = text === checkedText
  const previewRule = !dynamic
    ? null
    : mode === "builder"
      ? conditions > 0 && incomplete.length === 0
        ? built.rule
        : null
      : textChecked && !textError
        ? textRule
        : null

  return {
    mode,
    switchMode,
    switching,
    root,
    setRoot,
    paths: built.paths,
    text,
    setText,
    textRule,
    textChecked,
    textError,
    ruleErrors,
    saveFailed,
    incomplete: showIncomplete ? incomplete : [],
    waitingForValues: dynamic && mode === "builder" && conditions > 0 && incomplete.length > 0,
    previewRule,
    ruleToSave,
  }
}
