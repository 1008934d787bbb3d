/**
 * Lookups of v1 numbers coalesced across the resources of a deployment: lookups asked for within a short window are
 * answered together, by one paged list of the user's numbers when it costs fewer requests than a GET each, or one GET
 * each when there are few. A lookup that follows an import also waits (briefly) for the imports still in flight, so
 * the numbers a deployment imports together are looked up together.
 */
import type { VoiceClient } from "./client";
import type { VoiceNumber } from "./types";

/** Until a list has shown how many pages the user's numbers fill, a list is used from this many lookups on. */
const LIST_FROM = 8;
/** The list's page size (v1's largest). */
const LIST_PAGE_SIZE = 1000;
const WINDOW_MS = 30;
/**
 * The longest a batch waits for the imports that were in flight when it opened. Imports held back by the import
 * limit cannot finish sooner anyway; imports that are only a round trip away end well before it.
 */
const IMPORT_WAIT_MS = 1_000;
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
  /** Imports of this user under way (sent, or waiting for the import limit) whose lookups are not queued yet. */
  private readonly importsInFlight = new Set<Promise<void>>();
  /** Pages the user's numbers filled at the last list: what one more list costs. */
  private listPages: number | undefined;

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

  /**
   * Marks an import under way: lookups asked for meanwhile wait for it (up to a second) until `end()` is called,
   * once its own lookup is queued or it failed, so the numbers imported together are looked up together.
   * Calling `end()` again does nothing.
   */
  beginImport(): { end(): void } {
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.importsInFlight.add(ended);
    return {
      end: () => {
        this.importsInFlight.delete(ended);
        end();
      },
    };
  }

  private enqueue(key: Key): Promise<VoiceNumber | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ key, resolve, reject });
      this.timer ??= setTimeout(() => void this.closeBatch(), WINDOW_MS);
    });
  }

  /** Waits for the imports in flight now (or IMPORT_WAIT_MS), then answers everything queued by then. */
  private async closeBatch(): Promise<void> {
    const inFlight = [...this.importsInFlight];
    if (inFlight.length > 0) {
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(inFlight),
        new Promise((resolve) => {
          timeout = setTimeout(resolve, IMPORT_WAIT_MS);
        }),
      ]);
      clearTimeout(timeout);
    }
    const batch = this.queue;
    this.queue = [];
    this.timer = undefined;
    await this.answer(batch);
  }

  /** A list costs one request per page: it is used when it answers more lookups than it costs. */
  private listPays(lookups: number): boolean {
    return this.listPages === undefined ? lookups >= LIST_FROM : lookups > this.listPages;
  }

  private async answer(batch: Pending[]): Promise<void> {
    if (this.listPays(batch.length)) {
      try {
        const all = await this.client.listNumbers({ size: LIST_PAGE_SIZE });
        this.listPages = Math.max(1, Math.ceil(all.length / LIST_PAGE_SIZE));
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
