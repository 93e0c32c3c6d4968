/**
 * Config `include`/`exclude` globs: `**` (any folders), `*` and `?` (within a name), `[a-z]`/`[!x]`,
 * `{a,b}`; dot files match. Matched by backtracking to the last star only, at most pattern × path
 * steps at each of the two levels: a config in a pull request cannot make matching take exponential
 * time, as a regular expression compiled from `*a*a*a*a*b` can.
 */
type Unit = { kind: "char"; code: number } | { kind: "any" } | { kind: "star" } | { kind: "class"; negate: boolean; ranges: Array<[number, number]> };
type Segment = { kind: "globstar" } | { kind: "name"; units: Unit[] };

/** Brace alternatives a pattern may expand to: enough for any real config. */
const MAX_ALTERNATIVES = 256;

export function compileGlobs(patterns: string[]): (path: string) => boolean {
  const compiled = patterns.flatMap(expandBraces).map(compileSegments);
  return (path) => {
    const names = path.split("/");
    return compiled.some((segments) => matchSequence(segments, names, (s, name) => s.kind === "globstar" || matchName(s.units, name), (s) => s.kind === "globstar"));
  };
}

function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf("{");
  if (open < 0) return [pattern];
  let depth = 0;
  const cuts: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length && close < 0; i++) {
    if (pattern[i] === "{") depth++;
    else if (pattern[i] === "}" && --depth === 0) close = i;
    else if (pattern[i] === "," && depth === 1) cuts.push(i);
  }
  if (close < 0 || cuts.length === 0) return [pattern];
  const bounds = [open, ...cuts, close];
  const out: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    for (const rest of expandBraces(pattern.slice(0, open) + pattern.slice(bounds[i] + 1, bounds[i + 1]) + pattern.slice(close + 1))) {
      out.push(rest);
      if (out.length > MAX_ALTERNATIVES) throw new RangeError(`glob ${pattern} has more than ${MAX_ALTERNATIVES} alternatives`);
    }
  }
  return out;
}

function compileSegments(pattern: string): Segment[] {
  return pattern
    .replace(/^\.\//, "")
    .split("/")
    .map((name): Segment => (name === "**" ? { kind: "globstar" } : { kind: "name", units: compileName(name) }));
}

function compileName(name: string): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === "*") {
      if (units[units.length - 1]?.kind !== "star") units.push({ kind: "star" });
    } else if (c === "?") units.push({ kind: "any" });
    else if (c === "[" && name.indexOf("]", i + 2) > 0) {
      const end = name.indexOf("]", i + 2);
      let body = name.slice(i + 1, end);
      const negate = body[0] === "!" || body[0] === "^";
      if (negate) body = body.slice(1);
      const ranges: Array<[number, number]> = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === "-" && k + 2 < body.length) {
          ranges.push([body.charCodeAt(k), body.charCodeAt(k + 2)]);
          k += 2;
        } else ranges.push([body.charCodeAt(k), body.charCodeAt(k)]);
      }
      units.push({ kind: "class", negate, ranges });
      i = end;
    } else if (c === "\\" && i + 1 < name.length) units.push({ kind: "char", code: name.charCodeAt(++i) });
    else units.push({ kind: "char", code: name.charCodeAt(i) });
  }
  return units;
}

function matchName(units: Unit[], name: string): boolean {
  const chars = Array.from({ length: name.length }, (_, i) => name.charCodeAt(i));
  return matchSequence(units, chars, matchUnit, (u) => u.kind === "star");
}

function matchUnit(u: Unit, code: number): boolean {
  if (u.kind === "any") return true;
  if (u.kind === "char") return u.code === code;
  if (u.kind === "class") return u.ranges.some(([a, b]) => code >= a && code <= b) !== u.negate;
  return false;
}

/** The two-pointer wildcard algorithm over any sequence: a star matches any run of items. */
function matchSequence<P, T>(pattern: P[], items: T[], matches: (p: P, item: T) => boolean, isStar: (p: P) => boolean): boolean {
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < items.length) {
    if (i < pattern.length && isStar(pattern[i])) {
      star = i++;
      mark = j;
    } else if (i < pattern.length && matches(pattern[i], items[j])) {
      i++;
      j++;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (i < pattern.length && isStar(pattern[i])) i++;
  return i === pattern.length;
}
