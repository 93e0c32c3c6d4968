import { formatLocation } from "../core/location.js";
import type { IrsaModel } from "../model/model.js";
import { fillMessage, type Finding, type Rule, type Severity } from "./rule.js";

/** Runs every enabled rule over the model; identical findings from one rule are reported once. */
export function runRules(model: IrsaModel, rules: Rule[], severities: Record<string, Severity | "off">): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const severity = severities[rule.id] ?? rule.severity;
    if (severity === "off") continue;
    rule.check(model, (messageId, location, data, extras) => {
      const message = fillMessage(rule.messages[messageId], data);
      const key = `${rule.id}|${formatLocation(location)}|${message}`;
      if (seen.has(key)) return;
      seen.add(key);
      findings.push({ ruleId: rule.id, severity, message, location, related: extras?.related ?? [], fix: extras?.fix });
    });
  }
  return findings;
}
