import { createColors } from "picocolors";
import { pushTo } from "../core/collections.js";
import type { LintResult } from "../engine/lint.js";
import type { Finding } from "../engine/rule.js";
import { summarize } from "./summary.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** ESLint-style output: findings grouped by file, then one summary line. */
export function formatStylish(result: LintResult, options: { color: boolean; verbose?: boolean }): string {
  const c = createColors(options.color);
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) pushTo(byFile, f.location.file, f);
  const failed = result.files.filter((f) => f.status === "failed");

  for (const [file, findings] of byFile) {
    lines.push(c.underline(file));
    for (const f of findings) {
      const severity = f.severity === "error" ? c.red("error") : f.severity === "warning" ? c.yellow("warning") : c.blue("note");
      lines.push(`  ${c.dim(`${f.location.line}:${f.location.column}`)}  ${severity}  ${f.message}  ${c.dim(f.ruleId)}`);
      for (const r of f.related) lines.push(c.dim(`      ↳ ${r.message} (${r.location.file}:${r.location.line}:${r.location.column})`));
      if (f.fix) lines.push(c.dim(`      fix: ${f.fix}`));
    }
    lines.push("");
  }
  if (failed.length) {
    lines.push(c.underline("Files that could not be linted"));
    for (const f of failed) if (f.status === "failed") lines.push(`  ${f.location.file}:${f.location.line}:${f.location.column}  ${c.red("error")}  ${f.reason}`);
    lines.push("");
  }
  if (options.verbose) {
    const notes = result.diagnostics.filter((d) => d.level !== "error");
    if (notes.length) {
      lines.push(c.underline("Not resolved or skipped"));
      for (const d of notes) lines.push(`  ${d.location.file}:${d.location.line}:${d.location.column}  ${c.dim(d.level)}  ${d.message}`);
      for (const f of result.files) if (f.status === "skipped") lines.push(`  ${f.file}  ${c.dim("skipped")}  ${f.reason}`);
      lines.push("");
    }
  }
  const s = summarize(result);
  const problems = s.errors + s.warnings + s.notes;
  const counts = `${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}`;
  const fileLine = `${plural(s.files.linted, "file")} linted, ${s.files.skipped} skipped, ${s.files.failed} failed${s.suppressed ? `; ${s.suppressed} suppressed` : ""}`;
  if (problems === 0) lines.push(`${c.green("✔")} No IRSA problems (${fileLine})`);
  else lines.push(`${s.errors ? c.red("✖") : c.yellow("⚠")} ${plural(problems, "problem")} (${counts}) in ${fileLine}`);
  return `${lines.join("\n")}\n`;
}
