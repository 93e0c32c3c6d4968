import type { Diagnostic } from "../core/diagnostic.js";
import { fileStart, formatLocation } from "../core/location.js";
import type { IrsaModel } from "../model/model.js";
import { fillMessage, type AnyRule, type Finding, type Severity } from "./rule.js";

/** What the config says of one rule: a severity ("off" disables it) and options. */
export interface RuleSetting {
  severity?: Severity | "off";
  options?: Record<string, unknown>;
}

/**
 * Runs every enabled rule over the model; identical findings from one rule are reported once. A
 * rule that throws is a bug: it becomes a diagnostic and the other rules still run.
 */
export function runRules(model: IrsaModel, rules: AnyRule[], settings: Record<string, RuleSetting>): { findings: Finding[]; crashes: Diagnostic[] } {
  const findings: Finding[] = [];
  const crashes: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const setting = settings[rule.id] ?? {};
    const severity = setting.severity ?? rule.severity;
    if (severity === "off") continue;
    const options = { ...(rule.options?.defaults ?? {}), ...(setting.options ?? {}) };
    try {
      rule.check(
        model,
        (messageId, location, data, extras) => {
          const message = fillMessage(rule.messages[messageId], data);
          const key = `${rule.id}|${formatLocation(location)}|${message}`;
          if (seen.has(key)) return;
          seen.add(key);
          const level = setting.severity && setting.severity !== "off" ? setting.severity : (extras?.severity ?? severity);
          findings.push({ ruleId: rule.id, severity: level, message, location, related: extras?.related ?? [], fix: extras?.fix });
        },
        options,
      );
    } catch (e) {
      crashes.push({ level: "error", message: `rule ${rule.id} failed (please report it): ${(e as Error).message}`, location: fileStart("irsa-lint") });
    }
  }
  return { findings, crashes };
}
