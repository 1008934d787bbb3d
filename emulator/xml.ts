import type { ApiResponse } from "./http-types";

// The Numbers API's XML writer, shared with the provisioning routes (same API, same document style).

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
