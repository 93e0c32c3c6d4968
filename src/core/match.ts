import type { Value } from "./value.js";

/** Three-valued result: an unknown part of a value can make a comparison undecidable. */
export type Tri = "yes" | "no" | "maybe";

/**
 * A pattern compiled to code units: a character, ANY (IAM's `?`) or STAR (`*`, or an unknown part
 * of a value). Matched with the two-pointer wildcard algorithm, which backtracks only to the last
 * star: at most pattern × text steps, where a regular expression of many stars takes exponential
 * time on a text a pull request chooses.
 */
const STAR = -1;
const ANY = -2;

function units(text: string, glob: boolean, out: number[] = []): number[] {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(glob && c === 42 ? STAR : glob && c === 63 ? ANY : c);
  }
  return out;
}

function compile(v: Value, glob: boolean): number[] | undefined {
  if (v.kind === "string") return units(v.value, glob);
  if (v.kind !== "template") return undefined;
  const out: number[] = [];
  for (const p of v.parts) {
    if (typeof p === "string") units(p, glob, out);
    else out.push(STAR);
  }
  return out;
}

/** Whether compiled `pattern` matches all of `text`. */
export function wildcardMatch(pattern: ArrayLike<number>, text: string): boolean {
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < text.length) {
    const p = i < pattern.length ? pattern[i] : undefined;
    if (p !== undefined && (p === ANY || p === text.charCodeAt(j))) {
      i++;
      j++;
    } else if (p === STAR) {
      star = i++;
      mark = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (i < pattern.length && pattern[i] === STAR) i++;
  return i === pattern.length;
}

/** A text whose `hole` characters each stand for any run of characters, as a compiled pattern. */
export function holePattern(text: string, hole: string): number[] {
  const code = hole.charCodeAt(0);
  return units(text, false).map((c) => (c === code ? STAR : c));
}

/** Whether `v` equals `text` (StringEquals), or matches it as an IAM glob when `glob` (StringLike). */
export function matchValue(v: Value, text: string, glob = false): Tri {
  // The common case, a known string compared for equality, needs no pattern.
  if (v.kind === "string" && (!glob || !/[*?]/.test(v.value))) return v.value === text ? "yes" : "no";
  const pattern = compile(v, glob);
  if (!pattern) return v.kind === "unknown" ? "maybe" : "no";
  if (!wildcardMatch(pattern, text)) return "no";
  return v.kind === "string" ? "yes" : "maybe";
}

/** Whether an IAM glob (`*`, `?`) matches `text`, case-insensitively where IAM does. */
export function globMatches(pattern: string, text: string, caseInsensitive = false): boolean {
  const cache = caseInsensitive ? globsIgnoringCase : globs;
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    // Rules match the same few patterns against thousands of names: look at each once.
    if (cache.size >= 4096) cache.clear();
    compiled = /[*?]/.test(pattern) ? Int32Array.from(units(caseInsensitive ? pattern.toLowerCase() : pattern, true)) : { lower: pattern.toLowerCase(), ascii: /^[\x00-\x7f]*$/.test(pattern) };
    cache.set(pattern, compiled);
  }
  if (compiled instanceof Int32Array) return wildcardMatch(compiled, caseInsensitive ? text.toLowerCase() : text);
  if (pattern === text || !caseInsensitive) return pattern === text;
  // Nothing lowercases to ASCII text of another length: most names are told apart without lowercasing.
  return !(compiled.ascii && text.length !== pattern.length) && compiled.lower === text.toLowerCase();
}

/** Compiled patterns; for a pattern without wildcards, compared as text, its lowercase. */
type CompiledGlob = Int32Array | { lower: string; ascii: boolean };
const globs = new Map<string, CompiledGlob>();
const globsIgnoringCase = new Map<string, CompiledGlob>();

/** Three-valued OR: "yes" if either is, "no" if both are. */
export function or(a: Tri, b: Tri): Tri {
  return a === "yes" || b === "yes" ? "yes" : a === "no" ? b : "maybe";
}

/** Three-valued AND: "no" if either is, "yes" if both are. */
export function and(a: Tri, b: Tri): Tri {
  return a === "no" || b === "no" ? "no" : a === "yes" ? b : "maybe";
}

export function not(t: Tri): Tri {
  return t === "yes" ? "no" : t === "no" ? "yes" : "maybe";
}

/** OR of all, stopping at the first "yes". */
export function anyTri(results: Iterable<Tri>): Tri {
  let result: Tri = "no";
  for (const r of results) if ((result = or(result, r)) === "yes") break;
  return result;
}

/** AND of all, stopping at the first "no" (with generators, the tests after it never run). */
export function allTri(results: Iterable<Tri>): Tri {
  let result: Tri = "yes";
  for (const r of results) if ((result = and(result, r)) === "no") break;
  return result;
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
export function editDistance(a: string | readonly string[], b: string | readonly string[], limit = Infinity): number {
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

/**
 * How far a name may be from a candidate to suggest it: a cut suffix ("-prod" of "-production"),
 * one word of it changed by up to a quarter of the length (at least 3), or typos of 2 letters
 * anywhere. A name of another region is another deployment's role, never a typo: -1.
 */
export function suggestionLimit(target: string, candidate: string): number {
  const regions = (s: string) => s.match(REGION)?.join(" ") ?? "";
  if (regions(target) !== regions(candidate)) return -1;
  if (target.startsWith(candidate) || candidate.startsWith(target)) return Math.abs(target.length - candidate.length);
  const words = (s: string) => s.split(/[-_./]+/);
  return editDistance(words(target), words(candidate), 1) <= 1 ? Math.max(3, Math.floor(Math.max(target.length, candidate.length) / 4)) : 2;
}

const REGION = /\b(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov)?-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d\b/g;

/** The candidate closest to `target`, when close enough to be the name the user meant. */
export function closest(target: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of shortlist(target, [...candidates], 64)) {
    const allowed = suggestionLimit(target, c);
    if (allowed < 0) continue;
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

/**
 * Whether two compiled patterns (STAR for any run, ANY for one character) can match one same
 * text: `*-argocd` and `prod-*` can, `karpenter-node-*` and `*-argocd` cannot. Each pattern's
 * unknown parts are independent here, which can only say "can" more often: sound for a maybe.
 */
export function patternsIntersect(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const width = b.length + 1;
  // seen[i * width + j]: the suffixes a[i:] and b[j:] were already shown unable to meet.
  const failed = new Uint8Array((a.length + 1) * width);
  const stack: Array<[number, number]> = [[0, 0]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    if (failed[i * width + j]) continue;
    failed[i * width + j] = 1;
    if (i === a.length && j === b.length) return true;
    const x = i < a.length ? a[i] : undefined;
    const y = j < b.length ? b[j] : undefined;
    if (x === STAR) {
      stack.push([i + 1, j]);
      if (y !== undefined) stack.push([i, j + 1]);
    } else if (y === STAR) {
      stack.push([i, j + 1]);
      if (x !== undefined) stack.push([i + 1, j]);
    } else if (x !== undefined && y !== undefined && (x === y || x === ANY || y === ANY)) stack.push([i + 1, j + 1]);
  }
  return false;
}

/** A value's text as a pattern whose unknown parts are STAR (no IAM wildcards): undefined when wholly unknown. */
export function namePattern(v: Value): number[] | undefined {
  return compile(v, false);
}

/** A text with `hole` characters for unknown runs, followed by any run when `open` (a name prefix), as a pattern. */
export function openPattern(text: string, hole: string, open: boolean): number[] {
  const p = holePattern(text, hole);
  if (open) p.push(STAR);
  return p;
}

/** An IAM glob (`*`, `?`) as a compiled pattern. */
export function globPattern(text: string): number[] {
  return units(text, true);
}
