import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { claimConditions, subject, trustAdmits, valuesText } from "../src/iam/trust.js";
import { irsaStatements } from "../src/model/irsa.js";

const SERVICE_ACCOUNT = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: payments-api
  namespace: team-payments
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api-production
`;

const irsaModule = (subject: string) => `module "eks" {
  source = "terraform-aws-modules/eks/aws"
}

module "payments_api_irsa" {
  source    = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  role_name = "payments-api-production"
  oidc_providers = {
    cluster = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["${subject}"]
    }
  }
}
`;

export default defineRule({
  id: "trust-subject-matches",
  severity: "error",
  description: "The trust policy of a ServiceAccount's role must admit system:serviceaccount:<namespace>:<name>",
  tags: ["correctness", "security"],
  messages: {
    mismatch:
      "Trust policy of role {{role}} admits sub {{admitted}}, not \"{{subject}}\" of ServiceAccount {{sa}} that annotates it",
    noWebIdentity: "Role {{role}} is annotated by ServiceAccount {{sa}}, but its trust policy has no statement allowing sts:AssumeRoleWithWebIdentity from the cluster's OIDC provider",
  },
  docs: {
    rationale:
      "STS compares the token's `sub` claim, `system:serviceaccount:<namespace>:<name>`, with the trust policy's `<provider>:sub` condition. A namespace or name that differs by one character makes AssumeRoleWithWebIdentity fail with AccessDenied, and the pod falls back to the node role or gets `NoCredentialProviders`. StringEquals and StringLike semantics (with `*` and `?`) and lists of values are honoured; a value irsa-lint cannot resolve never produces this finding.",
    fail: {
      files: {
        "k8s/sa.yaml": SERVICE_ACCOUNT,
        "terraform/irsa.tf": irsaModule("payments:payments-api"),
      },
    },
    pass: {
      files: {
        "k8s/sa.yaml": SERVICE_ACCOUNT,
        "terraform/irsa.tf": irsaModule("team-payments:payments-api"),
      },
    },
    fix: "Make the trust policy's sub value system:serviceaccount:<namespace>:<name> of the ServiceAccount, or rename the ServiceAccount to match.",
  },
  check(model, report) {
    for (const sa of model.serviceAccounts) {
      const roles = model.rolesOf(sa).filter((r) => r.trust);
      // A chart's ServiceAccount lives in the release namespace, which only helm install knows.
      if (roles.length === 0 || sa.namespaceKnown === false || sa.nameKnown === false) continue;
      const sub = subject(sa.namespace, sa.name);
      if (roles.some((r) => trustAdmits(r.trust!, irsaStatements(model, r.trust, r), sub) !== "no")) continue;
      const role = roles[0];
      const data = { role: role.displayName, sa: `${sa.namespace}/${sa.name}`, subject: sub };
      const related = [{ location: sa.loc, message: `ServiceAccount ${sa.namespace}/${sa.name} is declared here` }];
      const statements = irsaStatements(model, role.trust, role);
      if (statements.length === 0) {
        report("noWebIdentity", role.trust!.loc, data, { related, fix: "Add a statement allowing sts:AssumeRoleWithWebIdentity from the cluster's OIDC provider." });
        continue;
      }
      const subConditions = statements.flatMap((s) => claimConditions(s, "sub").conditions);
      const first = subConditions[0];
      const admitted = subConditions.flatMap((c) => c.values).filter((v) => knownString(v) !== undefined);
      const at = first ? (first.values.length === 1 ? first.values[0].loc : first.valuesLoc) : statements[0].loc;
      report("mismatch", at, { ...data, admitted: valuesText(admitted) || "(none)" }, {
        related,
        fix: `Use ${sub} in the trust policy, or rename the ServiceAccount to the subject the trust admits.`,
      });
    }
  },
});
