/** Deeper than this, a file is not configuration but an attack on the parser. */
export const MAX_NESTING = 512;

/**
 * The offset of the first bracket that nests deeper than `limit`, counting `[`, `{` and `(` outside
 * double-quoted strings and `#` comments. Parsers recurse once per level and overflow the stack
 * after a few thousand, at a depth that differs between the main thread and a worker: a fixed
 * limit gives every thread the same verdict. It is a guard against hostile nesting, not a parser:
 * brackets in single-quoted YAML count, and a `#` inside a plain YAML scalar hides the rest of its line.
 */
export function excessiveNesting(text: string, limit = MAX_NESTING): number | undefined {
  if (text.length <= limit) return undefined;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A double-quoted string: skip to its end, past escaped characters.
      for (i++; i < text.length; i++) {
        const q = text.charCodeAt(i);
        if (q === 92) i++;
        else if (q === 34 || q === 10) break;
      }
    } else if (c === 91 || c === 123 || c === 40) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125 || c === 41) {
      if (depth > 0) depth--;
    } else if (c === 35) {
      const eol = text.indexOf("\n", i);
      i = eol < 0 ? text.length : eol;
    }
  }
  return undefined;
}
