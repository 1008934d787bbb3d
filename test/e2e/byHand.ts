// What a person does outside any stack, over HTTP with the account's own credentials: the orders the import tests adopt.
import type { RunningEmulator } from "../../emulator";

/** Places an order the way a person would outside any stack: a token, then the order, over HTTP. */
export async function orderByHand(emu: RunningEmulator, areaCode: string, quantity: number): Promise<string> {
  const c = emu.credentials;
  const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString("base64");
  const tokenRes = await fetch(emu.tokenUrl, {
    method: "POST",
    headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  const { access_token } = (await tokenRes.json()) as { access_token: string };
  const res = await fetch(`${emu.dashboardUrl}/accounts/${c.accountId}/orders`, {
    method: "POST",
    headers: { Authorization: `Bearer ${access_token}`, "Content-Type": "application/xml" },
    body:
      `<Order><Name>by hand</Name><SiteId>${c.siteId}</SiteId><AreaCodeSearchAndOrderType>` +
      `<AreaCode>${areaCode}</AreaCode><Quantity>${quantity}</Quantity></AreaCodeSearchAndOrderType></Order>`,
  });
  const body = await res.text();
  const id = /<(?:id|OrderId)>([^<]+)</.exec(body)?.[1];
  if (res.status !== 201 || !id) throw new Error(`order by hand refused: ${res.status} ${body}`);
  return id;
}
