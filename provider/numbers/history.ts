/**
 * The account's disconnect history, read to prove cheaply which numbers may have changed hands. A number leaves the
 * order that brought it only through a disconnect (then, within the holding period, any order of the account may
 * reconnect it), so a number that no disconnect since its order has named is still under that order. Numbers some
 * disconnect did name are proven one by one (`GET /tns/{tn}` names the order a number belongs to now).
 */
import type { NumbersClient } from "./client";
import type { DisconnectSummary } from "./client";
import { isPending, listStartDate, viewEpochNow } from "./watch";

/** Clock skew allowed between the dates Bandwidth writes on an order and on a later disconnect. */
const DATE_MARGIN_MS = 10 * 60_000;

/** The most disconnects one proof reads one by one; beyond it, proving each number directly is cheaper. */
const MAX_READS_PER_PROOF = 200;

/** The reads any proof may spend on disconnects it has not seen, however few numbers it proves. */
const MIN_READ_BUDGET = 8;

/** Disconnects read in parallel while proving. */
const READ_CONCURRENCY = 4;

export class DisconnectHistory {
  /** The numbers each disconnect named (placed by this process, or read once final: they no longer change). */
  private readonly named = new Map<string, string[]>();
  /** When this process placed each of its disconnects (its own clock), in case a list taken meanwhile misses one. */
  private readonly placedAt = new Map<string, number>();
  /** Disconnects being read. */
  private readonly reading = new Map<string, Promise<string[]>>();
  /** A list already on its way, from this day on: callers asking meanwhile share it. */
  private listing: { startDate: string; rows: Promise<{ rows: DisconnectSummary[]; complete: boolean }> } | undefined;
  private epoch = viewEpochNow();

  constructor(private readonly client: NumbersClient) {}

  /** Records the numbers of a disconnect this process placed, so proving never reads it back. */
  recordPlaced(disconnectId: string, numbers: readonly string[]): void {
    this.refreshEpoch();
    this.named.set(disconnectId, [...numbers]);
    this.placedAt.set(disconnectId, Date.now());
  }

  /**
   * The numbers named by any disconnect of the account dated at or after `sinceIso` (a Bandwidth date), or
   * `undefined` when that cannot be told for at most `budget` reads (a list cut short, too many disconnects to read):
   * the caller then proves each number directly.
   */
  async namedSince(sinceIso: string, budget: number): Promise<Set<string> | undefined> {
    this.refreshEpoch();
    const since = Date.parse(sinceIso);
    if (Number.isNaN(since)) return undefined;
    const { rows, complete } = await this.list(listStartDate(since));
    if (!complete) return undefined;
    const recent = rows.filter((r) => {
      const at = r.orderDate === undefined ? NaN : Date.parse(r.orderDate);
      return Number.isNaN(at) || at >= since - DATE_MARGIN_MS;
    });
    const unread = recent.filter((r) => !this.named.has(r.orderId));
    // A disconnect read once serves every later proof of the process, so a few reads are worth it even for one number.
    if (unread.length > Math.min(Math.max(budget, MIN_READ_BUDGET), MAX_READS_PER_PROOF)) return undefined;
    const names = new Set<string>();
    for (let i = 0; i < unread.length; i += READ_CONCURRENCY) {
      const numbers = await Promise.all(unread.slice(i, i + READ_CONCURRENCY).map((r) => this.read(r.orderId)));
      for (const tn of numbers.flat()) names.add(tn);
    }
    for (const r of recent) for (const tn of this.named.get(r.orderId) ?? []) names.add(tn);
    for (const [id, at] of this.placedAt) {
      if (at >= since - DATE_MARGIN_MS) for (const tn of this.named.get(id) ?? []) names.add(tn);
    }
    return names;
  }

  /** The numbers a disconnect names; proofs asking at once share one read, and a final disconnect is kept. */
  private read(disconnectId: string): Promise<string[]> {
    let reading = this.reading.get(disconnectId);
    if (!reading) {
      reading = this.client.getDisconnect(disconnectId).then((d) => {
        const numbers = [...new Set([...d.requestedNumbers, ...d.disconnectedNumbers])];
        if (!isPending(d.status)) this.named.set(disconnectId, numbers);
        return numbers;
      });
      const done = () => this.reading.delete(disconnectId);
      reading.then(done, done);
      this.reading.set(disconnectId, reading);
    }
    return reading;
  }

  /** One list at a time: a caller joins the list on its way when it reaches back far enough, else starts its own. */
  private list(startDate: string): Promise<{ rows: DisconnectSummary[]; complete: boolean }> {
    const going = this.listing;
    if (going && going.startDate <= startDate) return going.rows;
    // The disconnects list documents its dates as a pair; the end date is tomorrow's, so today is always covered.
    const endDate = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
    const rows = this.client.listDisconnectPages({ startDate, endDate });
    const entry = { startDate, rows };
    this.listing = entry;
    const done = () => {
      if (this.listing === entry) this.listing = undefined;
    };
    rows.then(done, done);
    return rows;
  }

  /** A harness that starts a new deployment in this process starts without what the last one placed. */
  private refreshEpoch(): void {
    const now = viewEpochNow();
    if (now !== this.epoch) {
      this.epoch = now;
      this.named.clear();
      this.placedAt.clear();
    }
  }
}
