/**
 * Case-insensitive text, the same on every database: rules never ask the
 * server to lower-case (PostgreSQL's `lower()` follows the database's locale,
 * and on a C-locale database it folds only ASCII). Text is folded here, once:
 * the projection stores the folded value of every fact a rule compares without
 * case, and rule values are folded with the same function.
 *
 * The folding: compatibility-normalised (NFKC: "ﬁ" is "fi", full-width
 * letters are ASCII), then Unicode's default full case mapping through upper
 * case and back (ß → ss, Σ/σ/ς → σ, K → k), recomposed (NFC, so a decomposed
 * "É" equals a composed one). Idempotent: fold(fold(x)) === fold(x).
 */
export function fold(text: string): string {
  return text.normalize("NFKC").toUpperCase().toLowerCase().replace(/ς/g, "σ").normalize("NFC")
}

/** fold for a nullable value. */
export const foldOrNull = (text: string | null | undefined): string | null =>
  text === null || text === undefined ? null : fold(text)

/** The domain of an email address (folded): what follows its last "@"; null without one or when empty. */
export function emailDomain(email: string | null | undefined): string | null {
  if (!email) {
    return null
  }
  const folded = fold(email)
  const at = folded.lastIndexOf("@")
  return at >= 0 && at < folded.length - 1 ? folded.slice(at + 1) : null
}
