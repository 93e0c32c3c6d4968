import type { SourceLocation } from "./location.js";

/**
 * Something the tool itself has to say about an input: a parse error, a skipped file, a value it
 * could not resolve. Diagnostics are not findings: no rule produced them and they never fail a run
 * except where the user asks (`--strict`).
 */
export interface Diagnostic {
  level: "error" | "warning" | "note";
  message: string;
  location: SourceLocation;
}

export type FileStatus =
  | { file: string; status: "linted" }
  | { file: string; status: "skipped"; reason: string }
  | { file: string; status: "failed"; reason: string; location: SourceLocation };
