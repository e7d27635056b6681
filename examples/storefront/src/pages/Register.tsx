import { useState } from "react"
import { passwordHints } from "../password-hints"
import { Link, useRouter } from "../router"
import { landingAfterSignIn, withReturn } from "./SignIn"
import { useShop } from "../shop"

/** Creates an account: the store's password rules shown as hints, the server's refusal shown as it names them. */
export function Register() {
  const { register, suiteConfig } = useShop()
  const router = useRouter()
  const [details, setDetails] = useState({ first_name: "", last_name: "", email: "", password: "" })
  const [errors, setErrors] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const policy = suiteConfig?.password_policy ?? null
  const hints = policy ? passwordHints(policy, details.password) : []
  const field = (key: keyof typeof details) => ({
    name: `register-${key}`,
    value: details[key],
    onChange: (e: { target: { value: string } }) => setDetails((d) => ({ ...d, [key]: e.target.value })),
  })

  return (
    <div className="sign-in" data-testid="register-page">
      <h1>Create an account</h1>
      <form
        onSubmit={async (event) => {
          event.preventDefault()
          setBusy(true)
          setErrors([])
          try {
            await register({
              email: details.email.trim(),
              password: details.password,
              first_name: details.first_name.trim() || undefined,
              last_name: details.last_name.trim() || undefined,
            })
            router.navigate(landingAfterSignIn(suiteConfig, router.search))
          } catch (e) {
            const { status, message } = e as { status?: number; message: string }
            // A 400 from the password rules names each unmet one, separated by "; ".
            setErrors(status === 400 ? message.split(/;\s+/) : [message])
          } finally {
            setBusy(false)
          }
        }}
      >
        <label>
          First name <input autoComplete="given-name" {...field("first_name")} />
        </label>
        <label>
          Last name <input autoComplete="family-name" {...field("last_name")} />
        </label>
        <label>
          Email <input type="email" autoComplete="email" required {...field("email")} />
        </label>
        <label>
          Password <input type="password" autoComplete="new-password" required aria-describedby="password-hints" {...field("password")} />
        </label>
        {hints.length > 0 && (
          <ul id="password-hints" className="password-hints" data-testid="password-hints">
            {hints.map((hint) => (
              <li key={hint.id} data-rule={hint.id} data-met={hint.met === null ? "unknown" : String(hint.met)} className={hint.met === false && details.password ? "error" : "muted"}>
                {hint.met === true ? "✓ " : hint.met === false ? "• " : "○ "}
                {hint.text}
              </li>
            ))}
          </ul>
        )}
        <button type="submit" disabled={busy} data-testid="register-submit">
          Create account
        </button>
        {errors.length > 0 && (
          <ul className="error" role="alert" data-testid="register-errors">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
      </form>
      <p className="muted">
        Have an account? <Link to={withReturn("/sign-in", router.search)}>Sign in</Link>
      </p>
    </div>
  )
}
