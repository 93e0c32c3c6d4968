import type { Value } from "./value.js";

/** Three-valued result: an unknown part of a value can make a comparison undecidable. */
export type Tri = "yes" | "no" | "maybe";

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const globToRegex = (s: string) => escapeRegex(s).replace(/\\\*/g, "[\\s\\S]*").replace(/\\\?/g, "[\\s\\S]");

function compile(v: Value, glob: boolean): RegExp | undefined {
  const lit = glob ? globToRegex : escapeRegex;
  if (v.kind === "string") return new RegExp(`^${lit(v.value)}$`);
  if (v.kind === "template") {
    const body = v.parts.map((p) => (typeof p === "string" ? lit(p) : "[\\s\\S]*")).join("");
    return new RegExp(`^${body}$`);
  }
  return undefined;
}

/** Whether `v` equals `text` (StringEquals), or matches it as an IAM glob when `glob` (StringLike). */
export function matchValue(v: Value, text: string, glob = false): Tri {
  const re = compile(v, glob);
  if (!re) return v.kind === "unknown" ? "maybe" : "no";
  if (!re.test(text)) return "no";
  return v.kind === "string" ? "yes" : "maybe";
}

/** Whether an IAM glob (`*`, `?`) matches `text`, case-insensitively where IAM does. */
export function globMatches(pattern: string, text: string, caseInsensitive = false): boolean {
  return new RegExp(`^${globToRegex(pattern)}$`, caseInsensitive ? "i" : "").test(text);
}

export function anyTri(results: Iterable<Tri>): Tri {
  let maybe = false;
  for (const r of results) {
    if (r === "yes") return "yes";
    if (r === "maybe") maybe = true;
  }
  return maybe ? "maybe" : "no";
}

/** Whether a partially known string ends with a known suffix (e.g. a condition key ending in ":sub"). */
export function endsWithKnown(v: Value, suffix: string): boolean {
  if (v.kind === "string") return v.value.endsWith(suffix);
  if (v.kind === "template") {
    const last = v.parts[v.parts.length - 1];
    return typeof last === "string" && last.endsWith(suffix);
  }
  return false;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

export function closest(target: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(target, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  // Half the length tolerates a dropped environment suffix ("-prod" for "-production").
  return best !== undefined && bestDistance <= Math.max(3, Math.floor(Math.max(target.length, best.length) / 2)) ? best : undefined;
}
