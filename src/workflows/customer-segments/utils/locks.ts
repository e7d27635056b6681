/** Lock keys (locking module) shared by the segment workflows and jobs. */
export const customerFactsLock = (customerId: string) => `customer-suite:facts:${customerId}`
export const segmentRefreshLock = (segmentId: string) => `customer-suite:segment-refresh:${segmentId}`
export const segmentGroupLock = (segmentId: string) => `customer-suite:segment-group:${segmentId}`
