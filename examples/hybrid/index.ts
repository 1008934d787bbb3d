// The hybrid stack: order numbers by area code on the Numbers API, import each into a Voice & Messaging v1
// application, export them. `pulumi destroy` un-imports every number, then disconnects them.
import * as pulumi from "@pulumi/pulumi";
import * as bw from "pulumi-bandwidth";

const config = new pulumi.Config();
const quantity = config.getNumber("quantity") ?? 2;

const numbers = new bw.PhoneNumberOrder("numbers", {
  siteId: config.get("siteId") ?? "461",
  peerId: config.get("peerId"),
  areaCode: config.get("areaCode") ?? "919",
  quantity,
  name: config.get("orderName") ?? "pulumi-bandwidth hybrid example",
  timeoutSeconds: config.getNumber("timeoutSeconds"),
});

// Each import takes its number from the order's output, so destroy un-imports before it disconnects.
const imports = Array.from(
  { length: quantity },
  (_, i) =>
    new bw.VoiceImport(`voice-${i}`, {
      number: numbers.e164Numbers.apply((n) => n[i]),
      applicationId: config.get("applicationId") ?? "a-demo-application",
      name: `line ${i + 1}`,
    }),
);

export const telephoneNumbers = numbers.e164Numbers;
export const orderIds = numbers.orderIds;
export const orderStatus = numbers.orderStatus;
export const voiceNumberIds = imports.map((v) => v.numberId);
