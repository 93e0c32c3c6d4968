import { createColors } from "picocolors";
import { pushTo } from "../core/collections.js";
import { guardLine, visible } from "../core/sanitize.js";
import type { LintResult } from "../engine/lint.js";
import type { Finding } from "../engine/rule.js";
import { incompleteChecks, summarize, uncheckedFiles, type Summary } from "./summary.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
/** Unchecked files listed per reason before the rest are counted (a chart has dozens of templates). */
const LISTED_PER_REASON = 10;

/** ESLint-style output: findings grouped by file, what could not be checked, then one summary line. */
export function formatStylish(result: LintResult, options: { color: boolean; verbose?: boolean }): string {
  const c = createColors(options.color);
  const lines: string[] = [];
  const at = (l: { file: string; line: number; column: number }) => `${visible(l.file)}:${l.line}:${l.column}`;
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) pushTo(byFile, f.location.file, f);

  for (const [file, findings] of byFile) {
    lines.push(c.underline(visible(file)));
    for (const f of findings) {
      const severity = f.severity === "error" ? c.red("error") : f.severity === "warning" ? c.yellow("warning") : c.blue("note");
      lines.push(`  ${c.dim(`${f.location.line}:${f.location.column}`)}  ${severity}  ${visible(f.message)}  ${c.dim(f.ruleId)}`);
      for (const r of f.related) lines.push(c.dim(`      ↳ ${visible(r.message)} (${at(r.location)})`));
      if (f.fix) lines.push(c.dim(`      fix: ${visible(f.fix)}`));
    }
    lines.push("");
  }

  const failed = result.files.filter((f) => f.status === "failed");
  const incomplete = incompleteChecks(result);
  const unchecked = uncheckedFiles(result);
  if (failed.length || incomplete.length || unchecked.length || result.notChecked.length) {
    lines.push(c.underline("Not checked"));
    for (const f of failed) if (f.status === "failed") lines.push(`  ${at(f.location)}  ${c.red("error")}  ${visible(f.reason)}`);
    for (const d of incomplete) lines.push(`  ${at(d.location)}  ${c.red("error")}  ${visible(d.message)}`);
    for (const n of result.notChecked) lines.push(`  ${at(n.location)}  ${c.yellow("not checked")}  ${visible(n.message)}  ${c.dim(n.rules.join(", "))}`);
    const byReason = new Map<string, string[]>();
    for (const f of unchecked) pushTo(byReason, f.reason, f.file);
    for (const [reason, files] of byReason) {
      const shown = options.verbose ? files : files.slice(0, LISTED_PER_REASON);
      for (const file of shown) lines.push(`  ${visible(file)}  ${c.yellow("skipped")}  ${visible(reason)}`);
      if (shown.length < files.length) lines.push(`  … and ${files.length - shown.length} more: ${visible(reason)} (--verbose lists them)`);
    }
    lines.push("");
  }
  if (options.verbose) {
    const open = result.links.filter((l) => l.status === "not-resolved" || l.status === "not-checked");
    if (open.length) {
      lines.push(c.underline("Role links not checked"));
      for (const l of open) lines.push(`  ${at(l.location)}  ${c.dim(l.status)}  ${l.kind === "annotation" ? "role annotation" : "Pod Identity association"} of ${visible(l.serviceAccount)}${l.role ? ` (role ${visible(l.role.name)})` : ""}: ${visible(l.reason ?? "")}`);
      lines.push("");
    }
    const carried = result.links.filter((l) => l.via?.length || l.assumed);
    if (carried.length) {
      lines.push(c.underline("Role links carried or assumed"));
      for (const l of carried) {
        lines.push(`  ${at(l.location)}  ${c.dim(l.status)}  ${visible(l.serviceAccount)}${l.role ? ` → role ${visible(l.role.name)}` : ""}${l.assumed ? `: ${visible(l.assumed)}` : ""}`);
        for (const p of l.via ?? []) lines.push(c.dim(`      ↳ ${visible(p.message)} (${at(p.location)})`));
      }
      lines.push("");
    }
    const notes = result.diagnostics.filter((d) => d.level !== "error");
    const skipped = result.files.filter((f) => f.status === "skipped" && !f.unchecked);
    if (notes.length || skipped.length) {
      lines.push(c.underline("Not resolved or skipped"));
      for (const d of notes) lines.push(`  ${at(d.location)}  ${c.dim(d.level)}  ${visible(d.message)}`);
      for (const f of skipped) if (f.status === "skipped") lines.push(`  ${visible(f.file)}  ${c.dim("skipped")}  ${visible(f.reason)}`);
      lines.push("");
    }
  }
  lines.push(summaryLine(result, c));
  return `${lines.map(guardLine).join("\n")}\n`;
}

function summaryLine(result: LintResult, c: ReturnType<typeof createColors>): string {
  const s = summarize(result);
  const problems = s.errors + s.warnings + s.notes;
  const counts = `${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}`;
  const fileLine = `${plural(s.files.linted, "file")} linted, ${s.files.skipped} skipped, ${s.files.failed} failed${s.suppressed ? `; ${s.suppressed} suppressed` : ""}`;
  const notChecked = s.incomplete + s.files.unchecked + s.notChecked;
  const gap = notChecked ? `; ${notChecked} not checked (listed above)` : "";
  const links = `\n${coverageLine(s)}`;
  if (problems > 0) return `${s.errors ? c.red("✖") : c.yellow("⚠")} ${plural(problems, "problem")} (${counts}) in ${fileLine}${gap}${links}`;
  // Never "no problems" without saying what could not be looked at.
  if (notChecked || s.files.failed || s.links.notResolved || s.links.notChecked) return `${c.yellow("⚠")} No IRSA problems in what was checked (${fileLine}${gap})${links}`;
  return `${c.green("✔")} No IRSA problems (${fileLine})${links}`;
}

/** `14 role annotations: 12 checked, 2 not resolved (--verbose)`: what the run examined. */
function coverageLine(s: Summary): string {
  const l = s.links;
  if (l.annotations + l.podIdentityAssociations === 0) return "  no role annotation or Pod Identity association found";
  const what = [l.annotations ? plural(l.annotations, "role annotation") : "", l.podIdentityAssociations ? plural(l.podIdentityAssociations, "Pod Identity association") : ""].filter(Boolean).join(" and ");
  const parts = [`${l.checked} checked`, l.missing ? `${l.missing} naming no scanned role` : "", l.notResolved ? `${l.notResolved} not resolved` : "", l.notChecked ? `${l.notChecked} linked but not checked` : ""].filter(Boolean);
  return `  ${what}: ${parts.join(", ")}${l.notResolved + l.notChecked ? " (--verbose says why)" : ""}`;
}
