import type { SourceLocation } from "../src/core/location.js";
import { knownString, type Value } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import type { Role } from "../src/model/model.js";

/** The keys of `${aws:PrincipalTag/key}` policy variables without a default value in a string. */
function variableTags(v: Value): string[] {
  const text = knownString(v);
  return text === undefined ? [] : [...text.matchAll(/\$\{aws:principaltag\/([^},\s]+)\}/gi)].map((m) => m[1]);
}

/** The session tags EKS Pod Identity sets (EKS user guide, "Grant Pods access to AWS resources based on tags"). */
const SESSION_TAGS = ["eks-cluster-arn", "eks-cluster-name", "kubernetes-namespace", "kubernetes-service-account", "kubernetes-pod-name", "kubernetes-pod-uid"];
const PRINCIPAL_TAG = /^aws:principaltag\/(.+)$/i;

const files = (tag: string) => ({
  "terraform/reports.tf": `resource "aws_iam_role" "reports" {
  name = "reports"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Condition = { StringEquals = { "aws:SourceAccount" = "123456789012" } }
    }]
  })
}

resource "aws_iam_role_policy" "reports" {
  role = aws_iam_role.reports.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["s3:GetObject"]
      Resource  = "arn:aws:s3:::reports/*"
      Condition = { StringEquals = { "s3:ExistingObjectTag/namespace" = "$\${aws:PrincipalTag/${tag}}" } }
    }, {
      Effect    = "Allow"
      Action    = ["secretsmanager:GetSecretValue"]
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalTag/${tag}" = "reports" } }
    }]
  })
}

resource "aws_eks_pod_identity_association" "reports" {
  cluster_name    = "prod"
  namespace       = "reports"
  service_account = "reports"
  role_arn        = aws_iam_role.reports.arn
}
`,
});

export default defineRule({
  id: "pod-identity-session-tags",
  severity: "warning",
  description: "Policies of a Pod Identity role must compare only the session tags EKS Pod Identity sets",
  tags: ["correctness"],
  messages: {
    unknownTag: "Policy {{policy}} of role {{role}} compares aws:PrincipalTag/{{tag}}, a tag EKS Pod Identity never sets (it sets {{tags}}): the condition never matches{{effect}}",
    variable: "Policy {{policy}} of role {{role}} uses ${aws:PrincipalTag/{{tag}}}{{where}}, a tag {{why}}: the variable is never replaced, so {{outcome}}",
    disabled: "Policy {{policy}} of role {{role}} compares aws:PrincipalTag/{{tag}}, but the Pod Identity association at {{at}} disables session tags: the condition never matches{{effect}}",
  },
  docs: {
    rationale:
      "EKS Pod Identity tags each session with six tags: `eks-cluster-arn`, `eks-cluster-name`, `kubernetes-namespace`, `kubernetes-service-account`, `kubernetes-pod-name` and `kubernetes-pod-uid` (none when the association sets `disable_session_tags`). A policy that compares `aws:PrincipalTag/<key>` for another key (`namespace`, `team`, a typo) compares a tag the session does not have: `StringEquals` and the other positive operators never match, so an Allow grants nothing and a Deny refuses nothing; a `${aws:PrincipalTag/<key>}` variable of such a key (without a default value) fails its condition, and in a Resource matches nothing. Operators that match a missing key (`…IfExists`, `StringNotEquals`, `Null`) are not judged.",
    fail: { files: files("namespace") },
    pass: { files: files("kubernetes-namespace") },
    fix: "Compare one of the tags Pod Identity sets (aws:PrincipalTag/kubernetes-namespace, …), or leave session tags enabled on the association.",
  },
  check(model, report) {
    const seen = new Set<string>();
    const rolesOf = new Map<Role, { disabledAt?: string }>();
    for (const a of model.podIdentityAssociations)
      for (const role of a.roles) {
        const disabled = a.disableSessionTags && (knownString(a.disableSessionTags) === "true" || (a.disableSessionTags.kind === "bool" && a.disableSessionTags.value));
        // Tags are judged by the association that keeps them: a role used with and without them is judged as disabled only by all.
        const before = rolesOf.get(role);
        const at = disabled ? `${a.loc.file}:${a.loc.line}` : undefined;
        rolesOf.set(role, before === undefined ? { disabledAt: at } : { disabledAt: before.disabledAt && at ? before.disabledAt : undefined });
      }
    for (const [role, { disabledAt }] of rolesOf)
      for (const p of role.policies)
        for (const s of p.document?.statements ?? []) {
          const effect = knownString(s.effect) ?? "Allow";
          const judge = (tag: string, at: SourceLocation, where?: "Resource" | "condition value") => {
            if (SESSION_TAGS.includes(tag.toLowerCase()) && !disabledAt) return;
            const key = `${at.file}:${at.line}:${at.column} ${tag} ${role.id}`;
            if (seen.has(key)) return;
            seen.add(key);
            const data = { policy: p.displayName, role: role.displayName, tag, tags: SESSION_TAGS.join(", "), at: disabledAt ?? "", effect: effect === "Deny" ? ", so the Deny refuses nothing" : ", so the statement grants nothing" };
            if (where) {
              const why = disabledAt ? `the Pod Identity association at ${disabledAt} disables (session tags are off)` : `EKS Pod Identity never sets (it sets ${SESSION_TAGS.join(", ")})`;
              const outcome = where === "Resource" ? "the statement matches no resource" : "the condition never matches";
              report("variable", at, { ...data, where: ` in a ${where}`, why, outcome });
            } else report(disabledAt ? "disabled" : "unknownTag", at, data);
          };
          for (const c of s.conditions) {
            const operator = knownString(c.operator) ?? "";
            const tag = PRINCIPAL_TAG.exec(knownString(c.key) ?? "")?.[1];
            // Only operators that need the key present: a missing tag makes them false.
            if (tag !== undefined && operator && !/IfExists$|Not|^Null$/i.test(operator)) judge(tag, c.key.loc);
            // ${aws:PrincipalTag/x} in a value: a variable of a missing key fails the condition (without a default).
            if (!/IfExists$/i.test(operator)) for (const v of c.values) for (const t of variableTags(v)) judge(t, v.loc, "condition value");
          }
          // In a Resource, a variable of a missing key matches no resource.
          for (const r of s.resources) for (const t of variableTags(r)) judge(t, r.loc, "Resource");
        }
  },
});
