import type { Value } from "../core/value.js";

/**
 * A policy's size as IAM counts it against its quotas: the JSON text without whitespace. Unknown
 * parts count as nothing, so a partly known policy gives a lower bound (`exact` false), never a guess.
 */
export function policySize(v: Value): { chars: number; exact: boolean } {
  // A string is the JSON text IAM receives (jsonencode's, a data source's, a file's).
  if (v.kind === "string") return { chars: withoutWhitespace(v.value), exact: true };
  if (v.kind === "template" && v.json) return structureSize(v.json);
  return structureSize(v);
}

function structureSize(v: Value): { chars: number; exact: boolean } {
  let exact = true;
  const size = (x: Value): number => {
    switch (x.kind) {
      case "string":
        return withoutWhitespace(JSON.stringify(x.value));
      case "number":
      case "bool":
        return String(x.value).length;
      case "null":
        return 4;
      case "list":
        return 2 + x.items.reduce((n, item) => n + size(item), 0) + Math.max(0, x.items.length - 1);
      case "object":
        return 2 + [...x.entries].reduce((n, [key, item]) => n + withoutWhitespace(JSON.stringify(key)) + 1 + size(item), 0) + Math.max(0, x.entries.size - 1);
      case "template":
        exact = false;
        return 2 + x.parts.reduce((n, p) => n + (typeof p === "string" ? withoutWhitespace(JSON.stringify(p).slice(1, -1)) : 0), 0);
      case "unknown":
        exact = false;
        return 0;
    }
  };
  const chars = size(v);
  return { chars, exact };
}

function withoutWhitespace(text: string): number {
  let n = 0;
  for (const c of text) if (!/\s/.test(c)) n++;
  return n;
}
