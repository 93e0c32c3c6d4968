import { knownString } from "../src/core/value.js";
import type { SourceLocation } from "../src/core/location.js";
import { defineRule } from "../src/engine/rule.js";
import { conditionsOn } from "../src/iam/evaluate.js";
import { admits, refusesNamespace } from "../src/iam/questions.js";
import { describeClaim, subject } from "../src/iam/trust.js";
import { irsaStatements, webIdentityMisactions } from "../src/model/irsa.js";

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
      "Trust policy of role {{role}} admits {{admitted}}, not \"{{subject}}\" of ServiceAccount {{sa}} that annotates it",
    denied: "Trust policy of role {{role}} refuses ServiceAccount {{sa}} that annotates it: the Deny statement at line {{line}} matches \"{{subject}}\", and an explicit Deny overrides every Allow",
    noWebIdentity: "Role {{role}} is annotated by ServiceAccount {{sa}}, but its trust policy has no statement allowing sts:AssumeRoleWithWebIdentity from the cluster's OIDC provider",
    namespace: "Trust policy of role {{role}} admits {{admitted}}, no ServiceAccount of namespace {{namespace}}, where the chart that annotates it creates its ServiceAccount (named by the chart)",
    revision: "Trust policy of role {{role}} admits {{admitted}}, none of the names \"{{subject}}<revision hash>\" Crossplane gives the provider's ServiceAccount ({{sa}}) that annotates it",
  },
  docs: {
    rationale:
      "STS compares the token's `sub` claim, `system:serviceaccount:<namespace>:<name>`, with the trust policy's `<provider>:sub` condition. A namespace or name that differs by one character makes AssumeRoleWithWebIdentity fail with AccessDenied, and the pod falls back to the node role or gets `NoCredentialProviders`. IAM's semantics are honoured: every string operator (negated, IgnoreCase, IfExists), lists of values, condition keys in any case, and explicit Deny statements, which refuse a token whatever the Allows say. A value irsa-lint cannot resolve never produces this finding.",
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
      if (roles.length === 0 || sa.namespaceKnown === false) continue;
      // A chart names its ServiceAccount itself: what is known, the namespace, is compared.
      if (sa.nameKnown === false) {
        // An EKS Pod Identity association in the namespace may be the chart's ServiceAccount's: it would win.
        if (!roles.every((r) => refusesNamespace(r.trust!, sa.namespace, sa.namePrefix)) || model.podIdentityAssociations.some((a) => knownString(a.namespace) === sa.namespace)) continue;
        const role = roles[0];
        const statements = irsaStatements(model, role.trust, role);
        const data = { role: role.displayName, sa: `${sa.namespace}/${sa.name}`, subject: "" };
        if (statements.length === 0) {
          if (webIdentityMisactions(model, role.trust).length) continue;
          report("noWebIdentity", role.trust!.loc, data, { related: [{ location: sa.loc, message: "the chart's ServiceAccount is configured here" }], fix: "Add a statement allowing sts:AssumeRoleWithWebIdentity from the cluster's OIDC provider." });
          continue;
        }
        const subs = statements.flatMap((s) => conditionsOn(s, "sub"));
        if (sa.namePrefix !== undefined) {
          report("revision", subs[0]?.valuesLoc ?? role.trust!.loc, { ...data, admitted: describeClaim(subs, "sub"), subject: `system:serviceaccount:${sa.namespace}:${sa.namePrefix}` }, {
            related: [{ location: sa.loc, message: `the provider's ServiceAccount ${sa.namespace}/${sa.name} is configured here` }, ...carriedBy(sa)],
            fix: `Admit system:serviceaccount:${sa.namespace}:${sa.namePrefix}* in the trust policy (StringLike), the names Crossplane gives the provider's revisions.`,
          });
          continue;
        }
        report("namespace", subs[0]?.valuesLoc ?? role.trust!.loc, { ...data, admitted: describeClaim(subs, "sub"), namespace: sa.namespace }, {
          related: [{ location: sa.loc, message: `the chart's ServiceAccount in namespace ${sa.namespace} is configured here` }],
          fix: `Admit system:serviceaccount:${sa.namespace}:<the chart's ServiceAccount name> in the trust policy, or install the release into the namespace the trust admits.`,
        });
        continue;
      }
      const sub = subject(sa.namespace, sa.name);
      // The audience is trust-audience-sts' to judge: here any audience may be the token's.
      const verdicts = roles.map((r) => admits(r.trust!, irsaStatements(model, r.trust, r), sub));
      if (verdicts.some((v) => v.admitted !== "no")) continue;
      const role = roles[0];
      const { deny } = verdicts[0];
      const data = { role: role.displayName, sa: `${sa.namespace}/${sa.name}`, subject: sub };
      const related = [{ location: sa.loc, message: `ServiceAccount ${sa.namespace}/${sa.name} is declared here` }, ...carriedBy(sa)];
      const statements = irsaStatements(model, role.trust, role);
      if (statements.length === 0) {
        // A statement trusting the provider for the wrong action is trust-action-web-identity's, at its Action.
        if (!webIdentityMisactions(model, role.trust).length) report("noWebIdentity", role.trust!.loc, data, { related, fix: "Add a statement allowing sts:AssumeRoleWithWebIdentity from the cluster's OIDC provider." });
        continue;
      }
      if (deny) {
        const at = conditionsOn(deny, "sub")[0]?.valuesLoc ?? deny.loc;
        report("denied", at, { ...data, line: deny.loc.line }, { related, fix: `Narrow the Deny statement so that it does not match ${sub}, or give the ServiceAccount another role.` });
        continue;
      }
      const subConditions = statements.flatMap((s) => conditionsOn(s, "sub"));
      const first = subConditions[0];
      const at = first ? (first.values.length === 1 ? first.values[0].loc : first.valuesLoc) : statements[0].loc;
      report("mismatch", at, { ...data, admitted: describeClaim(subConditions, "sub") }, {
        related,
        fix: `Use ${sub} in the trust policy, or rename the ServiceAccount to the subject the trust admits.`,
      });
    }
  },
});

/** The hops a GitOps tool carried the role ARN through, as related locations. */
function carriedBy(sa: { provenance?: Array<{ message: string; location: SourceLocation }> }) {
  return (sa.provenance ?? []).map((p) => ({ location: p.location, message: p.message }));
}
