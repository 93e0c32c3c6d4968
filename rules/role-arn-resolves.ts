import { hasHole, parseArnValue } from "../src/core/arn.js";
import { closest, globMatches } from "../src/core/match.js";
import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import type { Role } from "../src/model/model.js";

export default defineRule<"missing" | "prefixed" | "wrongPath" | "wrongAccount", { externalRoles: string[] }>({
  id: "role-arn-resolves",
  severity: "error",
  description: "The role a ServiceAccount annotates must be one of the roles in the scanned code",
  tags: ["correctness"],
  messages: {
    missing: "ServiceAccount {{sa}} annotates role {{name}}, but no scanned role has that name{{hint}}",
    prefixed: "ServiceAccount {{sa}} annotates role {{name}}, but the scanned role is named {{prefix}} plus a random suffix AWS generates (a name prefix): the annotation can never match it",
    wrongPath: "ServiceAccount {{sa}} annotates role {{name}} with path {{path}}, but the scanned role {{name}} has path {{rolePath}}",
    wrongAccount: "ServiceAccount {{sa}} annotates role {{name}} in account {{account}}, but the scanned role {{name}} is in account {{roleAccount}}",
  },
  docs: {
    rationale:
      "A role ARN that names no existing role is the commonest cause of `NoCredentialProviders` and `AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity`: the annotation was typed by hand, the role was renamed, or it carries an environment suffix that differs. The rule runs only when the scan contains roles, so a manifests-only scan stays quiet.",
    fail: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: team-payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api-prod\n",
        "terraform/iam.tf": "resource \"aws_iam_role\" \"payments\" {\n  name               = \"payments-api-production\"\n  assume_role_policy = data.aws_iam_policy_document.trust.json\n}\n",
      },
    },
    pass: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: team-payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api-production\n",
        "terraform/iam.tf": "resource \"aws_iam_role\" \"payments\" {\n  name               = \"payments-api-production\"\n  assume_role_policy = data.aws_iam_policy_document.trust.json\n}\n",
      },
    },
    fix: "Correct the role name in the annotation (the suggestion names the closest scanned role), scan the Terraform that declares the role, or list roles managed elsewhere in the rule's `externalRoles` option.",
  },
  options: {
    properties: {
      externalRoles: {
        type: "array",
        items: { type: "string" },
        description: "Role ARN patterns (`*` and `?`) of roles managed outside the scanned code; annotations matching them are not reported",
      },
    },
    defaults: { externalRoles: [] },
  },
  check(model, report, { externalRoles }) {
    if (model.roles.length === 0) return;
    // Every known name, repeats included, for suggestions; the first role of each name, to point at.
    const names: string[] = [];
    const firstNamed = new Map<string, Role>();
    for (const r of model.roles) {
      const name = knownString(r.name);
      if (name === undefined) continue;
      names.push(name);
      if (!firstNamed.has(name)) firstNamed.set(name, r);
    }
    const unparsed = model.unparsedRoleSources.length ? `; ${model.unparsedRoleSources[0]} could not be parsed and may declare it` : "";
    for (const sa of model.serviceAccounts) {
      if (!sa.roleArn) continue;
      const text = knownString(sa.roleArn);
      if (text !== undefined && externalRoles.some((pattern) => globMatches(pattern, text))) continue;
      const link = model.linkOf(sa.roleArn);
      const name = link.name;
      // Only an ARN whose role name is known can name no role; a maybe is never a finding.
      // A project that declares no role (a lesson's manifests beside another lesson's Terraform): not resolved, never missing.
      if (name === undefined || link.roles.length || link.candidates.length || link.blockers.length || link.unresolved || link.projectWithoutRoles !== undefined) continue;
      const who = `${sa.namespace}/${sa.name}`;
      const prefixed = model.roles.find((r) => knownString(r.namePrefix)?.replace(/-$/, "") === name);
      if (prefixed) {
        report("prefixed", sa.roleArn.loc, { sa: who, name, prefix: knownString(prefixed.namePrefix)! }, {
          related: [{ location: prefixed.loc, message: `role ${knownString(prefixed.namePrefix)}<suffix> is declared here` }],
          fix: `Give the role its exact name (use_name_prefix = false in the module, or name instead of name_prefix), or annotate the name AWS generated.`,
        });
        continue;
      }
      const arn = parseArnValue(sa.roleArn)!;
      const sameName = firstNamed.get(name);
      if (sameName) {
        const roleAccount = sameName.arn ? parseArnValue(sameName.arn)?.account : undefined;
        if (roleAccount && !hasHole(roleAccount) && roleAccount !== arn.account) {
          report("wrongAccount", sa.roleArn.loc, { sa: who, name, account: arn.account, roleAccount }, {
            related: [{ location: sameName.loc, message: `role ${name} is declared here` }],
            fix: `Use the account the role is in (${roleAccount}), or scan the other account's roles.`,
          });
          continue;
        }
        const rolePath = knownString(sameName.path);
        if (rolePath === undefined) continue;
        report("wrongPath", sa.roleArn.loc, { sa: who, name, path: arn.path, rolePath }, {
          related: [{ location: sameName.loc, message: `role ${name} is declared here` }],
          fix: `Write the ARN as ...:role${rolePath}${name}.`,
        });
        continue;
      }
      const suggestion = closest(name, names);
      const role = suggestion ? firstNamed.get(suggestion) : undefined;
      report(
        "missing",
        sa.roleArn.loc,
        { sa: who, name, hint: `${suggestion ? ` (did you mean ${suggestion}?)` : ""}${unparsed}` },
        {
          related: [...(role ? [{ location: role.loc, message: `role ${suggestion} is declared here` }] : []), ...(sa.provenance ?? []).map((p) => ({ location: p.location, message: p.message }))],
          fix: suggestion ? `Change the annotation to name ${suggestion}, or rename the role.` : "Point the annotation at a role declared in the scanned code, or list roles managed elsewhere in externalRoles.",
          ...(suggestion ? { suggestion: { replace: `:role${arn.path}${name}`, with: `:role${arn.path}${suggestion}`, title: `Annotate role ${suggestion}` } } : {}),
        },
      );
    }
  },
});
