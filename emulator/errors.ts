/** One entry of Bandwidth's `<ErrorList>`: a numeric code, its description and, for per-number errors, the number. */
export interface ErrorDetail {
  /** Bandwidth's numeric error code, e.g. 5005. */
  code: string;
  /** The description Bandwidth gives with the code. */
  description: string;
  /** The number the error concerns, for per-number errors. */
  telephoneNumber?: string;
}

/** Base of every rule violation the emulator's model raises; `code` is stable and safe to branch on. */
export class EmulatorError extends Error {
  constructor(
    /** Stable code of the violation, such as VALIDATION or NOT_FOUND, safe to branch on in tests. */
    readonly code: string,
    message: string,
    /** The `<ErrorList>` entries the emulator answers with on the wire. */
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request breaks a documented rule (HTTP 400 on the wire). */
export class ValidationError extends EmulatorError {
  constructor(details: ErrorDetail[]) {
    super("VALIDATION", details.map((d) => `${d.code}: ${d.description}`).join("; "), details);
  }
}

/** The thing asked for does not exist for this caller (HTTP 404). */
export class NotFoundError extends EmulatorError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super("NOT_FOUND", message, details);
  }
}
