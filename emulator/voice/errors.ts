import { EmulatorError } from "../errors";

/** Codes of Voice & Messaging v1 refusals (the `code` of its JSON error body, or a detail's code). */
export const VOICE_CODES = {
  validation: "validation-error",
  // Our choice: no document names the refusal of a provider block naming another account or a wrong password.
  invalidProvider: "invalid-provider",
} as const;

/** The v1 number is already imported (HTTP 409 `duplicate-number`). */
export class DuplicateNumberError extends EmulatorError {
  constructor(message: string) {
    super("DUPLICATE_NUMBER", message);
  }
}
