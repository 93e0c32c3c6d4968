import type { LintResult } from "../engine/lint.js";

export interface Summary {
  errors: number;
  warnings: number;
  notes: number;
  suppressed: number;
  files: { linted: number; skipped: number; failed: number };
}

export function summarize(result: LintResult): Summary {
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  const files = (s: string) => result.files.filter((f) => f.status === s).length;
  return {
    errors: count("error"),
    warnings: count("warning"),
    notes: count("note"),
    suppressed: result.suppressed.length,
    files: { linted: files("linted"), skipped: files("skipped"), failed: files("failed") },
  };
}
