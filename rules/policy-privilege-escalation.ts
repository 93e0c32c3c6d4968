import { globMatches } from "../src/core/match.js";
import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import type { Statement } from "../src/iam/document.js";
import { permissionDocuments } from "../src/model/documents.js";
import { irsaTrustJson } from "./examples.js";

/**
 * Actions (and combinations) that let whoever holds the role raise its own privileges. Sources:
 * Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and Mitigation" (methods 1–21);
 * pacu's iam__privesc_scan module; policy_sentry's privilege-escalation list; cloudsplaining's
 * PrivilegeEscalation finding; for EKS, AWS's documentation of Pod Identity and access entries.
 */
const ESCALATIONS: Array<{ actions: string[]; onAnyResource?: boolean; why: string }> = [
  { actions: ["iam:CreatePolicyVersion"], why: "rewrite a policy it is attached to (Rhino #1)" },
  { actions: ["iam:SetDefaultPolicyVersion"], why: "switch a policy to a more permissive version (Rhino #2)" },
  { actions: ["iam:PassRole"], onAnyResource: true, why: "hand any role, admin included, to a service it controls (Rhino #3–#8)" },
  { actions: ["iam:CreateAccessKey"], why: "mint long-lived keys for other users (Rhino #9)" },
  { actions: ["iam:CreateLoginProfile"], why: "set a console password for other users (Rhino #10)" },
  { actions: ["iam:UpdateLoginProfile"], why: "reset other users' console passwords (Rhino #11)" },
  { actions: ["iam:AttachUserPolicy"], why: "attach any managed policy to a user (Rhino #12)" },
  { actions: ["iam:AttachGroupPolicy"], why: "attach any managed policy to a group (Rhino #13)" },
  { actions: ["iam:AttachRolePolicy"], why: "attach AdministratorAccess to its own role (Rhino #14)" },
  { actions: ["iam:PutUserPolicy"], why: "write inline policies on users (Rhino #15)" },
  { actions: ["iam:PutGroupPolicy"], why: "write inline policies on groups (Rhino #16)" },
  { actions: ["iam:PutRolePolicy"], why: "write an inline policy on its own role (Rhino #17)" },
  { actions: ["iam:AddUserToGroup"], why: "join a more privileged group (Rhino #18)" },
  { actions: ["iam:UpdateAssumeRolePolicy"], why: "let itself assume any role by rewriting trust (Rhino #19)" },
  { actions: ["sts:AssumeRole"], onAnyResource: true, why: "assume any role whose trust allows the account" },
  { actions: ["eks:CreatePodIdentityAssociation", "iam:PassRole"], onAnyResource: true, why: "give a pod it controls any role through EKS Pod Identity" },
  { actions: ["eks:CreateAccessEntry"], why: "grant any IAM principal access to the cluster" },
  { actions: ["eks:AssociateAccessPolicy"], why: "make a principal cluster admin through access policies" },
];

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
    escalation: "{{owner}} grants {{actions}}: the pod could {{why}}",
  },
  docs: {
    rationale:
      "Some IAM actions are administrator access in disguise: with `iam:AttachRolePolicy` a pod attaches AdministratorAccess to its own role, with `iam:PassRole` on `*` it hands an admin role to a Lambda or EC2 instance it creates, with `eks:CreateAccessEntry` it makes itself cluster admin. The list follows Rhino Security Labs' privilege-escalation methods, pacu's `iam__privesc_scan`, policy_sentry's and cloudsplaining's lists, plus the EKS Pod Identity and access-entry paths. Wildcards (`iam:*`, `*`) count as granting them.",
    fail: { files: role('"iam:PassRole", "ec2:RunInstances"') },
    pass: { files: role('"ec2:DescribeInstances"') },
    fix: "Remove the action, or scope iam:PassRole and sts:AssumeRole to the exact role ARNs the workload needs.",
  },
  check(model, report) {
    for (const { document, owner } of permissionDocuments(model)) {
      for (const s of document.statements) {
        if (knownString(s.effect) !== "Allow") continue;
        // Reported at the statement granting the first action; a combination counts when the
        // document grants all of it (on any resource, where that is what makes it dangerous).
        const allows = (o: Statement, a: string, e: (typeof ESCALATIONS)[number]) =>
          knownString(o.effect) === "Allow" && grants(o, a) && (!e.onAnyResource || o.resources.some((r) => knownString(r) === "*"));
        const matched = ESCALATIONS.filter((e) => allows(s, e.actions[0], e) && e.actions.every((a) => document.statements.some((o) => allows(o, a, e))));
        if (!matched.length) continue;
        const at = s.actions.find((a) => matched.some((e) => e.actions.some((x) => globMatches(knownString(a) ?? "", x, true)))) ?? s.actions[0];
        const whys = matched.map((e) => e.why);
        report("escalation", at.loc, {
          owner,
          actions: summary(matched.map((e) => e.actions.join(" + "))),
          why: whys.length > 2 ? `${whys.slice(0, 2).join("; ")}; and ${whys.length - 2} more ways` : whys.join("; "),
        });
      }
    }
  },
});

function summary(items: string[]): string {
  return items.length > 4 ? `${items.slice(0, 3).join(", ")} and ${items.length - 3} more escalation paths` : items.join(", ");
}

function grants(s: Statement, action: string): boolean {
  return s.actions.some((a) => {
    const pattern = knownString(a);
    return pattern !== undefined && globMatches(pattern, action, true);
  });
}
