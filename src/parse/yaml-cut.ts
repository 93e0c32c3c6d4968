/**
 * What to do with a mapping key's value: `true` keeps it whole, `false` cuts it, a selector
 * reads its keys in turn. `region` is the key's line and the lines of its value.
 */
export type Selector = (key: string, region: () => string) => Selector | boolean;

interface Level {
  /** Column of the key (or of the `-` of a sequence item) that opened this level; -1 for the document. */
  indent: number;
  select: Selector | boolean;
  /** Opened by a key whose value may be a sequence written at the key's own column. */
  key: boolean;
  /** Keys met at this level: a repeated one stops the cutting. */
  keys: Set<string>;
}

const PLAIN_KEY = /^([A-Za-z0-9_$][\w.\/$-]*)[ ]*:(?=[ ]|$)/;

/** A text with lines taken out, and where each of its offsets stands in the original. */
export interface CutText {
  text: string;
  original(offset: number): number;
}

/**
 * The text without the lines of the values nobody reads, and a map from its offsets back to the
 * original's, so that every position reported is the original's. The YAML parser's cost grows
 * with what it reads; a Deployment's containers, probes and env vars, or a chart's hundreds of
 * values, are most of a file and none of IRSA.
 *
 * Only plain block YAML is cut, line by line by indentation: undefined (parse it whole) for
 * anchors (an alias may name a cut anchor), tabs, directives, quoted or complex keys, a key
 * repeated in one mapping (the last wins: which one is read must not depend on cutting), and a
 * quoted or bracketed value left open at the end of its line. A key on a sequence item's `-` line
 * is never cut (the item would change shape). Mappings may end earlier than in the original:
 * readers locate keys and scalars, which keep their places.
 */
export function withoutUnread(text: string, root: Selector): CutText | undefined {
  const cuts = unreadLines(text, root);
  if (cuts === undefined) return undefined;
  if (!cuts.length) return { text, original: (o) => o };
  const cutStarts: number[] = [];
  const originalStarts: number[] = [];
  let out = "";
  let from = 0;
  for (const [s, e] of [...cuts, [text.length, text.length] as [number, number]]) {
    if (s > from) {
      cutStarts.push(out.length);
      originalStarts.push(from);
      out += text.slice(from, s);
    }
    from = e;
  }
  const original = (offset: number): number => {
    let lo = 0;
    let hi = cutStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (cutStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return cutStarts.length ? originalStarts[lo] + offset - cutStarts[lo] : offset;
  };
  return { text: out, original };
}

/** The runs of whole lines (newlines included) holding only values `root` does not read. */
function unreadLines(text: string, root: Selector): Array<[number, number]> | undefined {
  if (text.includes("&") || text.includes("\t")) return undefined;
  const cuts: Array<[number, number]> = [];
  const cut = (s: number, e: number) => {
    const last = cuts[cuts.length - 1];
    if (last && last[1] === s) last[1] = e;
    else cuts.push([s, e]);
  };
  const stack: Level[] = [{ indent: -1, select: root, key: false, keys: new Set() }];
  let first = true;
  for (let start = 0; start < text.length; ) {
    const { next, indent, rest } = lineAt(text, start);
    if (rest === "" || rest[0] === "#") {
      // Comments and empty lines close nothing: they go with the value they are in.
      if (stack[stack.length - 1].select === false) cut(start, next);
      start = next;
      continue;
    }
    if (first && indent === 0 && /^---[ ]*(#.*)?$/.test(rest)) {
      first = false;
      start = next;
      continue;
    }
    first = false;
    if (indent === 0 && (rest.startsWith("---") || rest.startsWith("...") || rest[0] === "%")) return undefined;
    const dash = startsItem(rest);
    while (stack.length > 1) {
      const top = stack[stack.length - 1];
      // A sequence may stand at its key's own column: `containers:` then `- name: api`.
      if (top.indent < indent || (top.indent === indent && dash && top.key)) break;
      stack.pop();
    }
    const context = stack[stack.length - 1];
    if (context.select === false) cut(start, next);
    if (typeof context.select !== "function") {
      start = next;
      continue;
    }
    let column = indent;
    let body = rest;
    if (dash) {
      let after = 1;
      while (body.charCodeAt(after) === 32) after++;
      body = body.slice(after);
      if (startsItem(body)) return undefined;
      stack.push({ indent, select: context.select, key: false, keys: new Set() });
      column = indent + after;
      if (body === "" || body[0] === "#") {
        start = next;
        continue;
      }
    }
    const level = stack[stack.length - 1];
    const key = PLAIN_KEY.exec(body);
    if (!key) {
      // A sequence item that is a scalar or a flow collection, whole on its line.
      if (!dash || !closedOnLine(body)) return undefined;
      start = next;
      continue;
    }
    const name = key[1];
    if (level.keys.has(name)) return undefined;
    level.keys.add(name);
    const value = body.slice(key[0].length).trimStart();
    const inline = value !== "" && value[0] !== "#";
    if (inline && !closedOnLine(value)) return undefined;
    let decision = (level.select as Selector)(name, () => text.slice(start, regionEnd(text, next, column)));
    if (dash && decision === false) decision = true;
    if (decision === false) cut(start, next);
    // A value on the key's line ends there or continues as a scalar on deeper lines: nothing to select in it.
    stack.push({ indent: column, select: inline && decision !== false ? true : decision, key: true, keys: new Set() });
    start = next;
  }
  return cuts;
}

/** Where the value of a key at `column` ends: the first later line less indented (or a sibling key). */
function regionEnd(text: string, from: number, column: number): number {
  for (let start = from; start < text.length; ) {
    const { next, indent, rest } = lineAt(text, start);
    const empty = rest === "" || rest[0] === "#";
    if (!empty && (indent < column || (indent === column && !startsItem(rest)))) return start;
    start = next;
  }
  return text.length;
}

/** The line starting at `start`: where the next begins, its indentation, and its content after it (no CR). */
function lineAt(text: string, start: number): { next: number; indent: number; rest: string } {
  const newline = text.indexOf("\n", start);
  const end = newline < 0 ? text.length : newline;
  let indent = 0;
  while (text.charCodeAt(start + indent) === 32) indent++;
  const rest = text.slice(start + indent, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
  return { next: newline < 0 ? text.length : end + 1, indent, rest };
}

/** Whether a line's content (its indentation left out) starts a block sequence item: `-` then a space or nothing. */
function startsItem(rest: string): boolean {
  return rest[0] === "-" && (rest.length === 1 || rest[1] === " ");
}

/** Whether a value that starts a line's content is complete on it: no quote or bracket left open. */
function closedOnLine(value: string): boolean {
  const c = value[0];
  if (c !== '"' && c !== "'" && c !== "[" && c !== "{") return true;
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"') {
      for (i++; i < value.length && value[i] !== '"'; i++) if (value[i] === "\\") i++;
      if (i >= value.length) return false;
    } else if (ch === "'" && (i === 0 || "[{, :".includes(value[i - 1]))) {
      for (i++; i < value.length; i++) {
        if (value[i] === "'" && value[i + 1] === "'") i++;
        else if (value[i] === "'") break;
      }
      if (i >= value.length) return false;
    } else if (ch === "[" || ch === "{") depth++;
    else if (ch === "]" || ch === "}") depth--;
    else if (ch === "#" && value[i - 1] === " ") break;
    if (depth === 0 && i > 0 && (c === '"' || c === "'" || ch === "]" || ch === "}")) return true;
  }
  return depth === 0 && c !== '"' && c !== "'";
}
