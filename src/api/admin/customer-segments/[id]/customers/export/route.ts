import { once } from "node:events"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../../../modules/customer_segment/service"
import { csvCell } from "../../../../../utils/csv"
import { refetchCustomerSegment } from "../../../helpers"

const PAGE = 2_000
const COLUMNS = ["id", "email", "first_name", "last_name", "has_account", "source", "matched_at"]

/**
 * GET /admin/customer-segments/:id/customers/export: every member as CSV
 * (customer id order), streamed page by page so memory stays flat.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const segment = await refetchCustomerSegment(req.scope, req.params.id, ["id"])
  const service = req.scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="customer-segment-${segment.id}.csv"`)
  // Waits when the client reads slowly, so only one page is held at a time.
  const write = async (chunk: string) => {
    if (!res.write(chunk)) {
      await once(res, "drain")
    }
  }
  try {
    await write(`${COLUMNS.join(",")}\n`)
    for (let after: string | undefined; ; ) {
      const members = await service.listSegmentMembersAfter(segment.id, { after, limit: PAGE })
      if (members.length) {
        await write(
          members
            .map((m) =>
              [m.customer_id, m.email, m.first_name, m.last_name, m.has_account, m.source, m.matched_at].map(csvCell).join(",")
            )
            .join("\n") + "\n"
        )
      }
      if (members.length < PAGE) {
        break
      }
      after = members[members.length - 1].customer_id
    }
  } catch (error) {
    // The status line is gone: cut the connection so the download fails instead of ending short.
    res.destroy(error as Error)
    return
  }
  res.end()
}
