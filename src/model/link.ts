import { displayPart, hasHole, parseArnValue, partMatches, type Arn } from "../core/arn.js";
import { pushTo } from "../core/collections.js";
import type { AttachmentDecl, Declarations, PolicyDecl, RoleDecl } from "../core/declarations.js";
import { matchValue, type Tri } from "../core/match.js";
import { knownString, type Value } from "../core/value.js";
import { readPolicyDocument } from "../iam/document.js";
import type { AttachedPolicy, IrsaModel, Role, RoleLookup, ServiceAccount, Workload } from "./model.js";

/** Builds the linked model. Every edge lookup afterwards is a map lookup or a short list scan. */
export function link(decls: Declarations, options: { roleSourcesFailed?: boolean } = {}): IrsaModel {
  const roles = decls.roles.map(toRole);
  const roleIndex = new RoleIndex(roles, options.roleSourcesFailed ?? false);
  // Managed policies a role declares itself (managed_policy_arns, module policies, IAM exports) are attachments too.
  const declared = decls.roles.flatMap((r) => r.attachedPolicyArns.map((arn) => ({ role: r.name, policyArn: arn, loc: arn.loc, roleId: r.id })));
  attachPolicies(roleIndex, [...decls.attachments, ...declared], decls.policies);

  const serviceAccounts: ServiceAccount[] = decls.serviceAccounts.map((sa) => ({ ...sa, key: `${sa.namespace}/${sa.name}` }));
  const byKey = new Map(serviceAccounts.map((sa) => [sa.key, sa]));
  const workloads: Workload[] = decls.workloads.map((w) => ({ ...w, serviceAccount: byKey.get(`${w.namespace}/${w.serviceAccountName}`) }));

  const rolesOfSa = new Map<ServiceAccount, Role[]>();
  const sasOfRole = new Map<Role, ServiceAccount[]>();
  for (const sa of serviceAccounts) {
    if (!sa.roleArn) continue;
    const found = roleIndex.lookup(sa.roleArn).roles;
    rolesOfSa.set(sa, found);
    for (const r of found) pushTo(sasOfRole, r, sa);
  }
  const workloadsOfSa = new Map<ServiceAccount, Workload[]>();
  for (const w of workloads) if (w.serviceAccount) pushTo(workloadsOfSa, w.serviceAccount, w);

  return {
    serviceAccounts,
    workloads,
    roles,
    oidcProviders: decls.oidcProviders,
    podIdentityAssociations: decls.podIdentityAssociations.map(({ serviceAccount, ...a }) => {
      const ns = knownString(a.namespace);
      const name = knownString(serviceAccount);
      return { ...a, serviceAccountName: serviceAccount, serviceAccount: ns && name ? byKey.get(`${ns}/${name}`) : undefined, roles: roleIndex.lookup(a.roleArn).roles };
    }),
    documents: standaloneDocuments(decls, roles),
    rolesForArn: (arn) => roleIndex.lookup(arn),
    serviceAccountsOf: (role) => sasOfRole.get(role) ?? [],
    rolesOf: (sa) => rolesOfSa.get(sa) ?? [],
    workloadsOf: (sa) => workloadsOfSa.get(sa) ?? [],
    serviceAccount: (ns, name) => byKey.get(`${ns}/${name}`),
  };
}

function toRole(decl: RoleDecl): Role {
  const name = knownString(decl.name);
  const prefix = knownString(decl.namePrefix);
  return {
    id: decl.id,
    displayName: name ?? decl.label ?? (prefix !== undefined ? `${prefix}*` : decl.id),
    name: decl.name,
    namePrefix: decl.namePrefix,
    path: decl.path,
    arn: decl.arn,
    trust: decl.trust ? readPolicyDocument(decl.trust) : undefined,
    trustSource: decl.trust,
    policies: decl.inlinePolicies.map((p) => inline(p)),
    loc: decl.loc,
    generatedTrust: decl.generatedTrust ?? false,
  };
}

function inline(p: PolicyDecl, attachedAt = p.loc): AttachedPolicy {
  return { displayName: knownString(p.name) ?? p.id, kind: "inline", document: readPolicyDocument(p.document), attachedAt };
}

function describeArn(arn: Value): string {
  const parsed = parseArnValue(arn);
  return parsed ? displayPart(parsed.name) : (knownString(arn) ?? "policy");
}

/** Roles by known name, plus the few whose name is partial, prefixed or unknown. */
class RoleIndex {
  private readonly byName = new Map<string, Role[]>();
  private readonly partial: Role[] = [];
  private readonly byId: Map<string, Role>;
  readonly hasUnknownName: boolean;

  /** `sourcesFailed`: a file that may declare roles could not be parsed, so absence proves nothing. */
  constructor(roles: Role[], sourcesFailed: boolean) {
    this.byId = new Map(roles.map((r) => [r.id, r]));
    for (const r of roles) {
      const name = knownString(r.name);
      if (name !== undefined) pushTo(this.byName, name, r);
      else this.partial.push(r);
    }
    this.hasUnknownName = sourcesFailed || this.partial.some((r) => r.name.kind === "unknown" && knownString(r.namePrefix) === undefined);
  }

  get(id: string): Role | undefined {
    return this.byId.get(id);
  }

  lookup(arnValue: Value): RoleLookup {
    const arn = parseArnValue(arnValue);
    if (!arn || arn.resourceType !== "role") return { roles: [], undecidable: arnValue.kind === "unknown" };
    const candidates = hasHole(arn.name) ? [...this.byName.values()].flat() : (this.byName.get(arn.name) ?? []);
    const roles = [...candidates, ...this.partial].filter((r) => roleMatches(r, arn) !== "no");
    return { roles, undecidable: this.hasUnknownName };
  }

  /** Roles an attachment's `role` argument names (by name, as the IAM API takes it). */
  byRoleName(v: Value): Role[] {
    const name = knownString(v);
    if (name !== undefined) return [...(this.byName.get(name) ?? []), ...this.partial.filter((r) => nameMatches(r, name) !== "no" && r.name.kind !== "unknown")];
    if (v.kind === "template") return [...this.byName.entries()].filter(([n]) => matchValue(v, n) !== "no").flatMap(([, rs]) => rs);
    return [];
  }
}

function nameMatches(role: Role, name: string): Tri {
  if (role.name.kind === "string" || role.name.kind === "template") return matchValue(role.name, name);
  const prefix = knownString(role.namePrefix);
  if (prefix !== undefined) return name.startsWith(prefix) ? "maybe" : "no";
  return "no";
}

function roleMatches(role: Role, arn: Arn): Tri {
  const name = hasHole(arn.name) ? (knownString(role.name) !== undefined ? partMatches(arn.name, knownString(role.name)!) : "maybe") : nameMatches(role, arn.name);
  if (name === "no") return "no";
  const path = knownString(role.path);
  if (path !== undefined && partMatches(arn.path, normalisePath(path)) === "no") return "no";
  const explicit = role.arn && parseArnValue(role.arn);
  if (explicit && !hasHole(explicit.account) && !hasHole(arn.account) && explicit.account !== arn.account) return "no";
  return name;
}

function normalisePath(path: string): string {
  if (path === "" || path === "/") return "/";
  return `${path.startsWith("/") ? "" : "/"}${path}${path.endsWith("/") ? "" : "/"}`;
}

function attachPolicies(index: RoleIndex, attachments: AttachmentDecl[], policies: PolicyDecl[]): void {
  const policyByName = new Map<string, PolicyDecl[]>();
  for (const p of policies) {
    const name = knownString(p.name);
    if (name !== undefined) pushTo(policyByName, name, p);
  }
  for (const a of attachments) {
    const targets = a.roleId ? [index.get(a.roleId)].filter((r): r is Role => !!r) : index.byRoleName(a.role);
    const attached = a.inline ? inline(a.inline, a.loc) : managed(a, policyByName);
    for (const r of targets) r.policies.push(attached);
  }
}

function managed(a: AttachmentDecl, policyByName: Map<string, PolicyDecl[]>): AttachedPolicy {
  const arn = a.policyArn!;
  const parsed = parseArnValue(arn);
  const name = parsed && !hasHole(parsed.name) ? parsed.name : undefined;
  const policy = name !== undefined && parsed!.account !== "aws" ? policyByName.get(name)?.find((p) => {
    const path = knownString(p.path);
    return path === undefined || partMatches(parsed!.path, normalisePath(path)) !== "no";
  }) : undefined;
  return {
    displayName: name ?? describeArn(arn),
    kind: "managed",
    arn,
    document: policy ? readPolicyDocument(policy.document) : undefined,
    attachedAt: a.loc,
  };
}

/** IAM JSON documents that no role reads through file(): those are checked with their role. */
function standaloneDocuments(decls: Declarations, roles: Role[]) {
  const key = (l: { file: string; line: number; column: number }) => `${l.file}:${l.line}:${l.column}`;
  const owned = new Set<string>();
  for (const r of roles) {
    if (r.trust) owned.add(key(r.trust.loc));
    for (const p of r.policies) if (p.document) owned.add(key(p.document.loc));
  }
  for (const p of decls.policies) owned.add(key(p.document.loc));
  return decls.documents.filter((d) => !owned.has(key(d.loc))).map((d) => readPolicyDocument(d.document));
}
