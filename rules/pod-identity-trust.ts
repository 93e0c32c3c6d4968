import { globMatches } from "../src/core/match.js";
import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import type { Statement } from "../src/iam/document.js";

const SERVICE = "pods.eks.amazonaws.com";

const tf = (actions: string, condition: string) =>
  `resource "aws_iam_role" "app" {\n  name = "app"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { Service = "pods.eks.amazonaws.com" }\n      Action    = [${actions}]${condition}\n    }]\n  })\n}\n\nresource "aws_eks_pod_identity_association" "app" {\n  cluster_name    = "prod"\n  namespace       = "payments"\n  service_account = "payments-api"\n  role_arn        = aws_iam_role.app.arn\n}\n`;

export default defineRule({
  id: "pod-identity-trust",
  severity: "error",
  description: "A role used by an EKS Pod Identity association must trust pods.eks.amazonaws.com for sts:AssumeRole and sts:TagSession",
  tags: ["correctness", "security"],
  messages: {
    notTrusted: "Role {{role}} is used by the Pod Identity association of {{sa}}, but its trust does not admit {{service}}: the pod gets no credentials",
    tagSession: "Role {{role}} trusts {{service}} for sts:AssumeRole without sts:TagSession: EKS Pod Identity tags every session, so the association fails",
    sourceCondition: "Role {{role}} trusts {{service}} without an aws:SourceAccount or aws:SourceArn condition, the confused-deputy protection AWS recommends",
  },
  docs: {
    rationale:
      "EKS Pod Identity, the successor of IRSA, has the EKS Auth service assume the role on the pod's behalf: the trust policy must allow the service principal `pods.eks.amazonaws.com` both `sts:AssumeRole` and `sts:TagSession` (the session carries the cluster, namespace and ServiceAccount as tags). Without `sts:TagSession` the association fails; without `aws:SourceAccount`/`aws:SourceArn` conditions, clusters of other accounts could use the role (the confused-deputy protection AWS recommends).",
    fail: { files: { "terraform/app.tf": tf('"sts:AssumeRole"', "") } },
    pass: {
      files: {
        "terraform/app.tf": tf('"sts:AssumeRole", "sts:TagSession"', '\n      Condition = { StringEquals = { "aws:SourceAccount" = "123456789012" } }'),
      },
    },
    fix: 'Trust { "Service": "pods.eks.amazonaws.com" } for ["sts:AssumeRole", "sts:TagSession"], with an aws:SourceAccount condition.',
  },
  check(model, report) {
    for (const association of model.podIdentityAssociations) {
      const sa = `${knownString(association.namespace) ?? "?"}/${knownString(association.serviceAccountName) ?? "?"}`;
      for (const role of association.roles) {
        // "Does not admit" needs every statement known: one not known may be the one that admits.
        if (!role.trust?.complete || role.trust.statements.some((s) => !s.decided)) continue;
        const statements = role.trust.statements.filter((s) => knownString(s.effect) === "Allow" && s.principals.some((p) => p.type === "Service" && knownString(p.value) === SERVICE));
        const data = { role: role.displayName, sa, service: SERVICE };
        const related = [{ location: association.loc, message: `the Pod Identity association of ${sa}` }];
        const assumes = statements.filter((s) => allows(s, "sts:AssumeRole"));
        if (!assumes.length) {
          report("notTrusted", role.trust.loc, data, { related });
          continue;
        }
        if (!statements.some((s) => allows(s, "sts:TagSession"))) report("tagSession", assumes[0].actionLoc ?? assumes[0].loc, data, { related });
        const scoped = assumes.some((s) => !s.complete || s.conditions.some((c) => /^aws:Source(Account|Arn)$/i.test(knownString(c.key) ?? "")));
        // Hardening, not a fault: passing the role to an association already needs iam:PassRole in its account.
        if (!scoped) report("sourceCondition", assumes[0].loc, data, { related, severity: "note" });
      }
    }
  },
});

function allows(s: Statement, action: string): boolean {
  return s.actions.some((a) => globMatches(knownString(a) ?? "", action, true));
}
