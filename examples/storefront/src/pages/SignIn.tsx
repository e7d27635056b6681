import { useState } from "react"
import type { StoreCustomerSuiteConfig } from "../../../../src/client"
import { Link, useRouter } from "../router"
import { useShop } from "../shop"

/** The page the shopper came from (`?return=`), only when it is a path of this shop. */
function returnPath(search: URLSearchParams): string | null {
  const target = search.get("return")
  return target && target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/sign-in") && !target.startsWith("/register") ? target : null
}

/** `path` keeping the page to come back to. */
export function withReturn(path: string, search: URLSearchParams): string {
  const target = returnPath(search)
  return target ? `${path}?return=${encodeURIComponent(target)}` : path
}

/**
 * Where a shopper goes after signing in, as the store set it (login_landing):
 * the account page ("account", also when the settings could not be read), or
 * back to the page they came from ("stay"; the home page when there was none).
 */
export function landingAfterSignIn(config: StoreCustomerSuiteConfig | null, search: URLSearchParams): string {
  return config?.login_landing === "stay" ? (returnPath(search) ?? "/") : "/account"
}

export function SignIn() {
  const { signIn, config, suiteConfig } = useShop()
  const { navigate, search } = useRouter()
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  return (
    <div className="sign-in">
      <h1>Sign in</h1>
      <form
        onSubmit={async (event) => {
          event.preventDefault()
          setBusy(true)
          setError(null)
          try {
            await signIn(email.trim(), password)
            navigate(landingAfterSignIn(suiteConfig, search))
          } catch (e) {
            const status = (e as { status?: number }).status
            setError(status === 401 ? "Wrong email or password." : (e as Error).message)
          } finally {
            setBusy(false)
          }
        }}
      >
        <label>
          Email <input name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password{" "}
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" disabled={busy} data-testid="sign-in-submit">
          Sign in
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
      <p className="muted">
        New here?{" "}
        <Link to={withReturn("/register", search)} data-testid="register-link">
          Create an account
        </Link>
      </p>
      {config.demo_accounts?.length ? (
        <div className="demo-accounts" data-testid="demo-accounts">
          <h2>Demo customers</h2>
          <p className="muted">{config.demo_password ? `Password: ${config.demo_password}` : null}</p>
          <ul>
            {config.demo_accounts.map((account) => (
              <li key={account.email}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setEmail(account.email)
                    setPassword(config.demo_password ?? "")
                  }}
                >
                  {account.label}: {account.email}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}
