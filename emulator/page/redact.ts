/**
 * Credentials hidden from anything the emulator page shows: a v1 import's `provider` block password, v2 callback
 * passwords, OAuth client secrets and tokens, whatever format the request body is in.
 */

/** What a hidden value is replaced with. */
export const REDACTED = "[redacted]";

/** Names of fields that hold a credential, in JSON keys, XML elements and form fields alike. */
const SECRET_NAME = /pass(word)?|secret|token|authorization|credential|apikey/i;

function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, SECRET_NAME.test(key) && v !== "" ? REDACTED : redactJson(v)]),
    );
  }
  return value;
}

function redactXml(body: string): string {
  return body.replace(/<([A-Za-z][\w.-]*)(\s[^>]*)?>([^<]*)<\/\1>/g, (whole, name: string, attrs = "", text) =>
    SECRET_NAME.test(name) && text !== "" ? `<${name}${attrs}>${REDACTED}</${name}>` : whole,
  );
}

function redactForm(body: string): string {
  const form = new URLSearchParams(body);
  for (const key of [...form.keys()]) if (SECRET_NAME.test(key)) form.set(key, REDACTED);
  return form.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

/** A request body with every credential replaced by {@link REDACTED}; a body that cannot be read is hidden whole. */
export function redactBody(body: string | undefined): string | undefined {
  if (body === undefined || body.trim() === "") return body;
  const text = body.trim();
  if (text.startsWith("{") || text.startsWith("[")) {
    try {
      return JSON.stringify(redactJson(JSON.parse(text)));
    } catch {
      return SECRET_NAME.test(text) ? REDACTED : body;
    }
  }
  if (text.startsWith("<")) return redactXml(body);
  if (/^[\w.%+-]+=/.test(text)) return redactForm(text);
  return SECRET_NAME.test(text) ? REDACTED : body;
}

/** A query string with credential-named parameters replaced by {@link REDACTED}. */
export function redactQuery(query: string): string {
  return query === "" ? query : redactForm(query);
}
