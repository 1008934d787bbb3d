import { readFileSync, renameSync, writeFileSync } from "node:fs";
import type { ModelSnapshot } from "./models";

/** Raised when the state file exists but cannot be read as a snapshot. */
export class StateFileError extends Error {
  readonly code = "STATE_FILE_INVALID";
}

/**
 * The `--state-file`: loaded once at start, saved after every mutation (debounced) by writing a temporary
 * file and renaming it over the old one, so a crash never leaves a half-written state.
 */
export class StateFile {
  private timer?: NodeJS.Timeout;

  constructor(
    readonly path: string,
    private readonly snapshot: () => ModelSnapshot,
    private readonly debounceMs = 25,
  ) {}

  /** The saved snapshot, or undefined when there is no file yet. */
  load(): ModelSnapshot | undefined {
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw err;
    }
    try {
      const parsed = JSON.parse(text) as ModelSnapshot;
      if (parsed.version !== 1) throw new Error(`unsupported version ${String(parsed.version)}`);
      return parsed;
    } catch (err) {
      throw new StateFileError(`state file ${this.path} is not a valid emulator state: ${(err as Error).message}`);
    }
  }

  /** Schedules a save; many mutations in a burst cost one write. */
  scheduleSave(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Writes now (atomic rename) and cancels any pending save. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.snapshot()));
    renameSync(tmp, this.path);
  }
}
