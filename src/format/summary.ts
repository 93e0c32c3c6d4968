import type { Diagnostic, FileStatus } from "../core/diagnostic.js";
import { summarizeCoverage, type Coverage } from "../engine/coverage.js";
import type { LintResult } from "../engine/lint.js";

export interface Summary {
  errors: number;
  warnings: number;
  notes: number;
  suppressed: number;
  /** Checks that could not run (an internal error, a limit): their files may hide findings. */
  incomplete: number;
  files: { linted: number; skipped: number; failed: number; unchecked: number };
  /** What was checked: role annotations and Pod Identity associations, and what became of them. */
  links: Coverage;
}

export function summarize(result: LintResult): Summary {
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  const files = (s: string) => result.files.filter((f) => f.status === s).length;
  return {
    errors: count("error"),
    warnings: count("warning"),
    notes: count("note"),
    suppressed: result.suppressed.length,
    incomplete: incompleteChecks(result).length,
    files: { linted: files("linted"), skipped: files("skipped"), failed: files("failed"), unchecked: uncheckedFiles(result).length },
    links: summarizeCoverage(result.links),
  };
}

/**
 * Error diagnostics that are not a file's parse failure (those are the failed files): a Terraform
 * root that could not be evaluated, a limit reached, a rule that crashed. Every format shows them.
 */
export function incompleteChecks(result: LintResult): Diagnostic[] {
  const failures = new Set(result.files.map((f) => (f.status === "failed" ? failureKey(f.location, f.reason) : "")));
  return result.diagnostics.filter((d) => d.level === "error" && !failures.has(failureKey(d.location, d.message)));
}

const failureKey = (l: { file: string; line: number; column: number }, message: string) => `${l.file}:${l.line}:${l.column}:${message}`;

/** Files skipped that may bear on IRSA (too large, binary, a Helm template): every format says so. */
export function uncheckedFiles(result: LintResult): Array<Extract<FileStatus, { status: "skipped" }>> {
  return result.files.filter((f): f is Extract<FileStatus, { status: "skipped" }> => f.status === "skipped" && !!f.unchecked);
}
