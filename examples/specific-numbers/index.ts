// Specific numbers: pick them with a search (or list them yourself), order exactly those. Adding a number to the
// list orders just that number on the next `pulumi up`; removing one disconnects just that number.
import * as pulumi from "@pulumi/pulumi";
import * as bw from "pulumi-bandwidth";

const config = new pulumi.Config();

// A fixed list keeps the stack declarative: the search below only runs when no list is configured, and its result
// should then be pinned into config (`pulumi config set --path 'numbers[0]' ...`) so later runs do not pick anew.
const configured = config.getObject<string[]>("numbers");
const chosen: pulumi.Input<string[]> =
  configured ??
  bw
    .getAvailableNumbers({ npaNxx: config.get("npaNxx") ?? "919230", quantity: 2 })
    .then((found) => found.map((n) => n.e164));

const numbers = new bw.PhoneNumberOrder(
  "reserved-lines",
  {
    siteId: config.get("siteId") ?? "461",
    telephoneNumbers: chosen,
    name: "pulumi-bandwidth specific numbers",
  },
  { protect: config.getBoolean("protect") ?? false },
);

export const telephoneNumbers = numbers.e164Numbers;
