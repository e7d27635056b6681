import { useState } from "react"
import { useRouter } from "../router"
import { useShop } from "../shop"

export function SignIn() {
  const { signIn, config } = useShop()
  const { navigate } = useRouter()
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
            navigate("/account")
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
