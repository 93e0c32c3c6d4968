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
  /**
   * `unchecked`: the file may bear on IRSA but was not read (too large, binary, a symlink refused,
   * a Helm template): every format says so. Other skips are files that cannot bear on IRSA.
   */
  | { file: string; status: "skipped"; reason: string; unchecked?: true | "template" }
  | { file: string; status: "failed"; reason: string; location: SourceLocation };

/**
 * Input past one of irsa-lint's limits (nesting, alias expansion): thrown where it is found, it
 * makes the file, or the Terraform root, "not checked" at that position, never a crash.
 */
export class InputLimitError extends Error {
  constructor(
    message: string,
    readonly location: SourceLocation,
  ) {
    super(message);
  }
}
