import { formatLocation, type SourceLocation } from "../core/location.js";
import type { Provenance } from "../core/declarations.js";
import { knownString } from "../core/value.js";
import type { Tri } from "../core/match.js";
import type { IrsaModel, Role, RoleLink, ServiceAccount } from "../model/model.js";
import { admits, admitsEveryRevision, refusesNamespace } from "../iam/questions.js";
import { STS_AUDIENCE, subject } from "../iam/trust.js";
import { irsaStatements } from "../model/irsa.js";
import type { Finding } from "./rule.js";

/**
 * What a run examined: each place that gives a ServiceAccount its role (a role annotation, an EKS
 * Pod Identity association), the role it resolved to, and whether its checks ran. No peer reports
 * its own coverage; a user must never read "No IRSA problems" when nothing was checked.
 */
export interface LinkReport {
  kind: "annotation" | "pod-identity";
  location: SourceLocation;
  /** `namespace/name`, `?` where not known. */
  serviceAccount: string;
  /** Where the ServiceAccount is declared (its name, or the block that declares it), when the scan declares it. */
  serviceAccountLocation?: SourceLocation;
  role?: { name: string; location: SourceLocation };
  /**
   * `checked`: the role's trust was evaluated for this ServiceAccount; `missing`: the role named
   * exists nowhere in the scan (a finding); `not-resolved`: which role is meant is not known;
   * `not-checked`: the role is known, its checks could not run.
   */
  status: "checked" | "missing" | "not-resolved" | "not-checked";
  reason?: string;
  /** How the role was chosen when the ARN did not name it by reference or by its one exact name. */
  assumed?: string;
  /** How a GitOps tool carried the role ARN to the annotation, hop by hop. */
  via?: Provenance[];
}

export interface Coverage {
  annotations: number;
  podIdentityAssociations: number;
  /** Linked to a scanned role for certain. */
  linked: number;
  checked: number;
  missing: number;
  notResolved: number;
  notChecked: number;
}

export function coverageOf(model: IrsaModel, findings: Finding[]): LinkReport[] {
  const missing = new Set(findings.filter((f) => f.ruleId === "role-arn-resolves").map((f) => formatLocation(f.location)));
  const out: LinkReport[] = [];
  for (const sa of model.serviceAccounts) {
    if (!sa.roleArn) continue;
    const base = { kind: "annotation" as const, location: sa.roleArn.loc, serviceAccount: sa.namespaceKnown === false ? `?/${sa.name}` : sa.key, serviceAccountLocation: sa.loc, ...(sa.provenance?.length ? { via: sa.provenance } : {}) };
    if (missing.has(formatLocation(sa.roleArn.loc))) {
      out.push({ ...base, status: "missing", reason: "no scanned role has that name (role-arn-resolves)" });
      continue;
    }
    const link = model.linkOf(sa.roleArn);
    const role = link.roles[0];
    if (!role) out.push({ ...base, status: "not-resolved", reason: unresolvedReason(model, link) });
    else {
      const why =
        sa.namespaceKnown === false
          ? "its namespace is not known (chosen at deploy time, or set from a value irsa-lint cannot resolve)"
          : (trustGap(role) ?? (sa.nameKnown === false ? chartDefault(model, role, sa) : undecided(model, role, sa)));
      const reason = typeof why === "string" ? why : undefined;
      const assumed = [link.assumed, typeof why === "object" ? why.assumed : undefined].filter(Boolean).join("; ");
      out.push({ ...base, role: described(role), status: reason ? "not-checked" : "checked", ...(reason ? { reason } : {}), ...(assumed ? { assumed } : {}) });
    }
  }
  for (const a of model.podIdentityAssociations) {
    const sa = `${knownString(a.namespace) ?? "?"}/${knownString(a.serviceAccountName) ?? "?"}`;
    const base = { kind: "pod-identity" as const, location: a.loc, serviceAccount: sa };
    const role = a.roles[0];
    if (!role) out.push({ ...base, status: "not-resolved", reason: unresolvedReason(model, model.linkOf(a.roleArn)) });
    else {
      const why = trustGap(role);
      out.push({ ...base, role: described(role), status: why ? "not-checked" : "checked", ...(why ? { reason: why } : {}) });
    }
  }
  return out;
}

export function summarizeCoverage(links: LinkReport[]): Coverage {
  const count = (s: LinkReport["status"]) => links.filter((l) => l.status === s).length;
  return {
    annotations: links.filter((l) => l.kind === "annotation").length,
    podIdentityAssociations: links.filter((l) => l.kind === "pod-identity").length,
    linked: links.filter((l) => l.role).length,
    checked: count("checked"),
    missing: count("missing"),
    notResolved: count("not-resolved"),
    notChecked: count("not-checked"),
  };
}

const described = (role: Role) => ({ name: role.displayName, location: role.loc });

function trustGap(role: Role): string | undefined {
  if (!role.trust) return `the trust policy of role ${role.displayName} is not in the scan`;
  if (!role.trust.complete) return `part of the trust policy of role ${role.displayName} is not known (--verbose lists the values)`;
  return undefined;
}

/**
 * `checked` means the trust was compared with this ServiceAccount's token: the evaluator said yes
 * or no. A maybe (a sub value, an operator or a Deny not known) is not a check.
 */
function undecided(model: IrsaModel, role: Role, sa: ServiceAccount): string | undefined {
  const sub = subject(sa.namespace, sa.name);
  const verdict = admits(role.trust!, irsaStatements(model, role.trust, role), sub, knownString(sa.audience) ?? STS_AUDIENCE);
  return verdict.admitted === "maybe" ? `whether the trust policy of role ${role.displayName} admits ${sub} is not known: a value it depends on is not known (--verbose lists the values)` : undefined;
}

/**
 * A chart's ServiceAccount of unknown name: its namespace is compared (a trust refusing the whole
 * namespace is a finding); Helm's fullname convention may then tell the name, never a finding.
 */
function chartDefault(model: IrsaModel, role: Role, sa: ServiceAccount): string | { assumed: string } | undefined {
  const podIdentity = model.podIdentityAssociations.find((a) => knownString(a.namespace) === sa.namespace);
  if (podIdentity) return `an EKS Pod Identity association in namespace ${sa.namespace} (${formatLocation(podIdentity.loc)}) may be the chart's ServiceAccount's, and would be used instead of the annotation`;
  const verdict = unnamedVerdict(model, role, sa);
  if (verdict.admits === "no") return undefined;
  if (sa.namePrefix !== undefined) {
    if (verdict.admits === "yes") return undefined;
    return `Crossplane names the ServiceAccount ${sa.namePrefix}<revision hash>, and the trust does not admit every name of that form: whether it admits the running revision was not compared`;
  }
  if (verdict.named !== undefined) return { assumed: `the chart's ServiceAccount taken to be ${sa.namespace}/${verdict.named} (Helm's fullname convention), which the trust admits` };
  if (sa.crossplaneConfig) return `Crossplane names this ServiceAccount after the revision of a Provider using ${sa.crossplaneConfig.kind} ${sa.crossplaneConfig.name}, and the scan declares none by a known name: the trust admits ServiceAccounts of namespace ${sa.namespace}, the name was not compared`;
  return `the ServiceAccount's name is the chart's default, not known here: the trust admits ServiceAccounts of namespace ${sa.namespace}, the name was not compared`;
}

/**
 * What a trust answers for a ServiceAccount of a namespace whose name is not known (a chart's
 * default, a Crossplane revision): "no" when it refuses the whole namespace (or every revision),
 * "yes" when it admits every revision or the name Helm's fullname convention gives (`named`),
 * else "maybe". The link report and explain both ask this.
 */
export function unnamedVerdict(model: IrsaModel, role: Role, sa: ServiceAccount, aud = knownString(sa.audience) ?? STS_AUDIENCE): { admits: Tri; named?: string } {
  if (refusesNamespace(role.trust!, sa.namespace, sa.namePrefix)) return { admits: "no" };
  const allows = irsaStatements(model, role.trust, role);
  if (sa.namePrefix !== undefined) return { admits: admitsEveryRevision(role.trust!, allows, sa.namespace, sa.namePrefix, aud) ? "yes" : "maybe" };
  const named = (sa.conventionalNames ?? []).find((name) => admits(role.trust!, allows, subject(sa.namespace, name), aud).admitted === "yes");
  return named !== undefined ? { admits: "yes", named } : { admits: "maybe" };
}

function unresolvedReason(model: IrsaModel, link: RoleLink): string {
  if (link.unresolved) return `${link.unresolved}`;
  if (model.roles.length === 0) return "the scan has no roles: lint the Terraform, CloudFormation or IAM JSON that declares them too";
  if (link.projectWithoutRoles !== undefined) return `no role is declared in ${link.projectWithoutRoles || "the scanned folders"}; none elsewhere in the scan has this name`;
  if (link.candidates.length) return `it may be role ${link.candidates[0].displayName}${link.candidates.length > 1 ? ` or ${link.candidates.length - 1} more` : ""} (${formatLocation(link.candidates[0].loc)}), whose name ${link.candidates.length > 1 ? "or theirs " : ""}is partly unknown, equally near`;
  if (link.blockers.length) {
    const r = link.blockers[0];
    return `role ${r.displayName} (${formatLocation(r.loc)}) may be it: its name is not known; give it with --var or tfvars, or list roles managed elsewhere in role-arn-resolves' externalRoles`;
  }
  return "it matches role-arn-resolves' externalRoles, or its role is outside the scan";
}
