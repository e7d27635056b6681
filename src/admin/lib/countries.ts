/** Countries by ISO 3166-1 alpha-2 code, named by the browser in the admin's language (no country list shipped). */

export type PickerOption = { value: string; label: string; hint?: string }

/** Codes with a region name that are not current countries: groupings, reserved and withdrawn codes (East Germany, Yugoslavia, …). */
const NOT_COUNTRIES = new Set("EU EZ UN QO XA XB ZZ DD FX YU CS SU TP ZR BU NT AN DG EA IC TA CP AC".split(" "))

const countryLists = new Map<string, PickerOption[]>()

/** The codes the browser can name in this language, by name; the value is the lower-case code. */
export function countries(language: string): PickerOption[] {
  const cached = countryLists.get(language)
  if (cached) {
    return cached
  }
  let names: Intl.DisplayNames | null = null
  try {
    names = new Intl.DisplayNames([language, "en"], { type: "region" })
  } catch {
    names = null
  }
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
  const options: PickerOption[] = []
  for (const a of letters) {
    for (const b of letters) {
      const code = `${a}${b}`
      const name = names?.of(code)
      // Unknown codes come back unchanged.
      if (name && name !== code && !NOT_COUNTRIES.has(code)) {
        options.push({ value: code.toLowerCase(), label: name, hint: code })
      }
    }
  }
  const sorted = options.sort((x, y) => x.label.localeCompare(y.label, language))
  countryLists.set(language, sorted)
  return sorted
}

export const countryLabel = (code: string, language: string) =>
  countries(language).find((c) => c.value === code.toLowerCase())?.label ?? code.toUpperCase()

/** Countries whose name contains the search, or whose code it is. */
export const searchCountries = (language: string, search: string) => {
  const needle = search.trim().toLowerCase()
  return countries(language).filter((c) => !needle || c.label.toLowerCase().includes(needle) || c.value === needle)
}
