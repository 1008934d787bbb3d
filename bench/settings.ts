/**
 * The one set of conditions every contender runs under: emulator rate limits, processing times, fleet sizes and
 * concurrency, plus the floor those limits impose on a fleet.
 */
import { availableParallelism } from "node:os";
import { type AccountSeed, DEFAULT_RATE_LIMITS, type RateCategory, type RateLimit } from "../emulator";

/** A token bucket as the emulator takes it. */
export type Bucket = RateLimit;

/**
 * Per-account limits. V1_IMPORT is Bandwidth's documented 100 per minute with a burst of 800; the Numbers API figures
 * are ours (Bandwidth does not publish them): 10 orders or disconnects a second with a burst of 100, 50 reads a second
 * with a burst of 500.
 */
export const RATE_LIMITS: Record<RateCategory, Bucket> = {
  ...DEFAULT_RATE_LIMITS,
  HISTORY: { perMinute: 3000, burst: 500 },
};

/** Emulator processing times of the single-order runs (seconds). */
export const SINGLE_ORDER_LATENCIES_S = [0.2, 2, 10];
/** Orders placed at once per latency: enough samples for a p95 without waiting L several times. */
export const SINGLE_ORDER_SAMPLES = 8;
/** Order and disconnect processing time in the fleet runs (seconds): small, so N = 1000 fits the time budget. */
export const FLEET_LATENCY_S = 0.2;
/**
 * Fleets at a realistic processing time, where polling costs show: N = 1000 at such L would take many minutes per
 * contender at C = 8 (ceil(N/C)·L per phase), so this runs N = 100 at C = 64.
 */
export const SLOW_FLEETS: ReadonlyArray<{ n: number; concurrency: number; latencyS: number }> = [
  { n: 100, concurrency: 64, latencyS: 10 },
];
/**
 * Several stacks on one account: the same total work (N lifecycles) split over 1, 2 and 4 provider processes that
 * run at once with no way to talk to each other, each at its own concurrency C (every runner has its own engine).
 */
export const MULTI_PROCESS = { n: 400, concurrency: 64, processes: [1, 2, 4] } as const;
/** Resources per kind in the preview run. */
export const PREVIEW_RESOURCES = 1000;
/** Numbers in the engine run, and no-op resources it is compared with; `--quick` keeps 50. */
export function engineResources(quick: boolean): number {
  return quick ? 50 : 1000;
}
/** Area code every contender orders in (restocked before each run so no one runs short). */
export const AREA_CODE = "919";

/** The engine's parallelism in the engine run: Pulumi's default, 4 × cores. */
export const ENGINE_PARALLELISM = 4 * availableParallelism();

/** Pulumi's default parallelism is 4 × cores; 64 is a common `--parallel` override. */
export function fleetConcurrencies(): number[] {
  return [4 * availableParallelism(), 64];
}

/** Fleet sizes; `--quick` keeps the small ones. */
export function fleetSizes(quick: boolean): number[] {
  return quick ? [10, 100] : [10, 100, 1000];
}

/**
 * The fleet with number settings: N PhoneNumberOrders of one number each, every one created with this one TN option
 * (calling name display needs nothing else on the account, unlike a campaign), at each fleet concurrency and the fleet
 * processing time. `--quick` keeps N = 50.
 */
export const SETTINGS_OPTION = { callingNameDisplay: true } as const;
export function settingsFleetSize(quick: boolean): number {
  return quick ? 50 : 1000;
}

/** A way of getting numbers: the provider through its public surface, or a user's script on the official SDK. */
export interface Contender {
  /** Short id used in tables, JSON and the chart. */
  id: string;
  label: string;
  kind: "provider" | "sdk";
  /** Fixed poll interval of the SDK script (ms). */
  pollMs?: number;
}

/** Every contender, in the order tables list them. */
export const CONTENDERS: readonly Contender[] = [
  { id: "provider", label: "pulumi-bandwidth providers", kind: "provider" },
  { id: "sdk-500ms", label: "@bandwidth/numbers + v1 fetch, poll 500 ms", kind: "sdk", pollMs: 500 },
  { id: "sdk-2s", label: "@bandwidth/numbers + v1 fetch, poll 2 s", kind: "sdk", pollMs: 2000 },
];

/** One emulated account per contender, so contenders can run side by side with identical, separate limits. */
export function accountFor(index: number): AccountSeed {
  const n = String(index + 1).padStart(2, "0");
  return {
    accountId: `99001${n}`,
    username: `bench${n}`,
    password: `bench-password-${n}`,
    userId: `u-bench00${n}`,
    apiToken: `t-bench00${n}`,
    apiSecret: `bench-secret-${n}`,
    sites: [{ siteId: "461", peerIds: ["651681"] }],
  };
}

/** The floor of one fleet run and the terms it is made of (seconds). */
export interface Floor {
  totalS: number;
  upS: number;
  destroyS: number;
  terms: Record<string, number>;
}

/**
 * The least wall time any client can take for N lifecycles at concurrency C with processing time L (orders) and D
 * (disconnects), round trips counted as free, derived from the bench's own scheduling model (lifecycle.ts: a FIFO
 * pool of C slots; every number queues its order, then its import behind every order queued at the start; destroy
 * queues every un-import, then each number's disconnect) and the emulator's buckets (burst B, rate r a second):
 *
 *   k       = N − C + 1                                the orders that wait for a slot after the first C − 1
 *   up      = max( ceil(N/C)·L,                        orders hold a slot for at least L each, in FIFO waves of C
 *                  (k − B_order)⁺/r_order + L )         and pass the ORDER bucket
 *             + (N − B_import)⁺/r_import               imports queue behind every order, and the V1_IMPORT bucket,
 *                                                     full at its burst, loses its refill meanwhile: they FOLLOW
 *   destroy = (N − B_v1)⁺/r_v1                         un-imports through the V1 bucket (all queued first)
 *             + max( ceil(N/C)·D,                      then rounds of at most C disconnects, each taking D,
 *                    (ceil(N/C) − B_disc)⁺/r_disc + D ) one shared disconnect POST per round
 *
 * `up` and `destroy` add because `pulumi destroy` follows `up`. A contender that only obeys the buckets (the 2 s
 * script, the 500 ms script's up phase) lands within a few percent of it: the report checks that.
 */
export function fleetFloor(n: number, concurrency: number, latencyS: number, disconnectS = latencyS): Floor {
  const rate = (b: Bucket) => b.perMinute / 60;
  const k = Math.max(0, n - concurrency + 1);
  const rounds = Math.ceil(n / concurrency);
  const terms = {
    // The last order starts in wave ⌈N/C⌉ (every earlier order holds its slot for L) and holds its own for L.
    orderSlots: rounds * latencyS,
    orderBucket: Math.max(0, k - RATE_LIMITS.ORDER.burst) / rate(RATE_LIMITS.ORDER) + latencyS,
    importBucket: Math.max(0, n - RATE_LIMITS.V1_IMPORT.burst) / rate(RATE_LIMITS.V1_IMPORT),
    unimportBucket: Math.max(0, n - RATE_LIMITS.V1.burst) / rate(RATE_LIMITS.V1),
    disconnectRounds: rounds * disconnectS,
    disconnectBucket: Math.max(0, rounds - RATE_LIMITS.DISCONNECT.burst) / rate(RATE_LIMITS.DISCONNECT) + disconnectS,
  };
  const upS = Math.max(terms.orderSlots, terms.orderBucket) + terms.importBucket;
  const destroyS = terms.unimportBucket + Math.max(terms.disconnectRounds, terms.disconnectBucket);
  return { totalS: upS + destroyS, upS, destroyS, terms: { ...terms, up: upS, destroy: destroyS } };
}

/**
 * The least wall time of the settings fleet: N creates of a PhoneNumberOrder of one number with one TN option, then
 * their deletes, at concurrency C, with order processing time L, TN option order processing time L_opt (the emulator
 * uses its order delay for both) and disconnect time D, round trips free. Same FIFO pool of C slots as `fleetFloor`,
 * no imports. A create returns only once its number's options are set (the outputs record them), and a number can be
 * in a TN option order only once its order is complete, so:
 *
 *   each create holds its slot ≥ L + L_opt            its order, then an option order carrying its number
 *   M       ≥ ⌈N/C⌉                                    option orders: at most C numbers wait for options at once
 *   up      = max( ⌈N/C⌉·(L + L_opt),                  waves of C creates
 *                  max( (N + M − B_order)⁺/r_order,    the ORDER bucket (full at B when the run starts, refilling
 *                       (N − B_order)⁺/r_order + L )   at r) passes its (N + M)th token, an option order's, no
 *                  + L_opt )                           earlier; nor the last number order's before (N − B)⁺/r
 *   destroy = max( ⌈N/C⌉·D, (⌈N/C⌉ − B_disc)⁺/r_disc + D ) as in `fleetFloor`, with no un-imports before
 *
 * Every number order and every option order take a token of the one ORDER bucket, and up ends only when the last
 * create has: the last token taken is an option order's (each follows its number's order), which then takes L_opt.
 * `fleetFloor`'s k = N − C + 1 does not apply here: it counts the orders that must pass before the first import can
 * take a slot, an event that does not end up. The same bound gives the least option requests per number: M orders,
 * each a POST and at least one GET, over N numbers: 2·⌈N/C⌉/N ≈ 2/C.
 */
export function settingsFleetFloor(n: number, concurrency: number, latencyS: number): Floor {
  const rate = (b: Bucket) => b.perMinute / 60;
  const optionS = latencyS;
  const rounds = Math.ceil(n / concurrency);
  const order = RATE_LIMITS.ORDER;
  const terms = {
    optionOrders: rounds,
    createSlots: rounds * (latencyS + optionS),
    orderBucket:
      Math.max(
        Math.max(0, n + rounds - order.burst) / rate(order),
        Math.max(0, n - order.burst) / rate(order) + latencyS,
      ) + optionS,
    disconnectRounds: rounds * latencyS,
    disconnectBucket: Math.max(0, rounds - RATE_LIMITS.DISCONNECT.burst) / rate(RATE_LIMITS.DISCONNECT) + latencyS,
  };
  const upS = Math.max(terms.createSlots, terms.orderBucket);
  const destroyS = Math.max(terms.disconnectRounds, terms.disconnectBucket);
  return { totalS: upS + destroyS, upS, destroyS, terms: { ...terms, up: upS, destroy: destroyS } };
}

/** The least TN option order requests per number any client spends in the settings fleet (see `settingsFleetFloor`). */
export function leastOptionRequestsPerNumber(n: number, concurrency: number): number {
  return (2 * Math.ceil(n / concurrency)) / n;
}

/** The formula of `settingsFleetFloor`, as the report prints it. */
export const SETTINGS_FLOOR_DERIVATION = [
  "Floor of the settings fleet (same FIFO pool of C slots, no imports): a create returns once its number's option is",
  "set, and a number joins a TN option order only once its order is complete, so each create holds its slot for at",
  "least L + L_opt (L_opt = L in the emulator) and at most C numbers wait for options at once: at least M = ⌈N/C⌉",
  "option orders. Number orders and option orders take tokens of the one ORDER bucket (full at B_order when the run",
  "starts, refilling at r_order), and up ends with the last create: the last token is an option order's, taken no",
  "earlier than (N + M − B_order)⁺/r_order, and the last number order's token comes no earlier than",
  "(N − B_order)⁺/r_order, L before its option order. up = max(⌈N/C⌉·(L + L_opt), max((N + M − B_order)⁺/r_order,",
  "(N − B_order)⁺/r_order + L) + L_opt); destroy = max(⌈N/C⌉·D, (⌈N/C⌉ − B_disc)⁺/r_disc + D). Floor = up + destroy.",
  "(Before 2026-12-05 this floor counted k = N − C + 1 number orders, the fleet floor's count of orders ahead of the",
  "first import; every create ends up here, so all N count: 6.1 s more at N = 1000, C = 64.) The least option",
  "requests per number follow: M orders of a POST and a GET each, 2·⌈N/C⌉/N ≈ 2/C.",
].join(" ");

/** The formula of `fleetFloor`, as the report prints it. */
export const FLOOR_DERIVATION = [
  "Floor (from the bench's scheduling model: a FIFO pool of C slots, each number's import queued behind every order",
  "queued at the start, and the emulator's buckets of burst B and rate r): with k = N − C + 1,",
  "up = max(⌈N/C⌉·L, (k − B_order)⁺/r_order + L) + (N − B_import)⁺/r_import (the import bucket, full at its burst,",
  "loses its refill while orders drain, so imports follow orders); destroy = (N − B_v1)⁺/r_v1 + max(⌈N/C⌉·D,",
  "(⌈N/C⌉ − B_disc)⁺/r_disc + D) (un-imports first, then rounds of C disconnects taking D each). Floor = up + destroy.",
].join(" ");
