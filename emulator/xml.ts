import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { ApiResponse } from "./http-types";

// The Numbers API's XML reader and writer, shared with the provisioning routes (same API, same document style).

/** A parsed request element: every child name maps to its occurrences (one-element lists stay lists). */
export type XmlNode = Record<string, unknown[]>;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
  isArray: () => true,
});

/** A well-formed request body as a node of its root elements, or undefined when it is empty or not well-formed. */
export function readXml(body: string): XmlNode | undefined {
  if (body.trim() === "" || XMLValidator.validate(body) !== true) return undefined;
  return parser.parse(body) as XmlNode;
}

/** The first child element of that name; an empty element reads as {}. */
export function xmlChild(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const v = node?.[name]?.[0];
  return v !== undefined && typeof v === "object" ? (v as XmlNode) : v === "" ? {} : undefined;
}

/** The text of the first child element among `names` that is present ("" for an element holding only children). */
export function xmlText(node: XmlNode | undefined, ...names: string[]): string | undefined {
  for (const name of names) {
    const v = node?.[name]?.[0];
    if (v === undefined) continue;
    if (typeof v === "string") return v;
    const t = (v as Record<string, unknown>)["#text"];
    return typeof t === "string" ? t : Array.isArray(t) && typeof t[0] === "string" ? t[0] : "";
  }
  return undefined;
}

/** The texts of every child element of that name. */
export function xmlTexts(node: XmlNode | undefined, name: string): string[] {
  return (node?.[name] ?? []).map((v) => (typeof v === "string" ? v : ""));
}

/** A node of an XML document; `undefined`/`false` children are skipped so optional elements read naturally. */
export interface XmlElement {
  name: string;
  value?: string;
  children?: XmlChild[];
}
export type XmlChild = XmlElement | undefined | false;

/** An element with children. */
export function el(name: string, ...children: XmlChild[]): XmlElement {
  return { name, children };
}

/** A text element, or nothing when the value is undefined. */
export function tx(name: string, value: string | number | boolean | undefined): XmlElement | undefined {
  return value === undefined ? undefined : { name, value: String(value) };
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Escapes text for element content. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c]);
}

function render(node: XmlElement, depth: number, out: string[]): void {
  const pad = "    ".repeat(depth);
  const kids = (node.children ?? []).filter((c): c is XmlElement => !!c);
  if (node.value !== undefined) {
    out.push(`${pad}<${node.name}>${escapeXml(node.value)}</${node.name}>`);
  } else if (kids.length === 0) {
    out.push(`${pad}<${node.name}/>`);
  } else {
    out.push(`${pad}<${node.name}>`);
    for (const kid of kids) render(kid, depth + 1, out);
    out.push(`${pad}</${node.name}>`);
  }
}

/** Serialises a document the way Bandwidth does (standalone declaration, 4-space indent). */
export function toXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'];
  render(root, 0, out);
  return `${out.join("\n")}\n`;
}

/** Headers of every XML answer. */
export const XML_HEADERS = { "Content-Type": "application/xml; charset=utf-8" };

/** An XML answer with its headers. */
export function xmlResponse(status: number, root: XmlElement, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { ...XML_HEADERS, ...headers }, body: toXml(root) };
}
