// Numbers for a contact centre, managed from git. Every change is a pull request: CI posts `pulumi preview`, and
// merging to main runs `pulumi up`. Credentials live in Pulumi.<stack>.yaml, encrypted.
import * as pulumi from "@pulumi/pulumi";
import * as bw from "pulumi-bandwidth";

const config = new pulumi.Config();
const lines =
  config.requireObject<{ name: string; areaCode: string | number; quantity: number; applicationId: string }[]>("lines");

export const numbers: Record<string, pulumi.Output<string[]>> = {};
for (const line of lines) {
  const order = new bw.PhoneNumberOrder(
    line.name,
    { siteId: config.require("siteId"), areaCode: String(line.areaCode), quantity: line.quantity, name: line.name },
    { protect: true }, // a merge that drops a line must not release numbers customers call without a second look
  );
  for (let i = 0; i < line.quantity; i++) {
    new bw.VoiceImport(`${line.name}-${i}`, {
      number: order.e164Numbers.apply((n) => n[i]),
      applicationId: line.applicationId,
    });
  }
  numbers[line.name] = order.e164Numbers;
}
