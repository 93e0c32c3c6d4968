import { globMatches } from "../src/core/match.js";
import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import type { Statement } from "../src/iam/document.js";
import type { Role } from "../src/model/model.js";
import { deniedEverywhere, denyStatements } from "../src/iam/scope.js";
import { ESCALATIONS, type Target } from "../src/iam/escalations.js";
import { permissionDocuments } from "../src/model/documents.js";
import { irsaTrustJson } from "./examples.js";
import { alternatives, unknownReason } from "../src/iam/alternatives.js";

/** The AWS CLI's layout: the role's trust and permissions side by side. */
const role = (actions: string) => ({
  "iam/trust-policy.json": irsaTrustJson("builds", "runner"),
  "iam/permissions.json": `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": [${actions}],
    "Resource": "*"
  }]
}
`,
});

export default defineRule({
  id: "policy-privilege-escalation",
  severity: "error",
  description: "Policies must not grant actions that let the role raise its own privileges",
  tags: ["security", "CWE-269"],
  messages: {
    escalation: "{{owner}} grants {{actions}}{{when}}: the pod could {{why}}",
    passToService: "{{owner}} grants iam:PassRole on every role, limited by iam:PassedToService to {{services}}: the pod could give any role, admin included, to a resource of that service it creates",
  },
  docs: {
    rationale:
      "Some IAM actions are administrator access in disguise: with `iam:AttachRolePolicy` a pod attaches AdministratorAccess to its own role, with `iam:PassRole` on `*` it hands an admin role to a Lambda or EC2 instance it creates, with `eks:CreateAccessEntry` it makes itself cluster admin. The list follows Rhino Security Labs' privilege-escalation methods, pacu's `iam__privesc_scan`, policy_sentry's and cloudsplaining's lists, plus the EKS Pod Identity and access-entry paths. Wildcards (`iam:*`, `*`) count as granting them. Resources count: `iam:PassRole` and `sts:AssumeRole` on named role ARNs, or policy changes on other named roles (service-linked roles' included), are not escalation; `iam:PassRole` on every role limited by `iam:PassedToService` is a warning that names the service; an action a Deny statement of the role refuses everywhere is not counted.",
    fail: { files: role('"iam:PassRole", "ec2:RunInstances"') },
    pass: { files: role('"ec2:DescribeInstances"') },
    fix: "Remove the action, or scope iam:PassRole and sts:AssumeRole to the exact role ARNs the workload needs.",
  },
  check(model, report, _options, unchecked) {
    for (const { document, owner, label, role } of permissionDocuments(model)) {
      // What a Deny of the role's policies refuses everywhere is not granted (looked up once something is).
      let denies: Statement[] | undefined;
      const notDenied = (a: string) => deniedEverywhere((denies ??= denyStatements([document, ...(role?.policies.map((p) => p.document) ?? [])])), a) === "no";
      // A branch of a conditional not known that grants the action: the finding names the condition.
      let when: string | undefined;
      const allows = (o: Statement, a: string, e: (typeof ESCALATIONS)[number]) => {
        const granted = knownString(o.effect) === "Allow" && grants(o, a);
        if (granted === false || !reaches(o, a, e.target, role) || !notDenied(a)) return false;
        if (granted !== true) when ??= granted;
        return true;
      };
      const passedTo: Statement[] = [];
      for (const s of document.statements) {
        if (knownString(s.effect) !== "Allow") continue;
        for (const a of s.actions) if (!alternatives(a)) unchecked(a.loc, `Action of ${label}`, unknownReason(a));
        when = undefined;
        // Reported at the statement granting the first action; a combination counts when the
        // document grants all of it.
        const matched = ESCALATIONS.filter((e) => allows(s, e.actions[0], e) && e.actions.every((a) => document.statements.some((o) => allows(o, a, e))));
        // PassRole limited by iam:PassedToService hands roles to one service only: said, not an escalation to anything.
        const limited = matched.filter((e) => e.actions.includes("iam:PassRole") && passedToService(s).length);
        if (limited.length) passedTo.push(s);
        const escalations = matched.filter((e) => !limited.includes(e));
        if (!escalations.length) continue;
        const at = actionAt(s, escalations);
        const whys = escalations.map((e) => e.why);
        report("escalation", at.loc, {
          owner,
          when: when ? ` when ${when}` : "",
          actions: summary(escalations.map((e) => e.actions.join(" + "))),
          why: whys.length > 2 ? `${whys.slice(0, 2).join("; ")}; and ${whys.length - 2} more ways` : whys.join("; "),
        }, when ? { condition: when } : {});
      }
      for (const s of passedTo) {
        const services = passedToService(s).join(", ");
        report("passToService", actionAt(s, ESCALATIONS.filter((e) => e.actions.includes("iam:PassRole"))).loc, { owner, services }, { severity: "warning", fix: "Name the role ARNs the workload passes in Resource." });
      }
    }
  },
});

function actionAt(s: Statement, matched: typeof ESCALATIONS) {
  return s.actions.find((a) => matched.some((e) => e.actions.some((x) => grants({ ...s, actions: [a] }, x) !== false))) ?? s.actions[0];
}

/** Whether a statement's resources reach what makes the action dangerous; a resource not known never does. */
function reaches(s: Statement, action: string, target: Target, role: Role | undefined): boolean {
  if (s.notResources.length) return target === "any" || s.notResources.every((r) => knownString(r) !== undefined && !globMatches(knownString(r)!, "arn:aws:iam::123456789012:role/x", true));
  const service = action.split(":")[0];
  return s.resources.some((r) => {
    const text = knownString(r);
    if (text === undefined) return false;
    if (text === "*") return true;
    // An ARN of another service (`arn:aws:s3:::bucket`) gives an IAM or EKS action nothing to act on.
    const arnService = /^arn:[^:]*:([^:]*):/.exec(text)?.[1];
    if (arnService === undefined || !globMatches(arnService, service, true)) return false;
    if (target === "any") return true;
    const rolePart = /^arn:[^:]*:iam::[^:]*:role\/(.*)$/.exec(text)?.[1];
    if (rolePart === undefined) return /^arn:[^:]*:iam::[^:]*:\*$/.test(text);
    // Every role: `role/*`. The role itself: its name (at its path) matches.
    if (rolePart === "*") return true;
    const name = knownString(role?.name);
    const path = knownString(role?.path) ?? "/";
    return target === "selfRole" && name !== undefined && globMatches(rolePart, `${path.replace(/^\//, "")}${name}`, false);
  });
}

/** The services an `iam:PassedToService` condition limits a statement's PassRole to. */
function passedToService(s: Statement): string[] {
  return s.conditions
    .filter((c) => /^iam:PassedToService$/i.test(knownString(c.key) ?? "") && /^(StringEquals|StringLike)(IfExists)?$/.test(knownString(c.operator) ?? ""))
    .flatMap((c) => c.values.map((v) => knownString(v) ?? "${…}"));
}

function summary(items: string[]): string {
  return items.length > 4 ? `${items.slice(0, 3).join(", ")} and ${items.length - 3} more escalation paths` : items.join(", ");
}

/** Whether a statement's Action grants `action`: true, false, or the condition of the branch that does. */
function grants(s: Statement, action: string): boolean | string {
  let when: string | undefined;
  for (const a of s.actions)
    for (const o of alternatives(a) ?? []) {
      const pattern = knownString(o.value);
      if (pattern === undefined || !globMatches(pattern, action, true)) continue;
      if (!o.when) return true;
      when ??= o.when;
    }
  return when ?? false;
}
