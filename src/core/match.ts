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
  // The common case, a known string compared for equality, needs no regular expression.
  if (v.kind === "string" && (!glob || !/[*?]/.test(v.value))) return v.value === text ? "yes" : "no";
  const re = compile(v, glob);
  if (!re) return v.kind === "unknown" ? "maybe" : "no";
  if (!re.test(text)) return "no";
  return v.kind === "string" ? "yes" : "maybe";
}

/** Whether an IAM glob (`*`, `?`) matches `text`, case-insensitively where IAM does. */
export function globMatches(pattern: string, text: string, caseInsensitive = false): boolean {
  if (!/[*?]/.test(pattern)) return caseInsensitive ? pattern.toLowerCase() === text.toLowerCase() : pattern === text;
  const key = `${caseInsensitive ? "i" : "s"}${pattern}`;
  let re = globCache.get(key);
  if (!re) {
    // Rules match the same few patterns against thousands of names: compile each once.
    if (globCache.size >= 4096) globCache.clear();
    re = new RegExp(`^${globToRegex(pattern)}$`, caseInsensitive ? "i" : "");
    globCache.set(key, re);
  }
  return re.test(text);
}

const globCache = new Map<string, RegExp>();

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

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    let rowMin = prev[0];
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
      if (prev[j] < rowMin) rowMin = prev[j];
    }
    if (rowMin > limit) return limit + 1;
  }
  return prev[b.length];
}

/** The candidate closest to `target`, when close enough to be the name the user meant. */
export function closest(target: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of shortlist(target, [...candidates], 64)) {
    // Half the length tolerates a dropped environment suffix ("-prod" for "-production").
    const allowed = Math.max(3, Math.floor(Math.max(target.length, c.length) / 2));
    const d = editDistance(target, c, Math.min(allowed, bestDistance));
    if (d <= allowed && (d < bestDistance || (d === bestDistance && c < best!))) [best, bestDistance] = [c, d];
  }
  return best;
}

/**
 * Edit distance to thousands of names is slow: the `size` candidates sharing the longest prefix
 * and suffix with `target`, the earlier ones among equals. Scores are small integers: counting
 * them finds the cut without sorting every candidate, once per dangling name.
 */
function shortlist(target: string, candidates: string[], size: number): string[] {
  if (candidates.length <= size) return candidates;
  const scores = candidates.map((c) => sharedPrefix(target, c) + sharedSuffix(target, c));
  const counts = new Array<number>(2 * target.length + 1).fill(0);
  for (const score of scores) counts[score]++;
  // The lowest score on the list: everything above it, then the first ones at it.
  let cut = counts.length - 1;
  let above = 0;
  while (above + counts[cut] < size) above += counts[cut--];
  let room = size - above;
  return candidates.filter((_, i) => scores[i] > cut || (scores[i] === cut && room-- > 0));
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function sharedSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}
