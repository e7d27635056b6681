import { useEffect, useState } from "react"
import type { AssistanceConsentState, StoreCustomerSegment } from "../../../../src/client"
import { Link, useRouter } from "../router"
import { useShop } from "../shop"

export function Account() {
  const { customer, suite, signOut, signOutEverywhere, assisted, ready, suiteConfig } = useShop()
  const { navigate } = useRouter()
  const [consent, setConsent] = useState<AssistanceConsentState | null>(null)
  const [consentError, setConsentError] = useState<string | null>(null)
  const [segments, setSegments] = useState<StoreCustomerSegment[] | null>(null)
  const [saving, setSaving] = useState(false)
  const [signOutError, setSignOutError] = useState<string | null>(null)
  // The store's words for the consent switch (its settings page), else the shop's own.
  const consentLabel = suiteConfig?.assistance.consent_label ?? "Allow shopping assistance"
  const consentHelp =
    suiteConfig?.assistance.consent_help ?? "Allow our team to sign in as you to help with an order. Every session is logged and you can end it at any time."

  useEffect(() => {
    if (!customer) {
      return
    }
    suite.assistance
      .consent()
      .then(({ assistance_consent }) => setConsent(assistance_consent))
      .catch((e: { status?: number; message: string }) => setConsentError(e.status === 403 ? "Shopping assistance is not offered by this shop." : e.message))
    suite.segments
      .mine()
      .then(({ customer_segments }) => setSegments(customer_segments))
      .catch(() => setSegments([]))
  }, [customer, suite])

  if (!ready) {
    return <p>Loading…</p>
  }
  if (!customer) {
    return (
      <p>
        <Link to="/sign-in">Sign in</Link> to see your account.
      </p>
    )
  }
  return (
    <div className="account" data-testid="account-page">
      <h1>Your account</h1>
      <p data-testid="account-email">
        {[customer.first_name, customer.last_name].filter(Boolean).join(" ")} · {customer.email}
      </p>

      <section className="panel" data-testid="assistance-consent">
        <h2>Shopping assistance</h2>
        {consentHelp && (
          <p className="muted" id="assistance-consent-help" data-testid="assistance-consent-help">
            {consentHelp}
          </p>
        )}
        {consentError ? (
          <p className="muted">{consentError}</p>
        ) : (
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              data-testid="assistance-consent-switch"
              aria-describedby={consentHelp ? "assistance-consent-help" : undefined}
              aria-checked={consent?.allowed ?? false}
              checked={consent?.allowed ?? false}
              disabled={!consent || saving || Boolean(assisted)}
              onChange={async (e) => {
                setSaving(true)
                try {
                  const { assistance_consent } = await suite.assistance.setConsent(e.target.checked)
                  setConsent(assistance_consent)
                } catch (error) {
                  setConsentError((error as Error).message)
                } finally {
                  setSaving(false)
                }
              }}
            />{" "}
            <span data-testid="assistance-consent-label">{consentLabel}</span>
          </label>
        )}
      </section>

      <section className="panel" data-testid="my-segments">
        <h2>Your segments</h2>
        <p className="muted">What the shop's personalisation knows about you.</p>
        {segments === null ? <p>Loading…</p> : segments.length ? <ul>{segments.map((s) => <li key={s.id}>{s.name}</li>)}</ul> : <p>None.</p>}
      </section>

      <section className="panel" data-testid="account-security">
        <h2>Security</h2>
        <p className="muted">Lost a device, or signed in on a shared computer? End every session of your account, here included.</p>
        <button
          type="button"
          data-testid="sign-out-everywhere"
          disabled={Boolean(assisted)}
          onClick={async () => {
            setSignOutError(null)
            try {
              await signOutEverywhere()
              navigate("/sign-in")
            } catch (error) {
              setSignOutError((error as Error).message)
            }
          }}
        >
          Sign out everywhere
        </button>
        {signOutError && (
          <p className="error" role="alert">
            {signOutError}
          </p>
        )}
      </section>

      <button
        type="button"
        data-testid="sign-out"
        onClick={async () => {
          await signOut()
          navigate("/")
        }}
      >
        Sign out
      </button>
    </div>
  )
}
