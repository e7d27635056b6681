import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_SEGMENT_MODULE } from "../../../../../../modules/customer_segment"
import type CustomerSegmentModuleService from "../../../../../../modules/customer_segment/service"
import { streamCsv } from "../../../../../utils/csv"
import { refetchCustomerSegment } from "../../../helpers"

const PAGE = 2_000
const COLUMNS = ["id", "email", "first_name", "last_name", "has_account", "source", "matched_at"] as const

type Row = Record<(typeof COLUMNS)[number], string | boolean | Date | null>

/**
 * GET /admin/customer-segments/:id/customers/export: every member as CSV
 * (customer id order), streamed page by page so memory stays flat.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const segment = await refetchCustomerSegment(req.scope, req.params.id, ["id"])
  const service = req.scope.resolve<CustomerSegmentModuleService>(CUSTOMER_SEGMENT_MODULE)

  async function* rows(): AsyncGenerator<Row> {
    for (let after: string | undefined; ; ) {
      const members = await service.listSegmentMembersAfter(segment.id, { after, limit: PAGE })
      for (const m of members) {
        yield {
          id: m.customer_id,
          email: m.email,
          first_name: m.first_name,
          last_name: m.last_name,
          has_account: m.has_account,
          source: m.source,
          matched_at: m.matched_at,
        }
      }
      if (members.length < PAGE) {
        return
      }
      after = members[members.length - 1].customer_id
    }
  }

  await streamCsv<Row>(req.scope, res, { filename: `customer-segment-${segment.id}.csv`, columns: COLUMNS, rows: rows() })
}
