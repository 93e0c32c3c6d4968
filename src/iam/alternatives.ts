import { asItems, firstUnknown, isKnown, type Value } from "../core/value.js";
import type { Condition, PolicyDocument, Statement } from "./document.js";

/** One value an IAM element may hold, and the condition under which the code writes it. */
export interface Alternative {
  value: Value;
  /** `var.prod is true`, for a branch of a conditional not known; absent when the value is certain. */
  when?: string;
}

/**
 * What an element (an action, a resource, a policy ARN) may be: itself when known, or every branch
 * of a conditional whose condition is not known, lists flattened as IAM reads them. Undefined when
 * one of them is not known: the element cannot be judged, and the rule says so.
 */
export function alternatives(v: Value): Alternative[] | undefined {
  if (v.kind !== "unknown") return isKnown(v) ? [{ value: v }] : undefined;
  if (!v.choices) return undefined;
  const out: Alternative[] = [];
  for (const c of v.choices) {
    if (!isKnown(c.value)) return undefined;
    for (const item of asItems(c.value)) out.push({ value: item, when: c.when });
  }
  return out;
}

/** Why an element is not known, for "not checked" entries: the first unknown part's reason. */
export function unknownReason(v: Value): string {
  if (v.kind === "unknown" && v.choices) {
    const open = v.choices.find((c) => !isKnown(c.value));
    if (open) return `when ${open.when}, ${firstUnknown(open.value)?.reason ?? "it is not known"}`;
  }
  return firstUnknown(v)?.reason ?? "it is not known";
}

/**
 * The document with one condition value replaced by one of its alternatives: a branch of a
 * conditional is judged by asking the evaluator about the policy as the code writes it then.
 */
export function withConditionValue(document: PolicyDocument, statement: Statement, condition: Condition, from: Value, to: Value): { document: PolicyDocument; statement: Statement } {
  const replaced: Condition = { ...condition, values: condition.values.map((v) => (v === from ? to : v)) };
  const changed: Statement = { ...statement, conditions: statement.conditions.map((c) => (c === condition ? replaced : c)) };
  return { document: { ...document, statements: document.statements.map((s) => (s === statement ? changed : s)) }, statement: changed };
}
