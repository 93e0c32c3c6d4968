/**
 * Text from a scanned repository (file names, YAML values, config keys) reaches terminals and CI
 * logs. A pull request controls that text: a newline in it forges a workflow command (`::error`,
 * `::add-mask::`), an escape sequence rewrites the terminal, a bidirectional override hides code.
 * `visible` shows every such character as an escape instead, so one string is always one line.
 */
// C0 controls but tab, DEL, C1 controls, line/paragraph separators, bidirectional controls, BOM.
const INVISIBLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
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
 * The GitHub runner treats any output line that starts with `::` (after leading spaces) as a
 * workflow command. Lines of a report that begin with text from the repository (a file name) are
 * made to begin with something else; irsa-lint's own commands are written by the `github` format.
 */
export function guardLine(line: string): string {
  return /^\s*::/.test(line) ? line.replace("::", "\\x3a:") : line;
}

/** Shorter texts computed from a file are too common to tell apart from ordinary names: not tracked. */
export const MIN_TRACKED = 8;

/** Replaces, in a message, every text computed from a file by its first characters. */
export function elideFileText(text: string, tainted: ReadonlySet<string>): string {
  if (text.length < MIN_TRACKED) return text;
  let out = text;
  for (const t of tainted) if (out.includes(t)) out = out.split(t).join(`${t.slice(0, 4)}…(file text not shown)`);
  return out;
}
