import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import { App } from "./App"
import { loadConfig } from "./config"
import { RouterProvider } from "./router"
import { ShopProvider } from "./shop"
import "./styles.css"

const root = createRoot(document.getElementById("root")!)

loadConfig()
  .then((config) =>
    root.render(
      <StrictMode>
        <RouterProvider>
          <ShopProvider config={config}>
            <App />
          </ShopProvider>
        </RouterProvider>
      </StrictMode>
    )
  )
  .catch((error: Error) => root.render(<p className="error">The storefront could not start: {error.message}</p>))
