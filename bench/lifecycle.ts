/**
 * What a contender must do for one number, and the engine-like scheduler that runs many of them: a FIFO pool of C
 * slots in which every resource step (create or delete) holds a slot, as the Pulumi engine's step executor does.
 */

/**
 * One number's life as four steps, or two when the import steps are left out (a fleet that only orders numbers, with
 * their settings, and releases them); `T` carries whatever a contender keeps between steps.
 */
export interface NumberLifecycle<T> {
  /** Orders one number and waits until the order is final (and, with settings, until they are set). */
  order(index: number): Promise<{ orderId: string; state: T }>;
  /** Imports the ordered number into Voice v1. */
  importNumber?(state: T): Promise<T>;
  /** Removes the v1 import. */
  unimport?(state: T): Promise<T>;
  /** Disconnects the number and waits until the disconnect is final. */
  release(state: T): Promise<void>;
}

/** A first-in, first-out pool of `size` slots. */
export class SlotPool {
  private free: number;
  private waiting: Array<() => void> = [];

  constructor(size: number) {
    this.free = size;
  }

  /** Runs `step` once a slot is free; slots are granted in request order. */
  async run<R>(step: () => Promise<R>): Promise<R> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await step();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}

/** What a fleet run measured on the client side. */
export interface FleetOutcome {
  wallMs: number;
  upMs: number;
  destroyMs: number;
  /** Numbers whose whole life succeeded. */
  completed: number;
  /** The first few distinct error messages. */
  errors: string[];
  errorCount: number;
}

function collector() {
  const errors = new Set<string>();
  let count = 0;
  return {
    add(e: unknown) {
      count += 1;
      if (errors.size < 5) errors.add(String((e as Error)?.message ?? e).slice(0, 300));
    },
    get count() {
      return count;
    },
    list: () => [...errors],
  };
}

/** `pulumi up` then `pulumi destroy` of N numbers, each an order plus (when the lifecycle has one) an import, at C. */
export async function runFleet<T>(life: NumberLifecycle<T>, n: number, concurrency: number): Promise<FleetOutcome> {
  const slots = new SlotPool(concurrency);
  const errors = collector();
  const started = performance.now();
  const states = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      try {
        const { state } = await slots.run(() => life.order(i));
        const { importNumber } = life;
        return importNumber ? await slots.run(() => importNumber(state)) : state;
      } catch (e) {
        errors.add(e);
        return undefined;
      }
    }),
  );
  const upEnd = performance.now();
  let completed = 0;
  await Promise.all(
    states.map(async (state) => {
      if (state === undefined) return;
      try {
        const { unimport } = life;
        const unimported = unimport ? await slots.run(() => unimport(state)) : state;
        await slots.run(() => life.release(unimported));
        completed += 1;
      } catch (e) {
        errors.add(e);
      }
    }),
  );
  const end = performance.now();
  return {
    wallMs: end - started,
    upMs: upEnd - started,
    destroyMs: end - upEnd,
    completed,
    errors: errors.list(),
    errorCount: errors.count,
  };
}

/** When each order's step returned (epoch ms), to set against the emulator's completion time. */
export interface SingleOrderOutcome {
  returns: Array<{ orderId: string; returnedAtMs: number }>;
  errors: string[];
}

/** Places `count` single-number orders at once and notes when each one's wait ended. */
export async function runSingleOrders<T>(life: NumberLifecycle<T>, count: number): Promise<SingleOrderOutcome> {
  const errors = collector();
  const returns: SingleOrderOutcome["returns"] = [];
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      try {
        const { orderId } = await life.order(i);
        returns.push({ orderId, returnedAtMs: Date.now() });
      } catch (e) {
        errors.add(e);
      }
    }),
  );
  return { returns, errors: errors.list() };
}
