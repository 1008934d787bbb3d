/**
 * A user at the keyboard: runs `pulumi up` / `pulumi destroy` for one PhoneNumberOrder and one VoiceImport through the
 * provider objects, the way the engine drives them, keeps the state the engine would keep, and re-runs a failed
 * command up to three times. Every error seen is recorded and judged clear or unclear.
 */
import { providers } from "../../provider";
import { engineCreate, engineUpdate } from "../integration/resources/support";

/** One error a user saw. */
export interface SeenError {
  scenario: string;
  operation: string;
  message: string;
  clear: boolean;
}

/** Figures shared by every scenario of a run. */
export interface Tally {
  operations: number;
  errors: SeenError[];
}

/** What the engine keeps for a resource: its id and its state. */
export interface ResourceState {
  id: string;
  outs: Record<string, unknown>;
}

// "What to do" in a user's words: run the command again, raise a setting, set an option, fix an input.
const NEXT_STEP =
  /run `pulumi (up|destroy)`|(run|try) (it |destroy |`pulumi \w+` )?again|retry|raise \w+|set \w+|remove it|once it has finished|check the credentials/i;

/** An error is clear when it names what happened (more than a bare code) and tells the user what to do next. */
export function isClearError(message: string): boolean {
  return message.length >= 30 && NEXT_STEP.test(message);
}

/** How many times a failed command is run again, as a user would. */
export const USER_RETRIES = 3;

/** One user's stack: an order and (optionally) one import of its first number. */
export class UserStack {
  order?: ResourceState;
  voice?: ResourceState;
  lastError?: Error;
  /** A replace in progress: the replacement order, whether its create finished, and the replacement import. */
  private replacement?: ResourceState;
  private replacementComplete = false;
  private replacementVoice?: ResourceState;

  constructor(
    readonly scenario: string,
    private readonly tally: Tally,
  ) {}

  private record(operation: string, e: unknown): Error {
    const err = e instanceof Error ? e : new Error(String(e));
    this.tally.errors.push({
      scenario: this.scenario,
      operation,
      message: err.message,
      clear: isClearError(err.message),
    });
    this.lastError = err;
    return err;
  }

  /** Runs one command, and again up to USER_RETRIES times while it fails. True when it finally succeeded. */
  private async withRetries(operation: string, run: () => Promise<void>, retries = USER_RETRIES): Promise<boolean> {
    for (let attempt = 0; attempt <= retries; attempt++) {
      this.tally.operations += 1;
      try {
        await run();
        return true;
      } catch (e) {
        this.record(operation, e);
      }
    }
    return false;
  }

  /** `pulumi up` for the PhoneNumberOrder: create when the stack has none, else check/diff/update. */
  upOrder(args: Record<string, unknown>, retries = USER_RETRIES): Promise<boolean> {
    return this.withRetries(
      "up order",
      async () => {
        if (!this.order) {
          try {
            this.order = await engineCreate(providers.phoneNumberOrder, args);
          } catch (e) {
            this.keepPartial(e, (s) => {
              this.order = s;
            });
            throw e;
          }
          return;
        }
        const current = this.order;
        try {
          const { diff, outs } = await engineUpdate(providers.phoneNumberOrder, current.id, current.outs, args);
          if (diff.replaces && diff.replaces.length > 0) throw new Error(`unexpected replace of ${diff.replaces}`);
          current.outs = outs;
        } catch (e) {
          this.keepPartial(e, (s) => {
            current.outs = s.outs;
          });
          throw e;
        }
      },
      retries,
    );
  }

  /**
   * `pulumi up` with a change that replaces the order, in the engine's order: check and diff (which must say replace),
   * create the replacement, replace the import of the first number (create the new import, delete the old one),
   * then delete the old order. A failed step is retried from where it stopped.
   */
  replaceOrder(args: Record<string, unknown>, retries = USER_RETRIES): Promise<boolean> {
    return this.withRetries(
      "replace order",
      async () => {
        const old = this.order;
        if (!old) throw new Error("replaceOrder needs an order in the stack");
        if (!this.replacement) {
          // The engine checks the new inputs against the old ones once, and creates the replacement with them.
          const checked = await providers.phoneNumberOrder.check!(old.outs, args);
          if (checked.failures && checked.failures.length > 0) {
            throw new Error(checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; "));
          }
          const diff = await providers.phoneNumberOrder.diff!(old.id, old.outs, checked.inputs);
          if (!diff.replaces || diff.replaces.length === 0) {
            throw new Error(`expected a replace, the diff said ${JSON.stringify(diff)}`);
          }
          try {
            const created = await providers.phoneNumberOrder.create(checked.inputs);
            this.replacement = { id: created.id, outs: created.outs as Record<string, unknown> };
            this.replacementComplete = true;
          } catch (e) {
            this.keepPartial(e, (s) => {
              this.replacement = s;
              this.replacementComplete = false;
            });
            throw e;
          }
        } else if (!this.replacementComplete) {
          // The engine updates a resource whose create failed with a partial state.
          const { outs } = await engineUpdate(
            providers.phoneNumberOrder,
            this.replacement.id,
            this.replacement.outs,
            args,
          );
          this.replacement.outs = outs;
          this.replacementComplete = true;
        }
        const number = (this.replacement.outs.e164Numbers as string[] | undefined)?.[0];
        if (this.voice && number && this.voice.outs.number !== number) {
          this.replacementVoice ??= await engineCreate(providers.voiceImport, { number, name: this.voice.outs.name });
          await providers.voiceImport.delete!(this.voice.id, this.voice.outs);
          this.voice = this.replacementVoice;
          this.replacementVoice = undefined;
        }
        await providers.phoneNumberOrder.delete!(old.id, old.outs);
        this.order = this.replacement;
        this.replacement = undefined;
      },
      retries,
    );
  }

  /** `pulumi up` for the VoiceImport of `args.number`. */
  upVoice(args: Record<string, unknown>, retries = USER_RETRIES): Promise<boolean> {
    return this.withRetries(
      "up import",
      async () => {
        if (!this.voice) {
          this.voice = await engineCreate(providers.voiceImport, args);
          return;
        }
        const { outs } = await engineUpdate(providers.voiceImport, this.voice.id, this.voice.outs, args);
        this.voice.outs = outs;
      },
      retries,
    );
  }

  /** `pulumi refresh` of the order: an empty id means it is gone. */
  refreshOrder(): Promise<boolean> {
    return this.withRetries("refresh order", async () => {
      if (!this.order) return;
      const read = await providers.phoneNumberOrder.read!(this.order.id, this.order.outs);
      if (!read.id) this.order = undefined;
      else this.order.outs = read.props as Record<string, unknown>;
    });
  }

  /** `pulumi destroy`: the imports first (they depend on the orders), then the orders, a half-done replace's too. */
  async destroy(retries = USER_RETRIES): Promise<boolean> {
    const voiceGone = await this.withRetries(
      "destroy import",
      async () => {
        if (this.replacementVoice) {
          await providers.voiceImport.delete!(this.replacementVoice.id, this.replacementVoice.outs);
          this.replacementVoice = undefined;
        }
        if (!this.voice) return;
        await providers.voiceImport.delete!(this.voice.id, this.voice.outs);
        this.voice = undefined;
      },
      retries,
    );
    // The engine stops at a failed dependent; a user retries destroy, which is what the retries above did.
    if (!voiceGone) return false;
    return this.withRetries(
      "destroy order",
      async () => {
        if (this.replacement) {
          await providers.phoneNumberOrder.delete!(this.replacement.id, this.replacement.outs);
          this.replacement = undefined;
        }
        if (!this.order) return;
        await providers.phoneNumberOrder.delete!(this.order.id, this.order.outs);
        this.order = undefined;
      },
      retries,
    );
  }

  // The engine keeps a resource whose create/update failed with an id and properties ("initialization failed").
  private keepPartial(e: unknown, keep: (s: ResourceState) => void): void {
    const err = e as { id?: unknown; properties?: unknown };
    if (typeof err.id === "string" && err.id !== "" && err.properties && typeof err.properties === "object") {
      keep({ id: err.id, outs: err.properties as Record<string, unknown> });
    }
  }
}
