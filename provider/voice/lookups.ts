/**
 * Lookups of v1 numbers coalesced across the resources of a deployment: lookups asked for within a short window are
 * answered together, by one paged list of the user's numbers when there are many, or one GET each when there are few.
 */
import type { VoiceClient } from "./client";
import type { VoiceNumber } from "./types";

/** From this many lookups in one window on, one list of the user's numbers is cheaper than a GET each. */
const LIST_FROM = 8;
const WINDOW_MS = 30;
/** How long a number this process un-imported is known to be absent without asking again. */
const REMOVED_FOR_MS = 10 * 60_000;

type Key = { kind: "number" | "id"; value: string };

interface Pending {
  key: Key;
  resolve: (n: VoiceNumber | undefined) => void;
  reject: (e: unknown) => void;
}

/** One per VoiceClient (so per v1 user). */
export class VoiceLookups {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** E.164 numbers this process un-imported, and when. */
  private readonly removed = new Map<string, number>();

  constructor(private readonly client: VoiceClient) {}

  /**
   * The imported number with this E.164, or undefined when it is not imported. A number this process un-imported
   * in the last ten minutes (a VoiceImport destroyed before the order that holds it) is answered without a request.
   */
  byNumber(e164: string): Promise<VoiceNumber | undefined> {
    const removedAt = this.removed.get(e164);
    if (removedAt !== undefined && Date.now() - removedAt < REMOVED_FOR_MS) return Promise.resolve(undefined);
    return this.enqueue({ kind: "number", value: e164 });
  }

  /** Records that this process imported (`present`) or un-imported a number. */
  noteImported(e164: string, present: boolean): void {
    if (present) this.removed.delete(e164);
    else this.removed.set(e164, Date.now());
  }

  /** The imported number with this id (`n-...`), or undefined when it is gone. */
  byId(numberId: string): Promise<VoiceNumber | undefined> {
    return this.enqueue({ kind: "id", value: numberId });
  }

  private enqueue(key: Key): Promise<VoiceNumber | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ key, resolve, reject });
      this.timer ??= setTimeout(() => void this.flush(), WINDOW_MS);
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.timer = undefined;
    if (batch.length >= LIST_FROM) {
      try {
        const all = await this.client.listNumbers({ size: 1000 });
        const byNumber = new Map(all.map((n) => [n.number, n]));
        const byId = new Map(all.map((n) => [n.id, n]));
        for (const p of batch) p.resolve((p.key.kind === "number" ? byNumber : byId).get(p.key.value));
      } catch (e) {
        for (const p of batch) p.reject(e);
      }
      return;
    }
    await Promise.all(
      batch.map(async (p) => {
        try {
          p.resolve(await this.client.findNumber(p.key.value));
        } catch (e) {
          p.reject(e);
        }
      }),
    );
  }
}
