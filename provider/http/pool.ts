/** Process-wide keep-alive connection pools, one per origin, shared by the API transports and the token endpoint. */
import { Pool } from "undici";

const pools = new Map<string, Pool>();

/** The process-wide keep-alive pool for an origin (one per origin and connect timeout). */
export function sharedPool(origin: string, connectTimeoutMs: number): Pool {
  const key = `${origin}|${connectTimeoutMs}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = new Pool(origin, { connect: { timeout: connectTimeoutMs }, keepAliveTimeout: 4_000 });
    pools.set(key, pool);
  }
  return pool;
}

/** Closes every shared pool (end of a test run or of a short-lived process). */
export async function closeSharedPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.close().catch(() => p.destroy())));
}
