/**
 * Text from a scanned repository (file names, YAML values, config keys) reaches terminals and CI
 * logs. A pull request controls that text: a newline in it forges a workflow command (`::error`,
 * `::add-mask::`), an escape sequence rewrites the terminal, a bidirectional override hides code.
 * `visible` shows every such character as an escape instead, so one string is always one line.
 */
// C0 controls but tab, DEL, C1 controls, line/paragraph separators, bidirectional controls (the
// Arabic letter mark included), zero-width characters and the word joiner, BOM.
const INVISIBLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\u001b": "\\e" };

export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** At most `max` characters of a value, for messages that quote it: the rest is elided. */
export function excerpt(text: string, max: number): string {
  const shown = visible(text);
  return shown.length <= max ? shown : `${shown.slice(0, max - 1)}…`;
}

/**
 * The GitHub runner treats an output line that starts with `::` (after leading spaces) as a
 * workflow command, and, with its legacy parser, `##[command]` anywhere in a line (it searches
 * with IndexOf). Lines of a report that begin with text from the repository (a file name) are
 * made to begin with something else, and every `##[` is broken; irsa-lint's own commands are
 * written by the `github` format.
 */
export function guardLine(line: string): string {
  const guarded = line.includes("##[") ? line.replaceAll("##[", "#\\x23[") : line;
  return /^\s*::/.test(guarded) ? guarded.replace("::", "\\x3a:") : guarded;
}

/** guardLine for every line of a text (standard error, a JSON report in a job log). */
export function guardText(text: string): string {
  return text.includes("::") || text.includes("##[") ? text.split("\n").map(guardLine).join("\n") : text;
}

/**
 * Shorter texts computed from a file are too common to find inside a message (`a`, `prod`): such
 * a text is elided only where a message quotes it whole (a value of its own).
 */
export const MIN_TRACKED = 8;

/** Replaces, in a message or a quoted value, every text computed from a file: never shown, whatever its length. */
export function elideFileText(text: string, tainted: ReadonlySet<string>): string {
  if (text.length < MIN_TRACKED) return tainted.has(text) ? "…(file text not shown)" : text;
  let out = text;
  for (const t of tainted) if (t.length >= MIN_TRACKED && out.includes(t)) out = out.split(t).join("…(file text not shown)");
  return out;
}

/**
 * A repository path as a URI path (RFC 3986): each segment percent-encoded, `#`, `?` and the
 * characters Markdown link targets end at (`(`, `)`) included, so a link always names the file.
 */
export function encodePath(path: string): string {
  return path
    .split("/")
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");
}
