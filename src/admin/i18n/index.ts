import en from "./json/en.json"

/**
 * Admin texts, merged into the dashboard's "translation" namespace under
 * the `customerSuite` key. Add a language with json/<lng>.json and a line here.
 */
export default {
  en: { translation: en },
}
