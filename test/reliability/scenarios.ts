/**
 * The fault matrix as data: every fault on every route the lifecycle uses, the order and disconnect outcomes, the rate
 * limit storms and the emulator restarts. Each scenario runs one user's stack on its own emulated account.
 */
import { type AccountSeed, credentialsOf, type FaultRule, type RunningEmulator } from "../../emulator";
import { UserStack } from "./user";

/** What a scenario may use while it runs. */
export interface Lane {
  user: UserStack;
  /** The emulator as of now (a restart scenario replaces it). */
  emu: () => RunningEmulator;
  seed: AccountSeed;
  areaCode: string;
  /** PhoneNumberOrder args for this lane (site, resourceKey, criteria) plus `extra`. */
  orderArgs: (extra?: Record<string, unknown>) => Record<string, unknown>;
  /** Waits `ms` milliseconds. */
  sleep: (ms: number) => Promise<void>;
}

/** One row of the matrix. */
export interface Scenario {
  name: string;
  /** Orders the account must show at the end: the ones the user meant to place, FAILED ones included. */
  expectedOrders: number;
  /** Fault rules for this lane's account (paths are scoped to it). */
  faults?: (seed: AccountSeed) => FaultRule[];
  /** Extra environment for this lane (e.g. a short HTTP timeout), or how to make it from the lane's account. */
  env?: Record<string, string> | ((seed: AccountSeed, emu: RunningEmulator) => Record<string, string>);
  /** The goal must be met: the scenario drives no fault a user could not retry past (a money guarantee). */
  mustSucceed?: boolean;
  /** Runs the user's commands; returns whether the scenario's goal was met (false = it ended in an error). */
  run: (lane: Lane) => Promise<boolean>;
}

/**
 * The whole lifecycle a user goes through: create 2 numbers, import the first into Voice v1, rename both, scale up to
 * 3, scale down to 1, refresh, then destroy. A failed step is retried like a user would; destroy always runs.
 */
export async function fullLifecycle(lane: Lane, hooks: { beforeStep?: (step: string) => void } = {}): Promise<boolean> {
  const { user } = lane;
  const step = (name: string) => hooks.beforeStep?.(name);
  let ok = true;
  step("create");
  ok = (await user.upOrder(lane.orderArgs({ quantity: 2, name: "matrix <first> & co" }))) && ok;
  const first = (user.order?.outs.e164Numbers as string[] | undefined)?.[0];
  if (ok && first) {
    step("import");
    ok = (await user.upVoice({ number: first, name: "front desk" })) && ok;
    step("rename");
    ok = (await user.upOrder(lane.orderArgs({ quantity: 2, name: "renamed \"quoted\" 'n' <tag>" }))) && ok;
    ok = (await user.upVoice({ number: first, name: "front desk & co" })) && ok;
    step("scale up");
    ok = (await user.upOrder(lane.orderArgs({ quantity: 3, name: "renamed \"quoted\" 'n' <tag>" }))) && ok;
    step("scale down");
    ok = (await user.upOrder(lane.orderArgs({ quantity: 1, name: "renamed \"quoted\" 'n' <tag>" }))) && ok;
    step("refresh");
    ok = (await user.refreshOrder()) && ok;
  }
  step("destroy");
  const destroyed = await user.destroy();
  return ok && destroyed;
}

/** A route of the lifecycle, as a method and a path pattern scoped to one account or v1 user. */
interface RouteRow {
  name: string;
  method: string;
  path: (seed: AccountSeed) => string;
}

const ROUTES: RouteRow[] = [
  { name: "POST orders", method: "POST", path: (s) => `/accounts/${s.accountId}/orders$` },
  { name: "GET order (poll)", method: "GET", path: (s) => `/accounts/${s.accountId}/orders/[^/]+$` },
  { name: "GET orders by CustomerOrderId", method: "GET", path: (s) => `/accounts/${s.accountId}/orders$` },
  { name: "PUT order (rename)", method: "PUT", path: (s) => `/accounts/${s.accountId}/orders/[^/]+$` },
  { name: "POST disconnects", method: "POST", path: (s) => `/accounts/${s.accountId}/disconnects$` },
  { name: "GET disconnect (poll)", method: "GET", path: (s) => `/accounts/${s.accountId}/disconnects/[^/]+$` },
  { name: "GET inserviceNumbers", method: "GET", path: (s) => `/accounts/${s.accountId}/inserviceNumbers/` },
  { name: "POST v1 import", method: "POST", path: (s) => `/v1/users/${s.userId}/phoneNumbers$` },
  { name: "GET v1 numbers", method: "GET", path: (s) => `/v1/users/${s.userId}/phoneNumbers` },
  { name: "POST v1 update", method: "POST", path: (s) => `/v1/users/${s.userId}/phoneNumbers/[^/]+$` },
  { name: "DELETE v1 number", method: "DELETE", path: (s) => `/v1/users/${s.userId}/phoneNumbers/` },
];

/** The HTTP timeout a lane gets for the latency faults, and the latency that outlasts it. */
export const SHORT_TIMEOUT_MS = 400;
const BEYOND_TIMEOUT_MS = 1200;

interface FaultRow {
  name: string;
  rule: Omit<FaultRule, "path" | "method">;
  env?: Record<string, string>;
}

const FAULTS: FaultRow[] = [
  { name: "500 once", rule: { kind: "status", status: 500, times: 1 } },
  { name: "503 twice", rule: { kind: "status", status: 503, times: 2 } },
  { name: "503 storm outlasting the retries", rule: { kind: "status", status: 503, times: 6 } },
  // A gateway timeout: the emulator's status fault answers without processing; "reset after processing" below is
  // the answer lost while the backend completes.
  { name: "504 gateway timeout", rule: { kind: "status", status: 504, times: 1 } },
  // A gateway timeout whose backend went on: the request is carried out and the answer is a 504.
  { name: "504 gateway timeout after processing", rule: { kind: "status-after", status: 504, times: 1 } },
  { name: "429 storm with X-RateLimit-Reset", rule: { kind: "status", status: 429, times: 3 } },
  { name: "connection reset before processing", rule: { kind: "reset-before", times: 1 } },
  { name: "connection reset after processing", rule: { kind: "reset-after", times: 1 } },
  { name: "connection reset after processing, twice", rule: { kind: "reset-after", times: 2 } },
  {
    name: "latency beyond the client's timeout",
    rule: { kind: "latency", latencyMs: BEYOND_TIMEOUT_MS, times: 1 },
    env: { BANDWIDTH_HTTP_TIMEOUT_MS: String(SHORT_TIMEOUT_MS) },
  },
];

/** The full lifecycle with nothing wrong: the baseline every other row is compared with. */
export const BASELINE: Scenario = { name: "baseline, no fault", expectedOrders: 2, run: (lane) => fullLifecycle(lane) };

/**
 * The lane's account authenticated by OAuth client credentials, its token endpoint answering its first six token
 * requests 429 with X-RateLimit-Reset a second ahead: the lifecycle waits them out and succeeds.
 */
export const TOKEN_RATE_LIMITED: Scenario = {
  name: "429 with X-RateLimit-Reset on the OAuth token endpoint, six times",
  expectedOrders: 2,
  env: (seed, emu) => {
    const c = credentialsOf(seed);
    return {
      BANDWIDTH_CLIENT_ID: c.clientId,
      BANDWIDTH_CLIENT_SECRET: c.clientSecret,
      BANDWIDTH_TOKEN_URL: emu.tokenUrl,
    };
  },
  // Only this lane asks for tokens (the others use an API User), so the endpoint's one path is this lane's alone.
  faults: () => [{ method: "POST", path: "/oauth2/token$", kind: "status", status: 429, times: 6 }],
  run: (lane) => fullLifecycle(lane),
};

/** Every fault on every route, each over the full lifecycle (2 orders intended: the create and the scale-up). */
export function faultScenarios(): Scenario[] {
  return ROUTES.flatMap((route) =>
    FAULTS.map((fault): Scenario => ({
      name: `${fault.name} on ${route.name}`,
      expectedOrders: 2,
      env: fault.env,
      faults: (seed) => [{ ...fault.rule, method: route.method, path: route.path(seed) } as FaultRule],
      run: (lane) => fullLifecycle(lane),
    })),
  );
}

/** Tight emulator rate limits, one category at a time and all at once: 429 storms the client must ride out. */
export const RATE_LIMIT_STORMS: Array<{ name: string; limits: Record<string, { perMinute: number; burst: number }> }> =
  [
    { name: "ORDER", limits: { ORDER: { perMinute: 120, burst: 1 } } },
    { name: "HISTORY", limits: { HISTORY: { perMinute: 600, burst: 2 } } },
    { name: "DISCONNECT", limits: { DISCONNECT: { perMinute: 120, burst: 1 } } },
    { name: "V1_IMPORT", limits: { V1_IMPORT: { perMinute: 120, burst: 1 } } },
    { name: "V1", limits: { V1: { perMinute: 600, burst: 2 } } },
    {
      name: "every category",
      limits: {
        ORDER: { perMinute: 120, burst: 1 },
        HISTORY: { perMinute: 900, burst: 3 },
        DISCONNECT: { perMinute: 120, burst: 1 },
        V1_IMPORT: { perMinute: 120, burst: 1 },
        V1: { perMinute: 900, burst: 3 },
      },
    },
  ];

/** Two lifecycles per storm (they share nothing but the emulator's limits; buckets are per account). */
export function rateLimitScenarios(storm: (typeof RATE_LIMIT_STORMS)[number]): Scenario[] {
  return [1, 2].map((n) => ({
    name: `429 storm from tight ${storm.name} rate limits (lifecycle ${n})`,
    expectedOrders: 2,
    run: (lane) => fullLifecycle(lane),
  }));
}

/**
 * Order and disconnect outcomes. Each lane orders from its own restocked area code (`lane.areaCode`, holding only the
 * numbers the scenario restocks), so shortages are exact and lanes never compete for numbers.
 */
export function outcomeScenarios(): Scenario[] {
  const restock = (lane: Lane, n: number) => lane.emu().model.restock(lane.areaCode, n);
  const heldNumbers = (lane: Lane) => (lane.user.order?.outs.telephoneNumbers as string[] | undefined) ?? [];
  return [
    {
      name: "FAILED order on create (shortage, partialAllowed false): a clear error, nothing to destroy",
      expectedOrders: 1,
      run: async (lane) => {
        restock(lane, 1);
        const ok = await lane.user.upOrder(lane.orderArgs({ quantity: 2 }), 0);
        await lane.user.destroy();
        return ok;
      },
    },
    {
      name: "PARTIAL order on create with partialAllowed keeps what it got, then the lifecycle goes on",
      expectedOrders: 1,
      run: async (lane) => {
        restock(lane, 2);
        let ok = await lane.user.upOrder(lane.orderArgs({ quantity: 3, partialAllowed: true }));
        ok = ok && heldNumbers(lane).length === 2;
        if (ok) ok = await lane.user.upVoice({ number: `+1${heldNumbers(lane)[0]}` });
        return (await lane.user.destroy()) && ok;
      },
    },
    {
      name: "BACKORDERED create kept with a resume hint; after restock the next up resumes it",
      expectedOrders: 1,
      run: async (lane) => {
        const args = lane.orderArgs({ quantity: 2, backOrderRequested: true, timeoutSeconds: 1 });
        const first = await lane.user.upOrder(args, 0);
        restock(lane, 2);
        const resumed = await lane.user.upOrder({ ...args, timeoutSeconds: 10 });
        const ok = !first && resumed && heldNumbers(lane).length === 2;
        return (await lane.user.destroy()) && ok;
      },
    },
    {
      name: "BACKORDERED create destroyed before it fills: the backorder is closed and never bills",
      expectedOrders: 1,
      run: async (lane) => {
        await lane.user.upOrder(lane.orderArgs({ quantity: 2, backOrderRequested: true, timeoutSeconds: 1 }), 0);
        const destroyed = await lane.user.destroy();
        restock(lane, 3);
        await lane.sleep(150);
        return destroyed;
      },
    },
    {
      name: "BACKORDERED with partialAllowed holds what exists; destroy closes it and disconnects those",
      expectedOrders: 1,
      run: async (lane) => {
        restock(lane, 1);
        const args = { quantity: 3, backOrderRequested: true, partialAllowed: true, timeoutSeconds: 1 };
        await lane.user.upOrder(lane.orderArgs(args), 0);
        const destroyed = await lane.user.destroy();
        restock(lane, 3);
        await lane.sleep(150);
        return destroyed;
      },
    },
    {
      name: "FAILED scale-up order (shortage): a clear error; scaling back and destroying leaves nothing",
      expectedOrders: 2,
      run: async (lane) => {
        restock(lane, 2);
        let ok = await lane.user.upOrder(lane.orderArgs({ quantity: 1 }));
        ok = (await lane.user.upOrder(lane.orderArgs({ quantity: 4 }), 0)) && ok;
        await lane.user.upOrder(lane.orderArgs({ quantity: 1 }));
        return (await lane.user.destroy()) && ok;
      },
    },
    {
      name: "PARTIAL scale-up order with partialAllowed holds the extra numbers it got",
      expectedOrders: 2,
      run: async (lane) => {
        restock(lane, 2);
        let ok = await lane.user.upOrder(lane.orderArgs({ quantity: 1, partialAllowed: true }));
        ok = (await lane.user.upOrder(lane.orderArgs({ quantity: 4, partialAllowed: true }), 0)) && ok;
        ok = ok && heldNumbers(lane).length === 2;
        return (await lane.user.destroy()) && ok;
      },
    },
    {
      name: "BACKORDERED scale-up kept pending; after restock the next up resumes it",
      expectedOrders: 2,
      run: async (lane) => {
        restock(lane, 1);
        let ok = await lane.user.upOrder(lane.orderArgs({ quantity: 1 }));
        const args = lane.orderArgs({ quantity: 2, backOrderRequested: true, timeoutSeconds: 1 });
        const waited = await lane.user.upOrder(args, 0);
        restock(lane, 1);
        ok = (await lane.user.upOrder({ ...args, timeoutSeconds: 10 })) && ok && !waited;
        ok = ok && heldNumbers(lane).length === 2;
        return (await lane.user.destroy()) && ok;
      },
    },
    {
      name: "PARTIAL disconnect on destroy (a number already disconnected behind Pulumi's back) counts as done",
      expectedOrders: 1,
      run: async (lane) => {
        restock(lane, 2);
        const ok = await lane.user.upOrder(lane.orderArgs({ quantity: 2 }));
        if (ok) lane.emu().model.disconnectBehindTheBack(heldNumbers(lane)[0]);
        return (await lane.user.destroy()) && ok;
      },
    },
    {
      name: "FAILED disconnect on destroy (every number already gone) counts as done",
      expectedOrders: 1,
      run: async (lane) => {
        restock(lane, 2);
        const ok = await lane.user.upOrder(lane.orderArgs({ quantity: 2 }));
        for (const tn of heldNumbers(lane)) lane.emu().model.disconnectBehindTheBack(tn);
        return (await lane.user.destroy()) && ok;
      },
    },
    {
      name: "a number reconnected under another stack's order: refresh drops it, destroy leaves it to that stack",
      mustSucceed: true,
      expectedOrders: 2,
      run: async (lane) => {
        restock(lane, 1);
        let ok = await lane.user.upOrder(lane.orderArgs({ quantity: 1 }));
        const [tn] = heldNumbers(lane);
        if (!ok || !tn) return false;
        const old = { ...lane.user.order! };
        lane.emu().model.disconnectBehindTheBack(tn);
        const other = new UserStack(`${lane.user.scenario} (other stack)`, { operations: 0, errors: [] });
        const { areaCode: _, ...site } = lane.orderArgs();
        ok = (await other.upOrder({ ...site, resourceKey: `${site.resourceKey}-other`, telephoneNumbers: [tn] })) && ok;
        ok = (await lane.user.refreshOrder()) && ok && lane.user.order === undefined;
        // A destroy still holding the outputs from before the refresh (a stack that never refreshed).
        lane.user.order = old;
        ok = (await lane.user.destroy()) && ok;
        ok = ok && lane.emu().model.numbersInService(lane.seed.accountId).includes(tn);
        return (await other.destroy()) && ok;
      },
    },
    {
      name: "a destroy retried after a PARTIAL disconnect (one number refused) sends only the number left",
      mustSucceed: true,
      expectedOrders: 1,
      run: async (lane) => {
        restock(lane, 2);
        const ok = await lane.user.upOrder(lane.orderArgs({ quantity: 2 }));
        const [, b] = heldNumbers(lane);
        if (!ok || !b) return false;
        lane.emu().model.holdDisconnects(b);
        const first = await lane.user.destroy(0);
        lane.emu().model.holdDisconnects(b, false);
        const retried = await lane.user.destroy();
        const sent = lane
          .emu()
          .model.listDisconnects(lane.seed.accountId)
          .map((d) => d.numbers.join(","));
        return !first && retried && sent.length === 2 && sent[1] === b;
      },
    },
    {
      name: "two stacks with one explicit customerOrderId: each holds its own order, each destroy leaves the other's numbers",
      mustSucceed: true,
      expectedOrders: 2,
      run: async (lane) => {
        restock(lane, 2);
        const other = new UserStack(`${lane.user.scenario} (other stack)`, { operations: 0, errors: [] });
        const args = lane.orderArgs({ quantity: 1, customerOrderId: "shared explicit id" });
        let ok = await lane.user.upOrder(args);
        ok = (await other.upOrder({ ...args, resourceKey: `${args.resourceKey}-other` })) && ok;
        const mine = heldNumbers(lane);
        const theirs = (other.order?.outs.telephoneNumbers as string[] | undefined) ?? [];
        ok = ok && mine.length === 1 && theirs.length === 1 && mine[0] !== theirs[0];
        ok = (await other.destroy()) && ok;
        ok = ok && lane.emu().model.numbersInService(lane.seed.accountId).join() === mine.join();
        return (await lane.user.destroy()) && ok;
      },
    },
    {
      name: "PARTIAL disconnect on scale-down (a surplus number already gone) leaves the rest held",
      expectedOrders: 1,
      run: async (lane) => {
        restock(lane, 3);
        let ok = await lane.user.upOrder(lane.orderArgs({ quantity: 3 }));
        if (ok) lane.emu().model.disconnectBehindTheBack(heldNumbers(lane)[2]);
        ok = (await lane.user.upOrder(lane.orderArgs({ quantity: 1 }))) && ok && heldNumbers(lane).length === 1;
        return (await lane.user.destroy()) && ok;
      },
    },
  ];
}

/** Where an emulator restart lands: in the middle of the wait of each lifecycle step that waits. */
export const RESTART_STEPS = ["create", "scale up", "scale down", "destroy"] as const;

/** The replace-triggering changes a user makes, each with the args before and after. */
const REPLACE_KINDS: Array<{
  name: string;
  change: (lane: Lane) => [Record<string, unknown>, Record<string, unknown>];
}> = [
  {
    name: "a search criterion (areaCode)",
    change: (lane) => [lane.orderArgs({ quantity: 1 }), lane.orderArgs({ quantity: 1, areaCode: otherArea(lane) })],
  },
  {
    name: "a search criterion with a new explicit customerOrderId",
    change: (lane) => [
      lane.orderArgs({ quantity: 1, customerOrderId: `first-${lane.seed.accountId}` }),
      lane.orderArgs({ quantity: 1, customerOrderId: `second-${lane.seed.accountId}`, areaCode: otherArea(lane) }),
    ],
  },
];

function otherArea(lane: Lane): string {
  return lane.areaCode === "919" ? "910" : "919";
}

/**
 * Replace of each kind, as the engine runs it (the replacement created and its number imported before the old import
 * and the old order are deleted), without a fault and with gateway timeouts on every order POST whose backend went
 * on. Besides nothing leaked at the end, the replacement's number must be in service and imported right after the
 * replace: a replacement that took over the old order would hold a number the old order's delete disconnected.
 */
export function replaceScenarios(): Scenario[] {
  const faults = [
    { name: "no fault", rules: () => [] as FaultRule[] },
    {
      name: "504 after processing on every order POST",
      rules: (seed: AccountSeed): FaultRule[] => [
        { kind: "status-after", status: 504, times: 2, method: "POST", path: `/accounts/${seed.accountId}/orders$` },
      ],
    },
  ];
  return REPLACE_KINDS.flatMap((kind) =>
    faults.map((fault): Scenario => ({
      name: `replace of ${kind.name}, ${fault.name}`,
      expectedOrders: 2,
      faults: fault.rules,
      run: async (lane) => {
        const [before, after] = kind.change(lane);
        let ok = await lane.user.upOrder(before);
        const first = (lane.user.order?.outs.e164Numbers as string[] | undefined)?.[0];
        if (ok && first) ok = await lane.user.upVoice({ number: first, name: "replaced" });
        if (ok) ok = await lane.user.replaceOrder(after);
        if (ok) {
          const model = lane.emu().model;
          const inService = new Set(model.numbersInService(lane.seed.accountId));
          const imported = new Set(model.listVoiceNumbers(lane.seed.userId).map((v) => v.number));
          const held = (lane.user.order?.outs.telephoneNumbers as string[] | undefined) ?? [];
          const importedNumber = lane.user.voice?.outs.number as string | undefined;
          ok =
            held.length === 1 &&
            held.every((tn) => inService.has(tn)) &&
            importedNumber === `+1${held[0]}` &&
            imported.has(importedNumber) &&
            imported.size === 1;
          if (!ok) lane.user.lastError = new Error(`after the replace: held ${held}, imported ${[...imported]}`);
        }
        return (await lane.user.destroy()) && ok;
      },
    })),
  ).concat(moveScenarios(), {
    // Kept, the CustomerOrderId would let the replacement take over the order it replaces: check refuses it.
    name: "replace keeping an explicit customerOrderId: refused before any request, nothing changes",
    expectedOrders: 1,
    run: async (lane) => {
      const customerOrderId = `keep-${lane.seed.accountId}`;
      let ok = await lane.user.upOrder(lane.orderArgs({ quantity: 1, customerOrderId }));
      const held = lane.user.order?.outs.telephoneNumbers;
      const after = lane.orderArgs({ quantity: 1, customerOrderId, areaCode: otherArea(lane) });
      const refused = !(await lane.user.replaceOrder(after, 0));
      const why = lane.user.lastError?.message ?? "";
      ok = ok && refused && /customerOrderId/.test(why) && lane.user.order?.outs.telephoneNumbers === held;
      return (await lane.user.destroy()) && ok;
    },
  });
}

/** The location changes a user makes: each moves the numbers in place, never replaces them. */
const MOVE_KINDS: Array<{ name: string; siteId?: string }> = [
  { name: "a peerId move (a new location on the same site)" },
  { name: "a siteId move (a location on site 462)", siteId: "462" },
];

/**
 * A location change, as `pulumi up` runs it (check, diff, update), without a fault and with the move order's answer
 * lost or its poll failing: the same numbers end up on the new location at the same indexes, one order in all, and
 * nothing is disconnected before the final destroy.
 */
function moveScenarios(): Scenario[] {
  const moves = (seed: AccountSeed) => `/accounts/${seed.accountId}/moveTns`;
  const faults = [
    { name: "no fault", rules: () => [] as FaultRule[] },
    {
      name: "connection reset after the move POST was processed",
      rules: (seed: AccountSeed): FaultRule[] => [
        { kind: "reset-after", times: 1, method: "POST", path: `${moves(seed)}$` },
      ],
    },
    {
      name: "503 twice on the move order's poll",
      rules: (seed: AccountSeed): FaultRule[] => [
        { kind: "status", status: 503, times: 2, method: "GET", path: `${moves(seed)}/[^/]+$` },
      ],
    },
  ];
  return MOVE_KINDS.flatMap((kind) =>
    faults.map((fault): Scenario => ({
      name: `location change: ${kind.name}, ${fault.name}`,
      expectedOrders: 1,
      faults: fault.rules,
      run: async (lane) => {
        let ok = await lane.user.upOrder(lane.orderArgs({ quantity: 2 }));
        const held = (lane.user.order?.outs.telephoneNumbers as string[] | undefined) ?? [];
        const accountId = lane.seed.accountId;
        const siteId = kind.siteId ?? String(lane.orderArgs().siteId);
        const peer = lane.emu().model.provisioning.createPeer(accountId, siteId, { peerName: "movedhere" });
        if (ok) ok = await lane.user.upOrder(lane.orderArgs({ quantity: 2, siteId, peerId: peer.peerId }));
        if (ok) {
          const model = lane.emu().model;
          const now = (lane.user.order?.outs.telephoneNumbers as string[] | undefined) ?? [];
          const onPeer = new Set(model.provisioning.peerNumbers(accountId, siteId, peer.peerId));
          ok =
            JSON.stringify(now) === JSON.stringify(held) &&
            held.length === 2 &&
            held.every((tn) => onPeer.has(tn)) &&
            model.numbers.listDisconnects(accountId).length === 0;
          if (!ok)
            lane.user.lastError = new Error(
              `after the move: held ${now} (was ${held}), on the location ${[...onPeer]}`,
            );
        }
        return (await lane.user.destroy()) && ok;
      },
    })),
  );
}
