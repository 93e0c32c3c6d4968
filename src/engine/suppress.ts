import { closest } from "../core/match.js";
import { pushTo } from "../core/collections.js";
import type { Directive } from "../parse/directives.js";
import type { SourceLocation } from "../core/location.js";
import type { Finding } from "./rule.js";

/** Findings the tool itself reports about suppression comments. */
export const SUPPRESSION_RULES = {
  unused: {
    id: "unused-suppression",
    description: "An irsa-lint-disable comment that suppresses nothing",
    help: "The finding this comment was written for is gone (fixed, moved, or renamed rule). Remove the comment so it cannot hide a future finding.",
  },
  invalid: {
    id: "invalid-suppression",
    description: "An irsa-lint-disable comment without a reason, or naming an unknown rule",
    help: "Suppressions name the rules they silence and say why, after ' -- ': # irsa-lint-disable-next-line <rule-id> -- <reason>. One that does not suppresses nothing.",
  },
} as const;

/**
 * Stable identity of a finding for SARIF and baselines: the rule, which of its messages, the file
 * and the source text the finding points at (the action, the sub value, the annotation), not the
 * line (it survives lines inserted above) nor the wording (a "did you mean" that changes when an
 * unrelated role is added). Repeats of one identity in a file are numbered. `spanOf` gives the
 * located text; where it is not known (standard input), the message stands in.
 */
export async function assignFingerprints(findings: Finding[], spanOf: (loc: SourceLocation) => string | undefined = () => undefined, fromRoot: (file: string) => string = (f) => f): Promise<void> {
  if (!findings.length) return;
  // Loaded only when there is something to fingerprint: node:crypto takes a few milliseconds to start.
  const { createHash } = await import("node:crypto");
  const seen = new Map<string, number>();
  for (const f of findings) {
    const span = spanOf(f.location);
    const subject = span === undefined ? `message:${f.message}` : `source:${span.replace(/\s+/g, " ").trim()}`;
    const base = `${f.ruleId}|${f.messageId ?? ""}|${fromRoot(f.location.file)}|${subject}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    f.fingerprint = createHash("sha256").update(`${base}|${n}`).digest("hex").slice(0, 32);
  }
}

/** The text between a location's start and end in `text`. */
export function spanText(text: string, loc: SourceLocation): string {
  const lines = text.split("\n", loc.endLine);
  if (loc.line > lines.length) return "";
  if (loc.line === loc.endLine) return lines[loc.line - 1].slice(loc.column - 1, loc.endColumn - 1);
  return [lines[loc.line - 1].slice(loc.column - 1), ...lines.slice(loc.line, loc.endLine - 1), (lines[loc.endLine - 1] ?? "").slice(0, loc.endColumn - 1)].join("\n");
}

/** `rol-arn-resolves (did you mean role-arn-resolves?)`, when a known rule is that close. */
function withSuggestion(rule: string, knownRules: Set<string>): string {
  const near = closest(rule, knownRules);
  return near ? `${rule} (did you mean ${near}?)` : rule;
}

/** Marks findings that a directive covers; reports directives that cover nothing or are invalid. */
export function applyDirectives(findings: Finding[], directives: Directive[], knownRules: Set<string>): Finding[] {
  const used = new Set<Directive>();
  const extra: Finding[] = [];
  const valid = directives.filter((d) => {
    const unknownRules = d.rules.filter((r) => !knownRules.has(r));
    const problem = !d.reason ? "needs a reason after \" -- \"" : d.rules.length === 0 ? "names no rule" : unknownRules.length ? `names unknown rule ${unknownRules.map((r) => withSuggestion(r, knownRules)).join(", ")}` : undefined;
    if (problem)
      extra.push({
        ruleId: SUPPRESSION_RULES.invalid.id,
        severity: "warning",
        message: `irsa-lint-disable-${d.kind} ${problem}; it suppresses nothing`,
        location: d.loc,
        related: [],
        fix: "Write: # irsa-lint-disable-next-line <rule-id> -- <why this is fine here>",
      });
    return !problem;
  });
  const byFile = new Map<string, Directive[]>();
  for (const d of valid) pushTo(byFile, d.loc.file, d);
  for (const f of findings) {
    const covering = (byFile.get(f.location.file) ?? []).find(
      (d) =>
        d.rules.includes(f.ruleId) &&
        (d.kind === "file" || (d.kind === "line" && d.loc.line === f.location.line) || (d.kind === "next-line" && d.loc.line + 1 === f.location.line)),
    );
    if (!covering) continue;
    used.add(covering);
    f.suppression = { kind: "inSource", justification: covering.reason! };
  }
  for (const d of valid) {
    if (used.has(d)) continue;
    extra.push({
      ruleId: SUPPRESSION_RULES.unused.id,
      severity: "warning",
      message: `irsa-lint-disable-${d.kind} ${d.rules.join(", ")} suppresses nothing here`,
      location: d.loc,
      related: [],
      fix: "Remove the comment: the finding it was for is gone.",
    });
  }
  return extra;
}

/** Version 2: fingerprints from identities (version 1's hashed the message). */
export interface Baseline {
  version: 2;
  findings: Array<{ ruleId: string; file: string; fingerprint: string }>;
}

/** Marks baselined findings as suppressed; returns the entries that matched none (fixed, or gone). */
export function applyBaseline(findings: Finding[], baseline: Baseline): Baseline["findings"] {
  const known = new Set(baseline.findings.map((b) => b.fingerprint));
  const matched = new Set<string>();
  for (const f of findings)
    if (f.fingerprint && known.has(f.fingerprint)) {
      matched.add(f.fingerprint);
      if (!f.suppression) f.suppression = { kind: "external", justification: "in the baseline" };
    }
  return baseline.findings.filter((b) => !matched.has(b.fingerprint));
}

export function toBaseline(findings: Finding[]): Baseline {
  return { version: 2, findings: findings.map((f) => ({ ruleId: f.ruleId, file: f.location.file, fingerprint: f.fingerprint! })) };
}
