/**
 * The Numbers API's XML, read safely and written escaped. Reading never expands entities (only the five standard
 * escapes and character references are decoded), keeps every value a string, always turns known list elements into
 * arrays, and folds the API's inconsistent element spellings onto one canonical name.
 */
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import type { ApiErrorDetail } from "../http/errors";
import { MalformedResponseError } from "../http/errors";

/** A parsed element: text, a node of children, or repeated elements. */
export type XmlValue = string | XmlNode | XmlValue[];

/** Children of an element, by canonical name. */
export interface XmlNode {
  [name: string]: XmlValue;
}

/** Bodies larger than this are refused unread. */
export const MAX_XML_BYTES = 10 * 1024 * 1024;

/** Elements that may repeat: always read as arrays, even when only one is present. */
export const LIST_ELEMENTS: ReadonlySet<string> = new Set([
  "TelephoneNumber",
  "FullNumber",
  "Error",
  "OrderIdUserIdDate",
  "TelephoneNumberDetail",
  "ReservationId",
  "TnAttribute",
]);

// Spellings that differ by more than the first letter's case.
const ALIASES: Readonly<Record<string, string>> = {
  LATA: "Lata",
  NpaNxxx: "NpaNxxX",
};

/**
 * The canonical spelling of an element name: `id`/`Id` → `Id`, `orderId` → `OrderId`, `name` → `Name`,
 * `orderRequest` → `OrderRequest`, `LATA` → `Lata`. Bandwidth's names are PascalCase apart from these quirks.
 */
export function canonicalName(tag: string): string {
  const alias = ALIASES[tag];
  if (alias) return alias;
  return tag.length > 0 ? tag[0].toUpperCase() + tag.slice(1) : tag;
}

const STANDARD_ESCAPES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes the five standard XML escapes and numeric character references in one pass; leaves others as written. */
export function decodeXmlEscapes(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code =
        ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return STANDARD_ESCAPES[ref] ?? whole;
  });
}

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // No entity expansion at all (no DOCTYPE or custom entities); standard escapes are decoded below.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  transformTagName: canonicalName,
  isArray: (tagName: string) => LIST_ELEMENTS.has(tagName),
  tagValueProcessor: (_name: string, value: string) => decodeXmlEscapes(value),
});

/** Parses an XML body; throws MalformedResponseError when it is oversized or not XML. Empty bodies read as {}. */
export function readXml(body: string, maxBytes: number = MAX_XML_BYTES): XmlNode {
  if (Buffer.byteLength(body, "utf8") > maxBytes) {
    throw new MalformedResponseError(`XML body exceeds ${maxBytes} bytes`);
  }
  if (body.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = parser.parse(body);
  } catch (err) {
    throw new MalformedResponseError(`unreadable XML (${err instanceof Error ? err.message : String(err)})`);
  }
  if (typeof parsed !== "object" || parsed === null) throw new MalformedResponseError("unreadable XML");
  return parsed as XmlNode;
}

function asNode(value: XmlValue | undefined): XmlNode | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return asNode(value[0]);
  if (typeof value === "string") return value === "" ? {} : undefined;
  return value;
}

/** The first child element of that name, as a node (an empty element reads as {}). */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return asNode(node?.[canonicalName(name)]);
}

/** Follows a path of element names, taking the first element at each step. */
export function descend(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  let current = node;
  for (const name of names) current = child(current, name);
  return current;
}

/** Every child element of that name, whether the body held one or many. */
export function list(node: XmlNode | undefined, name: string): XmlValue[] {
  const value = node?.[canonicalName(name)];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Every child element of that name, as nodes. */
export function nodes(node: XmlNode | undefined, name: string): XmlNode[] {
  return list(node, name)
    .map((v) => asNode(v))
    .filter((v): v is XmlNode => v !== undefined);
}

/** The text of the first child element of that name (undefined when absent, "" when empty). */
export function text(node: XmlNode | undefined, name: string): string | undefined {
  const first = list(node, name)[0];
  return typeof first === "string" ? first : undefined;
}

/** The texts of every child element of that name. */
export function texts(node: XmlNode | undefined, name: string): string[] {
  return list(node, name).filter((v): v is string => typeof v === "string" && v !== "");
}

/**
 * Parses a date leniently: ISO 8601 with or without zone, "YYYY-MM-DD hh:mm:ss", US "MM/DD/YYYY", epoch seconds or
 * milliseconds. Never throws; undefined when unparseable.
 */
export function parseDate(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const s = value.trim();
  if (s === "") return undefined;
  let ms: number;
  if (/^\d{9,10}$/.test(s)) ms = Number(s) * 1000;
  else if (/^\d{12,13}$/.test(s)) ms = Number(s);
  else if (/^\d{4}-\d{2}-\d{2} \d/.test(s)) ms = Date.parse(s.replace(" ", "T"));
  else ms = Date.parse(s);
  if (Number.isNaN(ms)) return undefined;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A lenient date as an ISO 8601 string (plain JSON for Pulumi outputs), or undefined. */
export function isoDate(value: string | undefined): string | undefined {
  return parseDate(value)?.toISOString();
}

/** What the writer accepts: text, nested elements, or arrays for repeated elements; undefined is left out. */
export type XmlInput = string | number | boolean | undefined | XmlInput[] | { [name: string]: XmlInput };

const builder = new XMLBuilder({ format: false, processEntities: true, suppressEmptyNode: false });

function prune(value: XmlInput): XmlInput {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(prune);
  if (typeof value === "object" && value !== null) {
    const out: { [name: string]: XmlInput } = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = prune(v);
    return out;
  }
  return typeof value === "boolean" || typeof value === "number" ? String(value) : value;
}

/** Writes one root element with an XML declaration; text is escaped, undefined children are left out. */
export function writeXml(root: string, content: { [name: string]: XmlInput }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [root]: prune(content) })}`;
}

function detailFrom(code: string | undefined, description: string | undefined, tn?: string): ApiErrorDetail {
  const detail: ApiErrorDetail = { code: code ?? "", description: description ?? "" };
  if (tn) detail.telephoneNumber = tn;
  return detail;
}

/**
 * Every error a Numbers API body reports, wherever it sits: `ErrorList/Error`, a bare `Error`, or
 * `ResponseStatus/ErrorCode`. A body with several errors yields all of them, in document order.
 */
export function readErrorDetails(doc: XmlNode): ApiErrorDetail[] {
  const found: ApiErrorDetail[] = [];
  const walk = (node: XmlNode): void => {
    for (const [name, value] of Object.entries(node)) {
      // A move order's 400 writes each error as `<Errors><Code/><Description/></Errors>` (numbers.yml CreateMoveTnsOrder).
      const bareErrors = name === "Errors" ? nodes(node, "Errors").filter((e) => text(e, "Code") !== undefined) : [];
      if (name === "Error" || bareErrors.length > 0) {
        for (const e of name === "Error" ? nodes(node, "Error") : bareErrors) {
          const code = text(e, "Code") ?? text(e, "ErrorCode");
          // An error may name several numbers under <TelephoneNumbers> (a move order's): one entry for each.
          const tns = [...texts(e, "TelephoneNumber"), ...texts(child(e, "TelephoneNumbers"), "TelephoneNumber")];
          if (tns.length === 0) found.push(detailFrom(code, text(e, "Description")));
          for (const tn of tns) found.push(detailFrom(code, text(e, "Description"), tn));
        }
      } else if (name === "ResponseStatus") {
        const status = child(node, "ResponseStatus");
        const code = text(status, "ErrorCode");
        const description = text(status, "Description");
        if (code || description) found.push(detailFrom(code, description));
      } else {
        for (const item of Array.isArray(value) ? value : [value]) {
          if (typeof item === "object" && !Array.isArray(item)) walk(item);
        }
      }
    }
  };
  walk(doc);
  return found;
}

/** The transport's error extractor for the Numbers API: tolerant of empty and non-XML bodies. */
export function describeXmlErrors(body: string): ApiErrorDetail[] {
  if (!body.trim().startsWith("<")) return [];
  try {
    return readErrorDetails(readXml(body));
  } catch {
    return [];
  }
}
