import type { RunningEmulator } from "../../../emulator";
import { basic, type Reply } from "./calls";

/** A bearer token from the emulator's OAuth endpoint for the account's client credentials. */
export async function bearer(
  emu: RunningEmulator,
  creds: { clientId: string; clientSecret: string } = emu.credentials,
): Promise<string> {
  const res = await fetch(emu.tokenUrl, {
    method: "POST",
    headers: {
      authorization: basic(creds.clientId, creds.clientSecret),
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  const json = (await res.json()) as { access_token: string };
  return `Bearer ${json.access_token}`;
}

/** A JSON call at the API host's root (the Universal Platform's `/v2/...`). */
export async function platformCall(
  emu: RunningEmulator,
  authorization: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Reply & { json: unknown }> {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: { authorization, "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, body: text, json };
}

/** An XML call on the Numbers API with a bearer token. */
export async function numbersBearerCall(
  emu: RunningEmulator,
  authorization: string,
  method: string,
  path: string,
  body?: string,
): Promise<Reply> {
  const res = await fetch(`${emu.dashboardUrl}${path}`, {
    method,
    headers: { authorization, "content-type": "application/xml" },
    body,
  });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** A Voice-V2 application created over the provisioning API; its id. */
export async function voiceApplication(emu: RunningEmulator, authorization: string): Promise<string> {
  const res = await numbersBearerCall(
    emu,
    authorization,
    "POST",
    `/accounts/${emu.credentials.accountId}/applications`,
    "<Application><ServiceType>Voice-V2</ServiceType><AppName>voice</AppName>" +
      "<CallInitiatedCallbackUrl>https://example.com/voice</CallInitiatedCallbackUrl></Application>",
  );
  const id = /<ApplicationId>([^<]+)<\/ApplicationId>/.exec(res.body)?.[1];
  if (res.status !== 201 || !id) throw new Error(`application not created: ${res.status} ${res.body}`);
  return id;
}
