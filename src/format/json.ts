import type { LintResult } from "../engine/lint.js";
import type { Finding } from "../engine/rule.js";
import { summarize } from "./summary.js";

/** The stable `--format json` document (version 1), documented in the README. */
export function formatJson(result: LintResult): string {
  const shape = (f: Finding) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      file: f.location.file,
      line: f.location.line,
      column: f.location.column,
      endLine: f.location.endLine,
      endColumn: f.location.endColumn,
      fix: f.fix ?? null,
      related: f.related.map((r) => ({ file: r.location.file, line: r.location.line, column: r.location.column, message: r.message })),
      fingerprint: f.fingerprint ?? null,
  });
  const doc = {
    version: 1,
    findings: result.findings.map(shape),
    suppressed: result.suppressed.map((f) => ({ ...shape(f), suppression: f.suppression })),
    files: result.files.map((f) => ({ file: f.file, status: f.status, reason: f.status === "linted" ? null : f.reason })),
    notChecked: result.notChecked.map((n) => ({ file: n.location.file, line: n.location.line, column: n.location.column, message: n.message, rules: n.rules })),
    diagnostics: result.diagnostics.map((d) => ({ level: d.level, message: d.message, file: d.location.file, line: d.location.line, column: d.location.column })),
    links: result.links.map((l) => ({
      kind: l.kind,
      file: l.location.file,
      line: l.location.line,
      column: l.location.column,
      serviceAccount: l.serviceAccount,
      role: l.role ? { name: l.role.name, file: l.role.location.file, line: l.role.location.line } : null,
      status: l.status,
      reason: l.reason ?? null,
      assumed: l.assumed ?? null,
      via: (l.via ?? []).map((p) => ({ message: p.message, file: p.location.file, line: p.location.line, column: p.location.column })),
    })),
    summary: summarize(result),
  };
  // Escaped in the JSON text, the same strings: C1 controls, bidirectional and zero-width characters
  // (a terminal or a reviewer's editor shows them otherwise), and `##[` (a legacy workflow command
  // anywhere in a job log line).
  const text = JSON.stringify(doc, null, 2)
    .replace(/[\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replaceAll("##[", "#\\u0023[");
  return `${text}\n`;
}
