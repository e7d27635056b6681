/** Types of redis-claim.js (CommonJS, shared with bench/realtime). */
export declare function withDatabase(url: string, db: number): string
export declare function redisUnavailable(url: string): Promise<string | null>
export declare function claimRedisDatabase(base: string): Promise<{ url: string; release: () => Promise<void> }>
