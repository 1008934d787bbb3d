import { XMLParser } from "fast-xml-parser";

const parser = new XMLParser({ ignoreAttributes: true, ignoreDeclaration: true, parseTagValue: false });

function walk(value: unknown, prefix: string, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, prefix, out);
    return;
  }
  if (prefix !== "") out.add(prefix);
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (key === "#text") continue;
      walk(inner, prefix === "" ? key : `${prefix}/${key}`, out);
    }
  }
}

/** Every element path of an XML document (`Root/Child/Leaf`), case kept, repeated elements once. */
export function xmlPaths(xml: string): Set<string> {
  const out = new Set<string>();
  walk(parser.parse(xml), "", out);
  return out;
}

/** Every key path of a JSON value, as `xmlPaths` does for XML. */
export function jsonPaths(value: unknown): Set<string> {
  const out = new Set<string>();
  walk(value, "", out);
  return out;
}

/** The documented paths the other set lacks, sorted. */
export function missingPaths(documented: Set<string>, actual: Set<string>): string[] {
  return [...documented].filter((p) => !actual.has(p)).sort();
}
