import { formatLocation } from "../src/core/location.js";
import { knownString, type Value } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { webIdentityStatements } from "../src/iam/trust.js";
import type { Role } from "../src/model/model.js";

type Kind = "action" | "resource";

export default defineRule({
  id: "policy-no-wildcards",
  severity: "error",
  description: "Policies attached to IRSA roles must not allow Action \"*\" or \"service:*\", or Resource \"*\"",
  tags: ["security", "CWE-269"],
  messages: {
    action: "Policy {{policy}} allows action \"{{value}}\" to IRSA role {{roles}}: every API of {{scope}}",
    resource: "Policy {{policy}} allows its actions on Resource \"*\" to IRSA role {{roles}}",
  },
  docs: {
    rationale:
      "An IRSA role exists to give one workload the AWS permissions it needs. `Action: \"*\"` or `\"s3:*\"` grants every current and future API of a service (including deletes and permission changes), and `Resource: \"*\"` extends them to every resource in the account, so a compromised pod reaches far beyond its own data. Path-scoped resources such as `arn:aws:s3:::bucket/*` are fine and not reported.",
    fail: {
      files: {
        "terraform/iam.tf": "resource \"aws_iam_role\" \"payments\" {\n  name = \"payments-api\"\n  assume_role_policy = jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [{\n      Effect    = \"Allow\"\n      Action    = \"sts:AssumeRoleWithWebIdentity\"\n      Principal = { Federated = var.oidc_provider_arn }\n    }]\n  })\n}\n\nresource \"aws_iam_role_policy\" \"payments\" {\n  role = aws_iam_role.payments.name\n  policy = jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [{\n      Effect   = \"Allow\"\n      Action   = \"s3:*\"\n      Resource = \"*\"\n    }]\n  })\n}\n",
      },
    },
    pass: {
      files: {
        "terraform/iam.tf": "resource \"aws_iam_role\" \"payments\" {\n  name = \"payments-api\"\n  assume_role_policy = jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [{\n      Effect    = \"Allow\"\n      Action    = \"sts:AssumeRoleWithWebIdentity\"\n      Principal = { Federated = var.oidc_provider_arn }\n    }]\n  })\n}\n\nresource \"aws_iam_role_policy\" \"payments\" {\n  role = aws_iam_role.payments.name\n  policy = jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [{\n      Effect   = \"Allow\"\n      Action   = [\"s3:GetObject\", \"s3:PutObject\"]\n      Resource = \"arn:aws:s3:::payments-receipts/*\"\n    }]\n  })\n}\n",
      },
    },
    fix: "List the actions the workload calls, and scope Resource to the ARNs it touches.",
  },
  check(model, report) {
    const found = new Map<string, { value: Value; kind: Kind; policy: string; roles: Set<string> }>();
    for (const role of model.roles.filter((r) => isIrsaRole(r, model.serviceAccountsOf(r).length > 0))) {
      for (const policy of role.policies) {
        for (const s of policy.document?.statements ?? []) {
          if (knownString(s.effect) !== "Allow") continue;
          const hits: Array<[Value, Kind]> = [
            ...s.actions.filter((a) => /^(\*|[\w-]+:\*)$/.test(knownString(a) ?? "")).map((a): [Value, Kind] => [a, "action"]),
            ...s.resources.filter((r) => knownString(r) === "*").map((r): [Value, Kind] => [r, "resource"]),
          ];
          for (const [value, kind] of hits) {
            const key = formatLocation(value.loc);
            const entry = found.get(key) ?? { value, kind, policy: policy.displayName, roles: new Set<string>() };
            entry.roles.add(role.displayName);
            found.set(key, entry);
          }
        }
      }
    }
    for (const { value, kind, policy, roles } of found.values()) {
      const text = knownString(value)!;
      report(kind, value.loc, { policy, value: text, roles: [...roles].join(", "), scope: text === "*" ? "every AWS service" : text.split(":")[0] }, {
        fix: kind === "action" ? "List the specific actions the workload calls." : "Scope Resource to the ARNs the workload uses.",
      });
    }
  },
});

function isIrsaRole(role: Role, annotated: boolean): boolean {
  return annotated || webIdentityStatements(role.trust).length > 0;
}
