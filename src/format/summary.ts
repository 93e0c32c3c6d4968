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
  /** `unchecked`: skipped files that may bear on IRSA; `templates` of them Helm templates, read through their values. */
  files: { linted: number; skipped: number; failed: number; unchecked: number; templates: number };
  /** Elements rules needed and could not know (NotChecked entries): checks not made. */
  notChecked: number;
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
    files: { linted: files("linted"), skipped: files("skipped"), failed: files("failed"), unchecked: uncheckedFiles(result).length, templates: uncheckedFiles(result).filter((f) => f.unchecked === "template").length },
    notChecked: result.notChecked.length,
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

/**
 * Everything the run could not look at that may hide a finding: files that failed to parse or were
 * skipped unread, checks that could not run, elements rules could not know. `--strict` and the
 * Action's `fail-on-incomplete` fail on it; a green result is printed only when it is 0.
 */
export function uncheckedTotal(s: Summary): number {
  return s.files.failed + s.incomplete + s.files.unchecked + s.notChecked;
}

/**
 * What may hide findings and fails every surface by default (engine/gate.ts): all uncheckedTotal
 * counts but Helm templates, which irsa-lint never reads (it reads a chart through its values;
 * its rendered output can be linted): they are shown, and fail only --strict.
 */
export function incompleteTotal(s: Summary): number {
  return uncheckedTotal(s) - s.files.templates;
}

/** What incompleteTotal counts, in words. */
export function describeIncomplete(s: Summary): string {
  return describeUnchecked({ ...s, files: { ...s.files, unchecked: s.files.unchecked - s.files.templates } });
}

/** `2 files could not be parsed, 1 check could not run, 3 elements were not known`: what uncheckedTotal counts. */
export function describeUnchecked(s: Summary): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    s.files.failed ? plural(s.files.failed, "file could not be parsed", "files could not be parsed") : "",
    s.files.unchecked ? plural(s.files.unchecked, "file was skipped unread", "files were skipped unread") : "",
    s.incomplete ? plural(s.incomplete, "check could not run", "checks could not run") : "",
    s.notChecked ? plural(s.notChecked, "element a rule needed was not known", "elements rules needed were not known") : "",
  ]
    .filter(Boolean)
    .join(", ");
}
