import type { Diagnostic } from "../core/diagnostic.js";
import { fileStart, formatLocation } from "../core/location.js";
import type { IrsaModel } from "../model/model.js";
import { elideFileText } from "../core/sanitize.js";
import { fillMessage, type AnyRule, type Finding, type NotChecked, type Severity } from "./rule.js";

/** What the config says of one rule: a severity ("off" disables it) and options. */
export interface RuleSetting {
  severity?: Severity | "off";
  options?: Record<string, unknown>;
}

/**
 * Runs every enabled rule over the model; identical findings from one rule are reported once. A
 * rule that throws is a bug: it becomes a diagnostic and the other rules still run. What rules
 * could not check is merged by place and message: one element several rules needed is one entry.
 */
export function runRules(
  model: IrsaModel,
  rules: AnyRule[],
  settings: Record<string, RuleSetting>,
  fileTexts: ReadonlySet<string> = new Set(),
  timed?: (id: string, ms: number) => void,
): { findings: Finding[]; crashes: Diagnostic[]; notChecked: NotChecked[] } {
  const elide = (text: string) => (fileTexts.size ? elideFileText(text, fileTexts) : text);
  const findings: Finding[] = [];
  const crashes: Diagnostic[] = [];
  const seen = new Set<string>();
  const notChecked = new Map<string, NotChecked>();
  for (const rule of rules) {
    const setting = settings[rule.id] ?? {};
    const severity = setting.severity ?? rule.severity;
    if (severity === "off") continue;
    const options = { ...(rule.options?.defaults ?? {}), ...(setting.options ?? {}) };
    const started = timed && performance.now();
    try {
      rule.check(
        model,
        (messageId, location, data, extras) => {
          const message = elide(fillMessage(rule.messages[messageId], data && fileTexts.size ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === "string" ? elide(v) : v])) : data));
          const key = `${rule.id}|${formatLocation(location)}|${message}`;
          if (seen.has(key)) return;
          seen.add(key);
          const level = setting.severity && setting.severity !== "off" ? setting.severity : (extras?.severity ?? severity);
          const related = (extras?.related ?? []).map((r) => ({ ...r, message: elide(r.message) }));
          findings.push({ ruleId: rule.id, messageId, severity: level, message, location, related, fix: extras?.fix && elide(extras.fix), ...(extras?.condition ? { condition: elide(extras.condition) } : {}), ...(extras?.suggestion ? { suggestion: extras.suggestion } : {}) });
        },
        options,
        (location, what, reason) => {
          const message = elide(fillMessage("{{what}} is not known ({{reason}})", { what, reason }));
          const key = `${formatLocation(location)}|${message}`;
          const entry = notChecked.get(key);
          if (!entry) notChecked.set(key, { location, message, rules: [rule.id] });
          else if (!entry.rules.includes(rule.id)) entry.rules.push(rule.id);
        },
      );
    } catch (e) {
      crashes.push({ level: "error", message: `rule ${rule.id} failed (please report it): ${(e as Error).message}`, location: fileStart("irsa-lint") });
    }
    if (timed) timed(rule.id, performance.now() - started!);
  }
  return { findings, crashes, notChecked: [...notChecked.values()] };
}
