import { useEffect, useRef, useState } from "react"
import { useRouter } from "../router"
import { useShop } from "../shop"

/** /account/assist?code=…: where the admin's assistance link lands; the code becomes the assisted token. */
export function Assist() {
  const { search, navigate } = useRouter()
  const { redeemAssistanceCode } = useShop()
  const [error, setError] = useState<string | null>(null)
  const started = useRef(false)
  const code = search.get("code") ?? ""

  useEffect(() => {
    if (started.current) {
      return
    }
    started.current = true
    if (!code) {
      setError("The link has no code.")
      return
    }
    redeemAssistanceCode(code)
      .then(() => navigate("/", { replace: true }))
      .catch((e: { status?: number; message: string }) =>
        setError(e.status && e.status < 500 ? `This code cannot be used: ${e.message}` : e.message)
      )
  }, [code, navigate, redeemAssistanceCode])

  return (
    <div className="assist" data-testid="assist-page">
      <h1>Shopping assistance</h1>
      {error ? (
        <p className="error" role="alert" data-testid="assist-error">
          {error}
        </p>
      ) : (
        <p>Starting the assisted session…</p>
      )}
    </div>
  )
}
