import { createContext, useCallback, useContext, useEffect, useState, type AnchorHTMLAttributes, type ReactNode } from "react"

/** A small history-API router: the storefront has five pages and needs no library for them. */
type Location = { path: string; search: URLSearchParams }
type Router = Location & { navigate: (to: string, options?: { replace?: boolean }) => void }

const RouterContext = createContext<Router | null>(null)

const current = (): Location => ({ path: window.location.pathname, search: new URLSearchParams(window.location.search) })

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(current)
  useEffect(() => {
    const onPop = () => setLocation(current())
    window.addEventListener("popstate", onPop)
    return () => window.removeEventListener("popstate", onPop)
  }, [])
  const navigate = useCallback((to: string, options?: { replace?: boolean }) => {
    if (options?.replace) {
      window.history.replaceState(null, "", to)
    } else {
      window.history.pushState(null, "", to)
    }
    setLocation(current())
    window.scrollTo(0, 0)
  }, [])
  return <RouterContext.Provider value={{ ...location, navigate }}>{children}</RouterContext.Provider>
}

export function useRouter() {
  const router = useContext(RouterContext)
  if (!router) {
    throw new Error("useRouter outside RouterProvider")
  }
  return router
}

export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const { navigate } = useRouter()
  return (
    <a
      {...rest}
      href={to}
      onClick={(event) => {
        rest.onClick?.(event)
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
          return
        }
        event.preventDefault()
        navigate(to)
      }}
    >
      {children}
    </a>
  )
}
