import { knownString, type Value } from "../src/core/value.js";
import type { Tri } from "../src/core/match.js";
import { defineRule } from "../src/engine/rule.js";
import type { Statement } from "../src/iam/document.js";
import { actionApplies } from "../src/iam/evaluate.js";
import type { IrsaModel, Role } from "../src/model/model.js";

const files = (principal: string, actions: string) => ({
  "terraform/reports.tf": `resource "aws_iam_role" "reports" {
  name = "reports"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Condition = { StringEquals = { "aws:SourceAccount" = "111111111111" } }
    }]
  })
}

resource "aws_iam_role" "data_reader" {
  name = "data-reader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = ${principal} }
      Action    = [${actions}]
    }]
  })
}

resource "aws_eks_pod_identity_association" "reports" {
  cluster_name    = "prod"
  namespace       = "reports"
  service_account = "reports"
  role_arn        = aws_iam_role.reports.arn
  target_role_arn = aws_iam_role.data_reader.arn
}
`,
});

export default defineRule({
  id: "pod-identity-target-trust",
  severity: "error",
  description: "The target role of a Pod Identity association must trust the association's role for sts:AssumeRole and sts:TagSession",
  tags: ["correctness"],
  messages: {
    notAdmitted:
      "Role {{target}} is the target_role_arn of the Pod Identity association of {{sa}}, but its trust admits no session of {{source}}, the association's role_arn: EKS Pod Identity assumes the target role from that role, so the pod gets no credentials",
    tagSession:
      "Role {{target}} trusts {{source}} (the role_arn of the Pod Identity association of {{sa}}) without sts:TagSession: EKS Pod Identity passes its session tags on when it assumes the target role, so the assumption fails",
  },
  docs: {
    rationale:
      "With `target_role_arn` (often a role in another account), EKS Pod Identity first assumes the association's `role_arn`, then the target role from that session, passing the session tags on: the target role's trust must allow the first role for `sts:AssumeRole` and `sts:TagSession` (EKS user guide, \"Access AWS resources using EKS Pod Identity target IAM roles\"). Reported only when the target role's trust is known statement by statement: a principal that may be the first role (an account, `*`, a value not known, a role name not known) keeps it quiet; a trust naming only other roles, services or providers does not admit it. The tag check is left out when session tags are disabled on the association, and is a warning: the user guide's target trust grants both actions, the API reference documents only the role chaining.",
    fail: { files: files("aws_iam_role.reports.arn", '"sts:AssumeRole"') },
    pass: { files: files("aws_iam_role.reports.arn", '"sts:AssumeRole", "sts:TagSession"') },
    fix: "Trust the association's role in the target role: { \"AWS\": \"<role_arn>\" } for [\"sts:AssumeRole\", \"sts:TagSession\"].",
  },
  check(model, report) {
    for (const a of model.podIdentityAssociations) {
      if (!a.targetRoles.length || a.roles.length !== 1) continue;
      const source = a.roles[0];
      const sa = `${knownString(a.namespace) ?? "?"}/${knownString(a.serviceAccountName) ?? "?"}`;
      const tagsOff = a.disableSessionTags !== undefined && knownString(a.disableSessionTags) !== "false";
      for (const target of a.targetRoles) {
        const trust = target.trust;
        // Principals are weighed below (a value not known may be the role); effects and actions must be known.
        if (!trust?.complete || trust.statements.some((s) => knownString(s.effect) === undefined || [...s.actions, ...s.notActions].some((v) => knownString(v) === undefined))) continue;
        const allows = trust.statements.filter((s) => knownString(s.effect) === "Allow");
        if (allows.some((s) => s.notPrincipals.length)) continue;
        // IAM weighs each action on its own: sts:TagSession may come from another statement than sts:AssumeRole.
        const admitting = allows.map((s) => ({ s, admits: admitsRole(model, s, source) })).filter((x) => x.admits !== "no");
        const assume = admitting.filter((x) => actionApplies(x.s, "sts:AssumeRole") !== "no");
        const data = { target: target.displayName, source: source.displayName, sa };
        const related = [{ location: a.loc, message: `the Pod Identity association of ${sa}` }];
        const named = assume.find((x) => x.admits === "yes" && actionApplies(x.s, "sts:AssumeRole") === "yes");
        if (!assume.length) report("notAdmitted", trust.loc, data, { related });
        else if (!tagsOff && named && admitting.every((x) => actionApplies(x.s, "sts:TagSession") === "no")) report("tagSession", named.s.actionLoc ?? named.s.loc, data, { related, severity: "warning" });
      }
    }
  },
});

/** Whether a statement's principals admit a session of `role`: "yes" when one names it, "maybe" when one may. */
function admitsRole(model: IrsaModel, s: Statement, role: Role): Tri {
  let result: Tri = "no";
  for (const p of s.principals) {
    if (p.type === "*") return "maybe";
    if (p.type !== "AWS") continue;
    for (const v of p.value.kind === "list" ? p.value.items : [p.value]) {
      const one = principalIs(model, v, role);
      if (one === "yes") return "yes";
      if (one === "maybe") result = "maybe";
    }
  }
  return result;
}

function principalIs(model: IrsaModel, v: Value, role: Role): Tri {
  const text = knownString(v);
  // An account (`123456789012`, `:root`) or `*` lets that account's identity policies decide.
  if (text !== undefined && (text === "*" || /^\d{12}$/.test(text) || /:root$/.test(text))) return "maybe";
  const link = model.linkOf(v, "pod-identity");
  if (link.roles.includes(role)) return "yes";
  if (link.roles.length) return "no";
  if (link.candidates.includes(role) || link.blockers.includes(role) || link.unresolved) return "maybe";
  const own = knownString(role.name);
  if (link.name !== undefined && own !== undefined) return link.name.toLowerCase() === own.toLowerCase() ? "maybe" : "no";
  return "maybe";
}
