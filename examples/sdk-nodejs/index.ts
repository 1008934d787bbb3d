import * as pulumi from "@pulumi/pulumi";
import * as bandwidth from "pulumi-bandwidth-sdk";

const config = new pulumi.Config();
const areaCode = config.get("areaCode") ?? "919";

const site = new bandwidth.Site("numbers", { name: "numbers" });
const order = new bandwidth.PhoneNumberOrder("numbers", {
  siteId: site.siteId,
  areaCode,
  quantity: 2,
});
const available = bandwidth.getAvailableNumbersOutput({ areaCode, quantity: 5 });

export const siteId = site.siteId;
export const numbers = order.e164Numbers;
export const stillAvailable = available.numbers;
