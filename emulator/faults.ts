/** A fault to inject into matching requests. */
export interface FaultRule {
  /** HTTP method to match; default any. */
  method?: string;
  /** Regular expression source tested against the path (no query), e.g. "/orders$". */
  path: string;
  /** What the fault does: answer a status instead of the API, answer it after processing, reset the socket before or after processing, or add latency. */
  kind: "status" | "status-after" | "reset-before" | "reset-after" | "latency";
  /**
   * For kind "status": the status answered instead of processing. For "status-after": the request IS processed (an
   * order is placed) and this status answered instead, as a gateway's 504 hides a backend that went on.
   */
  status?: number;
  /** For kind "latency": delay added before processing. */
  latencyMs?: number;
  /** How many matching requests it hits (default: unlimited). */
  times?: number;
  /** Skip the first N matching requests. */
  after?: number;
  /**
   * Fires only during this many ms after the rule is set (a token endpoint that answers 429 for its first second);
   * a 429 it answers names the end of that time as its reset.
   */
  durationMs?: number;
}

/** A rule that fired, with the reset a 429 it answers names (epoch ms), when the rule fixes one. */
export type FiredFault = FaultRule & { resetAtMs?: number };

/** Thrown for a rule that cannot work (bad regex, missing status...). */
export class FaultRuleError extends Error {
  readonly code = "INVALID_FAULT_RULE";
}

interface ActiveRule {
  rule: FaultRule;
  pattern: RegExp;
  seen: number;
  hits: number;
  /** Epoch ms at which the rule was set. */
  setAtMs: number;
}

const KINDS = new Set(["status", "status-after", "reset-before", "reset-after", "latency"]);

/** Checks a rule's shape; throws FaultRuleError. */
export function validateFaultRule(rule: FaultRule): void {
  if (!rule || typeof rule.path !== "string") throw new FaultRuleError("fault rule needs a path regular expression");
  if (!KINDS.has(rule.kind)) throw new FaultRuleError(`unknown fault kind ${String(rule.kind)}`);
  if (
    (rule.kind === "status" || rule.kind === "status-after") &&
    !(Number.isInteger(rule.status) && rule.status! >= 100 && rule.status! <= 599)
  ) {
    throw new FaultRuleError("a status fault needs a status between 100 and 599");
  }
  if (rule.durationMs !== undefined && !(typeof rule.durationMs === "number" && rule.durationMs > 0)) {
    throw new FaultRuleError("durationMs must be a positive number of milliseconds");
  }
  if (rule.kind === "latency" && !(typeof rule.latencyMs === "number" && rule.latencyMs >= 0)) {
    throw new FaultRuleError("a latency fault needs latencyMs >= 0");
  }
  try {
    new RegExp(rule.path);
  } catch (err) {
    throw new FaultRuleError(`bad path pattern: ${(err as Error).message}`);
  }
}

/** The active fault rules with their hit counters. */
export class FaultSet {
  private rules: ActiveRule[] = [];

  constructor(rules: FaultRule[] = []) {
    this.set(rules);
  }

  /** Replaces every rule (counters restart). */
  set(rules: FaultRule[]): void {
    rules.forEach(validateFaultRule);
    this.rules = rules.map(activate);
  }

  /** Adds rules after the existing ones. */
  add(rules: FaultRule[]): void {
    rules.forEach(validateFaultRule);
    this.rules.push(...rules.map(activate));
  }

  /** The rules with how often each has fired. */
  list(): Array<FaultRule & { hits: number }> {
    return this.rules.map((r) => ({ ...r.rule, hits: r.hits }));
  }

  /** The first rule that fires for this request, counting it; undefined when none does. */
  match(method: string, path: string, now: number = Date.now()): FiredFault | undefined {
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!active.pattern.test(path)) continue;
      const endsAtMs = rule.durationMs === undefined ? undefined : active.setAtMs + rule.durationMs;
      if (endsAtMs !== undefined && now >= endsAtMs) continue;
      active.seen += 1;
      if (active.seen <= (rule.after ?? 0)) continue;
      if (rule.times !== undefined && active.hits >= rule.times) continue;
      active.hits += 1;
      return endsAtMs === undefined ? rule : { ...rule, resetAtMs: endsAtMs };
    }
    return undefined;
  }
}

function activate(rule: FaultRule): ActiveRule {
  return { rule: { ...rule }, pattern: new RegExp(rule.path), seen: 0, hits: 0, setAtMs: Date.now() };
}
