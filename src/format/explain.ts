import type { SourceLocation } from "../core/location.js";
import { guardLine, visible } from "../core/sanitize.js";
import type { Chain } from "../engine/explain.js";

const at = (l: SourceLocation | null | undefined) => (l ? `  (${visible(l.file)}:${l.line}:${l.column})` : "");
const answer = { yes: "yes", no: "no", maybe: "not known" } as const;

/** `irsa-lint explain` as text: one line per step of the chain, each with where it is written. */
export function formatExplain(chains: Chain[]): string {
  return `${chains.map(chainText).join("\n")}`;
}

function chainText(c: Chain): string {
  const lines: string[] = [];
  const findings = (step: Chain["findings"][number]["step"], indent: string) => {
    for (const f of c.findings.filter((x) => x.step === step)) lines.push(`${indent}${f.severity === "error" ? "✖" : f.severity === "warning" ? "⚠" : "·"} ${f.severity} ${f.ruleId}: ${visible(f.message)}${at(f.at)}`);
  };
  const sa = c.serviceAccount;
  lines.push(`ServiceAccount ${visible(sa.key)} (${sa.origin})${at(sa.declaredAt)}`);
  for (const a of sa.annotations) lines.push(`  ${a.name}: ${visible(a.value)}${at(a.at)}`);
  for (const v of sa.via) lines.push(`  ↳ ${visible(v.message)}${at(v.at)}`);
  findings("serviceAccount", "  ");

  const t = c.token;
  lines.push(`Token the webhook projects: iss ${t.iss ?? "(the cluster's issuer; the trust names none irsa-lint knows)"}, sub ${t.sub}, aud ${t.aud}, expires after ${t.expirationSeconds} s${at(t.expirationAt)}`);

  if (c.podIdentity) lines.push(`EKS Pod Identity association: role ${visible(c.podIdentity.role ?? "(not known)")}; it wins over the annotation${at(c.podIdentity.at)}`);
  const link = c.link;
  const linkText = { checked: "linked and checked", missing: "names no scanned role", "not-resolved": "not resolved", "not-checked": "linked, not checked", none: "no role annotation" }[link.status];
  lines.push(`Link: ${linkText}${link.reason ? `: ${visible(link.reason)}` : ""}${link.assumed ? ` (assumed: ${visible(link.assumed)})` : ""}${at(link.at)}`);
  findings("link", "  ");

  const role = c.role;
  if (role) {
    lines.push(`Role ${visible(role.name)}${at(role.at)}`);
    if (role.trust) {
      lines.push(`  Trust admits this token: ${answer[role.trust.admits]}`);
      for (const s of role.trust.statements) {
        lines.push(`    Statement ${s.index + 1}: ${s.effect} ${s.principals.map(visible).join("; ")}, sts:AssumeRoleWithWebIdentity: ${answer[s.action]}${at(s.at)}`);
        for (const k of s.conditions) lines.push(`      ${visible(k.text)} → ${answer[k.holds]}${at(k.at)}`);
      }
      const p = role.trust.provider;
      if (p) lines.push(`  OIDC provider ${visible(p.arn)}: ${p.declaredAt ? "declared in the scan" : "not declared in the scan (created elsewhere, or missing)"}${at(p.declaredAt)}`);
    } else lines.push("  Trust policy: not known");
    findings("trust", "  ");
    if (role.policies.length) lines.push("  Permissions");
    for (const p of role.policies) {
      lines.push(`    ${p.kind === "managed" ? "Managed" : "Inline"} policy ${visible(p.name)}${p.statements ? "" : " (its document is not in the scan)"}${at(p.at)}`);
      for (const s of p.statements ?? []) lines.push(`      ${s.effect} ${s.actions.map(visible).join(", ") || "(no Action)"} on ${s.resources.map(visible).join(", ") || "(no Resource)"}${s.conditions ? ` when ${s.conditions} condition${s.conditions === 1 ? "" : "s"} hold` : ""}${at(s.at)}`);
    }
    findings("policy", "  ");
  }

  if (c.workloads.length) lines.push("Workloads");
  else lines.push("Workloads: none in the scan runs as this ServiceAccount");
  for (const w of c.workloads) {
    lines.push(`  ${w.kind} ${visible(`${w.namespace}/${w.name}`)}${at(w.at)}`);
    for (const k of w.containers) {
      const env = Object.entries(k.injected).map(([name, value]) => `${name}=${visible(value)}`).join(", ");
      lines.push(`    container ${visible(k.name || "(unnamed)")}: ${k.note ?? `the webhook adds ${env}`}${at(k.at)}`);
    }
  }
  findings("workload", "  ");
  const errors = c.findings.filter((f) => f.severity === "error").length;
  lines.push(`Verdict: ${c.verdict === "works" ? "the chain works" : c.verdict === "broken" ? `broken${errors ? ` (${errors} error${errors === 1 ? "" : "s"} on the chain)` : ""}` : "not fully checked (see the link above)"}`);
  return `${lines.map(guardLine).join("\n")}\n`;
}
