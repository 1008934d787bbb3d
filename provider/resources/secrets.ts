/** The number settings kept secret (the port-out passcode) in a resource's inputs and outputs alike. */
import * as pulumi from "@pulumi/pulumi";
import { numberSettingsInputs } from "../schema/numberSettings";

/** The settings the schema marks secret. */
const SECRET_SETTINGS = Object.entries(numberSettingsInputs)
  .filter(([, f]) => f.secret === true)
  .map(([k]) => k);

/** The args with each secret setting wrapped as a secret, so no part of state holds it in clear. */
export function secretSettings<T extends object>(args: T): T {
  const out = { ...args } as Record<string, unknown>;
  for (const key of SECRET_SETTINGS) if (out[key] !== undefined) out[key] = pulumi.secret(out[key]);
  return out as T;
}

/** The options with each secret setting among the outputs the engine encrypts. */
export function secretOutputs(opts: pulumi.CustomResourceOptions | undefined): pulumi.CustomResourceOptions {
  return { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...SECRET_SETTINGS] };
}
