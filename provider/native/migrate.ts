#!/usr/bin/env node
/**
 * `pulumi-bandwidth-migrate`: plans moving a stack's resources from the dynamic resources to the native provider
 * without touching a number. It reads a dynamic stack's `pulumi stack export` and writes a `pulumi import --file` for
 * the native stack (each resource by the id its native import takes), plus the `pulumi state delete` commands that
 * then make the dynamic stack forget them without deleting anything. Nothing here calls Bandwidth.
 *
 *   pulumi stack export --stack OLD > old.json
 *   pulumi-bandwidth-migrate old.json > import.json     # the commands to run are printed on stderr
 */
import { readFileSync } from "node:fs";

/** One resource of an exported deployment, as far as the plan reads it. */
interface ExportedResource {
  urn: string;
  type: string;
  id?: string;
  outputs?: Record<string, unknown>;
  protect?: boolean;
}

/** A resource to import into the native stack, as `pulumi import --file` takes it. */
export interface ImportEntry {
  type: string;
  name: string;
  id: string;
}

/** The plan: what to import, what the dynamic stack then forgets, and what cannot move as it is. */
export interface MigrationPlan {
  resources: ImportEntry[];
  /** URNs of the dynamic resources to forget with `pulumi state delete` once the import succeeded. */
  forget: string[];
  /** Resources left where they are, each with why. */
  refused: Array<{ urn: string; reason: string }>;
}

/** The resource's name in this package, from its dynamic type (`pulumi-nodejs:dynamic/bandwidth:Site` → `Site`). */
function dynamicName(type: string): string | undefined {
  return /^pulumi-nodejs:dynamic\/bandwidth:([A-Za-z]+)$/.exec(type)?.[1];
}

/** The id the native provider imports a resource by, from its dynamic state. */
function importId(kind: string, r: ExportedResource): string | { refused: string } {
  const out = r.outputs ?? {};
  if (kind === "PhoneNumberOrder") {
    const orders = (out.orderIds as string[] | undefined) ?? [];
    if ((out.moveOrderIds as string[] | undefined)?.length) {
      return { refused: "its numbers were moved by a move order, which the native import does not follow yet" };
    }
    if ((out.pendingOrderIds as string[] | undefined)?.length) {
      return { refused: "an order is still pending: run `pulumi up` on the dynamic stack until it is final" };
    }
    if (orders.length === 0) return { refused: "it holds no order" };
    return orders.join(",");
  }
  if (!r.id) return { refused: "it has no id" };
  if (kind === "Location") return `${String(out.siteId)}/${r.id}`;
  return r.id;
}

/** The plan for an exported deployment of a dynamic stack. */
export function migrationPlan(exported: { deployment?: { resources?: ExportedResource[] } }): MigrationPlan {
  const plan: MigrationPlan = { resources: [], forget: [], refused: [] };
  for (const r of exported.deployment?.resources ?? []) {
    const kind = dynamicName(r.type);
    if (!kind) continue;
    const id = importId(kind, r);
    if (typeof id !== "string") {
      plan.refused.push({ urn: r.urn, reason: id.refused });
      continue;
    }
    plan.resources.push({ type: `bandwidth:index:${kind}`, name: r.urn.split("::").pop()!, id });
    plan.forget.push(r.urn);
  }
  return plan;
}

function main(argv: string[]): number {
  const file = argv[0];
  if (!file || file === "-h" || file === "--help") {
    process.stdout.write(
      "usage: pulumi-bandwidth-migrate STACK_EXPORT.json > import.json\n" +
        "Reads a dynamic stack's `pulumi stack export` and prints a `pulumi import --file` for the native stack; " +
        "the commands to run are printed on stderr.\n",
    );
    return file ? 0 : 2;
  }
  const plan = migrationPlan(JSON.parse(readFileSync(file === "-" ? 0 : file, "utf8")));
  process.stdout.write(`${JSON.stringify({ resources: plan.resources }, null, 2)}\n`);
  const say = (line: string) => process.stderr.write(`${line}\n`);
  for (const r of plan.refused) say(`not moved: ${r.urn}: ${r.reason}`);
  say("1. in the native stack: pulumi import --file import.json --protect=false --out <program file>");
  say("   (then add the generated program to the native stack's and check `pulumi preview` shows no change)");
  say("2. in the dynamic stack, only once the import succeeded (forgets without deleting anything):");
  for (const urn of plan.forget) say(`   pulumi state delete '${urn}' --yes`);
  say("   and remove those resources from the dynamic stack's program before its next `pulumi up`.");
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
