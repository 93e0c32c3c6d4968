import { formatLocation } from "../src/core/location.js";
import { matchValue } from "../src/core/match.js";
import { knownString, type Value } from "../src/core/value.js";
import { alternatives, unknownReason } from "../src/iam/alternatives.js";
import { defineRule, type ReportData, type Severity } from "../src/engine/rule.js";
import type { IamCatalog } from "../src/iam/catalog.js";
import type { Statement } from "../src/iam/document.js";
import { byImpact, deniedEverywhere, denyStatements, grantedActions, keyText, mayBeScoped, readOnly, scopingConditions } from "../src/iam/scope.js";
import { isEscalationAction } from "../src/iam/escalations.js";
import { ownerText, permissionDocuments } from "../src/model/documents.js";
import { irsaStatements, isWorkloadRole } from "../src/model/irsa.js";
import { irsaRoleTf } from "./examples.js";

type Kind = "action" | "pattern" | "resource" | "scoped";

const withStatement = (statement: string) => `${irsaRoleTf("payments", "payments-api", "payments", "payments-api")}
resource "aws_iam_role_policy" "payments" {
  role = aws_iam_role.payments.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      ${statement}
    }]
  })
}
`;

export default defineRule({
  id: "policy-no-wildcards",
  severity: "error",
  description: "Policies attached to IRSA roles must not allow Action \"*\" or \"service:*\", or Resource \"*\"",
  tags: ["security", "CWE-269"],
  messages: {
    action: "Policy {{policy}} allows action \"{{value}}\" to {{roles}}{{when}}: every API of {{scope}}",
    pattern: "Policy {{policy}} allows \"{{value}}\" to {{roles}}{{when}}: {{count}} ({{levels}}), and any AWS adds later that match",
    resource: "Policy {{policy}} allows {{actions}} on Resource \"{{resource}}\" to {{roles}}{{when}}: every resource of the account, where these actions could name the ARNs the workload uses",
    scoped: "Policy {{policy}} allows {{actions}} on Resource \"{{resource}}\" to {{roles}}{{when}}, scoped by the condition {{by}}",
  },
  docs: {
    rationale:
      "An IRSA role exists to give one workload the AWS permissions it needs. `Action: \"*\"` or `\"s3:*\"` grants every current and future API of a service (including deletes and permission changes), and `Resource: \"*\"` extends them to every resource in the account, so a compromised pod reaches far beyond its own data. A prefix pattern such as `s3:Get*` is expanded against AWS's catalog: the message says how many actions it grants and at which access levels (an error when it reaches Write or Permissions management, a warning for read-only ones, a note when they only read the resources the statement names). For `Resource: \"*\"` only the actions that support resource-level permissions count (AWS requires `*` for the others, such as `ec2:Describe*` and `s3:ListAllMyBuckets`), and the message names them: an error when one of them writes or manages permissions, a warning when all only read or list, and a note when a condition scopes the statement the way AWS's published controller policies do (`aws:ResourceTag/…`, `aws:RequestTag/…`, `ec2:ResourceTag/…`, `aws:TagKeys`, `iam:PassedToService`, `iam:AWSServiceName`, `kms:ViaService`, `ec2:CreateAction`). Path-scoped resources such as `arn:aws:s3:::bucket/*` are fine and not reported; an ARN whose resource part is only `*` (`arn:aws:dynamodb:eu-west-1:123456789012:*`) is every resource of its service there, and counts as `*` for that service's actions. Actions a Deny of the role refuses everywhere are not counted, and privilege-escalation actions (`iam:PassRole`, `sts:AssumeRole`, ...) are left to policy-privilege-escalation, which weighs their resources.",
    fail: { files: { "terraform/iam.tf": withStatement(`Action   = "s3:*"
      Resource = "*"`) } },
    pass: { files: { "terraform/iam.tf": withStatement(`Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "arn:aws:s3:::payments-receipts/*"`) } },
    fix: "List the actions the workload calls, and scope Resource to the ARNs it touches.",
  },
  check(model, report, _options, unchecked) {
    type Hit = { value: Value; kind: Kind; policy: string; roles: Set<string>; data: ReportData; severity?: Severity; when?: string };
    const found = new Map<string, Hit>();
    /**
     * Resource "*": AWS requires it for actions without resource-level permissions, so only the
     * others count; a tag or service condition scopes them (a note), read-only ones are a warning.
     */
    /** The actions of a statement that Resource "*" would extend to every resource, most harmful first. */
    const scopableActions = (catalog: IamCatalog | undefined, s: Statement, denies: Statement[]) => {
      // Without the catalog nobody knows which actions AWS requires "*" for: the run says so instead.
      const granted = catalog && grantedActions(catalog, s);
      if (!granted) return []; // an action not known: policy-unknown-action's, or said not checked
      return byImpact(granted.filter((g) => g.resourceLevel && !isEscalationAction(g.name) && deniedEverywhere(denies, g.name) === "no"));
    };
    const resourceHit = (s: Statement, star: Value, policy: string, role: string, scopable: ReturnType<typeof scopableActions>, when?: string) => {
      const names = listed(scopable.map((g) => g.name));
      const scopes = scopingConditions(s);
      if (!scopes.length && mayBeScoped(s)) return; // a condition not known may scope it
      if (scopes.length) {
        const by = [...new Set(scopes.map((c) => `${knownString(c.operator) ?? "${…}"} ${keyText(c.key)}`))].join(", ");
        hit(star, "scoped", policy, role, { actions: names, by, resource: shown(star) }, "note", when);
      } else hit(star, "resource", policy, role, { actions: names, resource: shown(star) }, scopable.every(readOnly) ? "warning" : undefined, when);
    };
    const hit = (value: Value, kind: Kind, policy: string, role: string, data: ReportData = {}, severity?: Severity, when?: string) => {
      const key = formatLocation(value.loc);
      const entry = found.get(key) ?? { value, kind, policy, roles: new Set<string>(), data, severity, when };
      entry.roles.add(role);
      found.set(key, entry);
    };
    /** Every Resource of the statement names resources (an ARN whose resource part is more than `*`): a read-only pattern then reads only those. */
    const scopedResources = (st: Statement) =>
      st.resources.length > 0 &&
      st.resources.every((r) => {
        const values = r.kind === "template" ? [r] : alternatives(r)?.map((o) => o.value);
        return !!values?.length && values.every(namesResources);
      });
    const judgeAction = (a: Value, text: string, policy: string, role: string, st: Statement, when?: string) => {
      if (/^(\*|[\w-]+:\*)$/.test(text)) {
        // `svc:*` of a service AWS does not have grants nothing: policy-unknown-action reports the name.
        if (text !== "*" && model.catalog && !model.catalog.service(text.split(":")[0])) return;
        hit(a, "action", policy, role, {}, undefined, when);
      }
      else if (/^[\w-]+:.*[*?]/.test(text)) {
        const granted = model.catalog?.expand(text);
        if (!granted?.length) return; // unknown to the catalog: policy-unknown-action's
        const levels = [...new Set(granted.flatMap((g) => g.accessLevel.split(", ")))].sort();
        const writes = levels.some((l) => /Write|Permissions/.test(l));
        // Read-only actions of resources the statement names are a note: they read what the workload was given.
        hit(a, "pattern", policy, role, { count: `${granted.length} ${granted.length === 1 ? "action" : "actions"}`, levels: levels.join(", ") }, writes ? "error" : scopedResources(st) ? "note" : "warning", when);
      }
    };
    // The policies of workload roles, and standalone documents beside a standalone IRSA trust (the AWS CLI layout).
    const owned = [
      ...model.reportedRoles
        .filter((r) => isWorkloadRole(model, r))
        .flatMap((r) => r.policies.map((p) => ({ document: p.document, policy: p.displayName, owner: ownerText(p.displayName, r.displayName), role: `${irsaStatements(model, r.trust, r).length || model.serviceAccountsOf(r).length ? "IRSA" : "Pod Identity"} role ${r.displayName}`, denies: denyStatements(r.policies.map((o) => o.document)) }))),
      ...permissionDocuments(model)
        .filter((d) => !d.role)
        .map((d) => ({ document: d.document, policy: `in ${d.document.loc.file}`, owner: ownerText(undefined, undefined, d.document.loc.file), role: "the IRSA role whose trust policy is beside it", denies: denyStatements([d.document]) })),
    ];
    for (const { document, policy, owner, role, denies } of owned) {
      if (!document) continue;
      if (!document.complete) unchecked(document.gap?.loc ?? document.loc, `the statement list of ${owner}`, document.gap?.reason ?? "it is not known");
      for (const s of document.statements) {
        const effect = s.effect ? knownString(s.effect) : "Allow";
        if (effect === undefined) unchecked(s.effect!.loc, `Effect of a statement of ${owner}`, unknownReason(s.effect!));
        if (effect !== "Allow") continue;
        for (const a of s.actions) {
          const options = alternatives(a);
          if (!options) unchecked(a.loc, `Action of ${owner}`, unknownReason(a));
          for (const o of options ?? []) judgeAction(o.value, knownString(o.value) ?? "", policy, role, s, o.when);
        }
        const scopable = scopableActions(model.catalog, s, denies);
        if (!scopable.length) continue;
        for (const r of s.resources) {
          const options = alternatives(r);
          // A declared resource's own attribute (aws_s3_bucket.b.arn, module.s3_bucket.s3_bucket_arn) is one resource, never "*"; a module's output may be anything.
          const declared = r.origin && !/^(module:|data\.terraform_remote_state$)/.test(r.origin.type);
          if (!options && !declared && matchValue(r, "*") !== "no") unchecked(r.loc, `Resource of ${owner}`, unknownReason(r));
          for (const o of options ?? (r.kind === "template" ? [{ value: r, when: undefined }] : [])) {
            if (knownString(o.value) === "*") resourceHit(s, o.value, policy, role, scopable, o.when);
            // arn:aws:dynamodb:eu-west-1:123456789012:* is every resource of the service there: "*" for its actions.
            const service = SERVICE_WIDE.exec(writtenText(o.value) ?? "")?.[1];
            const ofService = service ? scopable.filter((g) => g.name.startsWith(`${service}:`)) : [];
            if (ofService.length) resourceHit(s, o.value, policy, role, ofService, o.when);
          }
        }
      }
    }
    for (const { value, kind, policy, roles, data, severity, when } of found.values()) {
      const text = shown(value);
      const fix = kind === "resource" || kind === "scoped" ? "Scope Resource to the ARNs the workload uses." : "List the specific actions the workload calls.";
      const message = { policy, value: text, roles: [...roles].join(", ").replace(/, (IRSA|Pod Identity) role /g, ", "), scope: text === "*" ? "every AWS service" : text.split(":")[0], ...data, when: when ? ` when ${when}` : "" };
      report(kind, value.loc, message, { fix, severity, ...(when ? { condition: when } : {}) });
    }
  },
});

/** An ARN whose resource part is only `*`: every resource of its service (in its region and account, which may be unknown parts). */
const SERVICE_WIDE = /^arn:[\w-]+:([\w-]+):[^:]*:[^:]*:\*$/;

/** A resource as messages show it: unknown parts as the placeholder written there, or `${…}`. */
function shown(v: Value): string {
  return v.kind === "template" ? v.parts.map((p) => (typeof p === "string" ? p : (p.placeholder ?? "${…}"))).join("") : (knownString(v) ?? "${…}");
}

/** A string's text, a template's with each unknown part as U+0000 (matching no written character). */
function writtenText(v: Value): string | undefined {
  if (v.kind === "string") return v.value;
  return v.kind === "template" ? v.parts.map((p) => (typeof p === "string" ? p : "\u0000")).join("") : undefined;
}

/**
 * An ARN of some resources, not every resource of a service: its resource part (after the fifth
 * colon, all five written literally) has a written character other than `*`, `/` and `:`.
 * Unknown parts (`${local.name}`) may be anything, even `*`: they name nothing.
 */
function namesResources(v: Value): boolean {
  const m = /^arn:[^:\u0000]+:[^:\u0000]+:[^:]*:[^:]*:(.*)$/s.exec(writtenText(v) ?? "");
  return !!m && /[^*/:\u0000]/.test(m[1]);
}

/** Up to four names, then how many more. */
function listed(names: string[]): string {
  return names.length > 4 ? `${names.slice(0, 4).join(", ")} and ${names.length - 4} more` : names.join(", ");
}
