import Medusa from "@medusajs/js-sdk"

/** The backend's address ("/": the same origin as the dashboard). */
export const backendUrl = typeof __BACKEND_URL__ !== "undefined" && __BACKEND_URL__ ? __BACKEND_URL__ : "/"

export const sdk = new Medusa({
  baseUrl: backendUrl,
  auth: { type: "session" },
})
