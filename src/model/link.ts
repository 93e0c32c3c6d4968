import { displayPart, hasHole, parseArnValue, partMatches, type Arn } from "../core/arn.js";
import { pushTo } from "../core/collections.js";
import type { AttachmentDecl, Declarations, PolicyDecl, RoleDecl } from "../core/declarations.js";
import { matchValue, type Tri } from "../core/match.js";
import { firstUnknown, knownString, type Origin, type Value } from "../core/value.js";
import { readPolicyDocument } from "../iam/document.js";
import type { AttachedPolicy, IrsaModel, Role, RoleLink, ServiceAccount, Workload } from "./model.js";

/** Builds the linked model. Every edge lookup afterwards is a map lookup or a short list scan. */
export function link(decls: Declarations, options: { unparsedRoleSources?: string[] } = {}): IrsaModel {
  const roles = decls.roles.map(toRole);
  const roleIndex = new RoleIndex(roles);
  // Managed policies a role declares itself (managed_policy_arns, module policies, IAM exports) are attachments too.
  const declared = decls.roles.flatMap((r) => r.attachedPolicyArns.map((arn) => ({ role: r.name, policyArn: arn, loc: arn.loc, roleId: r.id })));
  attachPolicies(roleIndex, [...decls.attachments, ...declared], decls.policies);

  const serviceAccounts: ServiceAccount[] = decls.serviceAccounts.map((sa) => ({ ...sa, key: `${sa.namespace}/${sa.name}` }));
  const byKey = new Map(serviceAccounts.map((sa) => [sa.key, sa]));
  const workloads: Workload[] = decls.workloads.map((w) => ({ ...w, serviceAccount: byKey.get(`${w.namespace}/${w.serviceAccountName}`) }));

  const links = new Map<Value, RoleLink>();
  const linkOf = (arn: Value) => {
    let found = links.get(arn);
    if (!found) links.set(arn, (found = roleIndex.lookup(arn)));
    return found;
  };
  const sasOfRole = new Map<Role, ServiceAccount[]>();
  const maybeAnnotated = new Set<Role>();
  for (const sa of serviceAccounts) {
    if (!sa.roleArn) continue;
    const found = linkOf(sa.roleArn);
    for (const r of found.roles) pushTo(sasOfRole, r, sa);
    for (const r of [...found.candidates, ...found.blockers]) maybeAnnotated.add(r);
  }
  const workloadsOfSa = new Map<ServiceAccount, Workload[]>();
  for (const w of workloads) if (w.serviceAccount) pushTo(workloadsOfSa, w.serviceAccount, w);

  const podIdentityAssociations = decls.podIdentityAssociations.map(({ serviceAccount, ...a }) => {
    const ns = knownString(a.namespace);
    const name = knownString(serviceAccount);
    return { ...a, serviceAccountName: serviceAccount, serviceAccount: ns && name ? byKey.get(`${ns}/${name}`) : undefined, roles: linkOf(a.roleArn).roles };
  });
  const associated = new Set(podIdentityAssociations.flatMap((a) => a.roles));
  return {
    serviceAccounts,
    workloads,
    roles,
    reportedRoles: roles.filter((r) => !r.instancesUnknown || sasOfRole.has(r) || associated.has(r)),
    oidcProviders: decls.oidcProviders,
    podIdentityAssociations,
    documents: standaloneDocuments(decls, roles),
    linkOf,
    serviceAccountsOf: (role) => sasOfRole.get(role) ?? [],
    mayBeAnnotated: (role) => sasOfRole.has(role) || maybeAnnotated.has(role),
    rolesOf: (sa) => (sa.roleArn ? linkOf(sa.roleArn).roles : []),
    workloadsOf: (sa) => workloadsOfSa.get(sa) ?? [],
    serviceAccount: (ns, name) => byKey.get(`${ns}/${name}`),
    unparsedRoleSources: options.unparsedRoleSources ?? [],
  };
}

function toRole(decl: RoleDecl): Role {
  const name = knownString(decl.name);
  const prefix = knownString(decl.namePrefix);
  return {
    id: decl.id,
    displayName: name ?? decl.label ?? (prefix !== undefined ? `${prefix}*` : pattern(decl.namePrefix, "*") ?? pattern(decl.name) ?? decl.address ?? decl.id),
    name: decl.name,
    namePrefix: decl.namePrefix,
    generatedSuffix: decl.generatedSuffix,
    path: decl.path,
    arn: decl.arn,
    trust: decl.trust ? readPolicyDocument(decl.trust) : undefined,
    trustSource: decl.trust,
    policies: decl.inlinePolicies.map((p) => inline(p)),
    loc: decl.loc,
    generatedTrust: decl.generatedTrust ?? false,
    instancesUnknown: decl.id.includes("[*]"),
    template: decl.template ?? false,
  };
}

/** A partly known name as a pattern (`*-worker`), for messages. */
function pattern(v: Value | undefined, then = ""): string | undefined {
  return v?.kind === "template" ? `${v.parts.map((p) => (typeof p === "string" ? p : "*")).join("")}${then}` : undefined;
}

function inline(p: PolicyDecl, attachedAt = p.loc): AttachedPolicy {
  return { displayName: knownString(p.name) ?? p.address ?? p.id, kind: "inline", document: readPolicyDocument(p.document), attachedAt };
}

function describeArn(arn: Value): string {
  const parsed = parseArnValue(arn);
  return parsed ? displayPart(parsed.name) : (knownString(arn) ?? "policy");
}

/**
 * The declaration a value refers to, when it is an attribute of one: the value itself
 * (`aws_iam_role.app.arn`), or the one unknown part of a template that holds the ARN's name
 * (`arn:aws:iam::${var.account}:role/${aws_iam_role.app.name}`).
 */
function referenceOf(v: Value, attributes: string[]): Origin | undefined {
  if (v.origin?.attribute && attributes.includes(v.origin.attribute)) return v.origin;
  if (v.kind !== "template") return undefined;
  const last = v.parts[v.parts.length - 1];
  const before = v.parts[v.parts.length - 2];
  if (typeof last === "string" || !last.origin || last.origin.attribute !== "name") return undefined;
  return typeof before === "string" && /:role\/(?:.*\/)?$/.test(before) ? last.origin : undefined;
}

/** Roles by id and known name, and the few whose name is partial, prefixed or unknown. */
class RoleIndex {
  private readonly byName = new Map<string, Role[]>();
  private readonly partial: Role[] = [];
  private readonly byId: Map<string, Role>;

  constructor(private readonly all: Role[]) {
    this.byId = new Map(all.map((r) => [r.id, r]));
    const roles = all;
    for (const r of roles) {
      const name = knownString(r.name);
      if (name !== undefined) pushTo(this.byName, name, r);
      else this.partial.push(r);
    }
  }

  get(id: string): Role | undefined {
    return this.byId.get(id);
  }

  lookup(arnValue: Value): RoleLink {
    const none: RoleLink = { roles: [], candidates: [], blockers: [] };
    const ref = referenceOf(arnValue, ["arn"]);
    if (ref?.type === "aws_iam_role") {
      const role = this.byId.get(ref.address);
      return role ? { ...none, roles: [role], via: "reference" } : { ...none, unresolved: `it refers to ${ref.address}, which is not among the scanned roles` };
    }
    const arn = parseArnValue(arnValue);
    if (!arn || arn.resourceType !== "role") {
      const hole = firstUnknown(arnValue);
      const why = ref?.type === "data.aws_iam_role" ? `it is looked up from AWS (${ref.address})` : hole ? `its value is not known (${hole.reason})` : "it is not a role ARN";
      // A value not known may name any role of the scan.
      return { ...none, candidates: hole && ref?.type !== "data.aws_iam_role" ? this.all : [], unresolved: why };
    }
    if (hasHole(arn.name)) {
      // A name not known: any role whose name fits may be the one, none for certain.
      const candidates = [...this.byName.values()].flat().filter((r) => roleMatches(r, arn) !== "no");
      return { ...none, candidates: [...candidates, ...this.partial.filter((r) => roleMatches(r, arn) !== "no")], unresolved: `the role name in it is not known (${displayPart(arn.name)})` };
    }
    const roles = (this.byName.get(arn.name) ?? []).filter((r) => roleMatches(r, arn) === "yes");
    const candidates: Role[] = [];
    const blockers: Role[] = [];
    for (const r of this.partial) {
      if (roleMatches(r, arn) === "no") continue;
      if (r.name.kind === "unknown" && !r.generatedSuffix && knownString(r.namePrefix) === undefined) {
        if (!r.template) blockers.push(r);
      } else candidates.push(r);
    }
    // Certain only when nothing else may be meant: a same-named role, or one whose name could be it.
    if (candidates.length || blockers.length) return { roles: [], candidates: [...roles, ...candidates], blockers, name: arn.name };
    return { roles, via: roles.length ? "name" : undefined, candidates, blockers, name: arn.name };
  }

  /** Roles an attachment's `role` argument names (by name, as the IAM API takes it), for certain. */
  byRoleName(v: Value): Role[] {
    const ref = referenceOf(v, ["name", "id"]);
    if (ref?.type === "aws_iam_role") return [this.byId.get(ref.address)].filter((r): r is Role => !!r);
    const name = knownString(v);
    return name !== undefined ? (this.byName.get(name) ?? []) : [];
  }
}

/** The suffix a tool adds to a name it generates (see RoleDecl.generatedSuffix). */
const GENERATED_SUFFIX = { terraform: /\d{18}[0-9a-f]{8}$/, cloudformation: /-[A-Za-z0-9]{12,13}$/ };
const SUFFIX_LENGTH = { terraform: 26, cloudformation: 0 };

function nameMatches(role: Role, name: string): Tri {
  if (role.name.kind === "string" || role.name.kind === "template") return matchValue(role.name, name);
  if (role.generatedSuffix) {
    if (!GENERATED_SUFFIX[role.generatedSuffix].test(name)) return "no";
    const prefix = role.namePrefix;
    const before = name.slice(0, name.length - SUFFIX_LENGTH[role.generatedSuffix]);
    if (!prefix || prefix.kind === "unknown" || role.generatedSuffix === "cloudformation") return "maybe";
    return matchValue(prefix, before) === "no" ? "no" : "maybe";
  }
  const prefix = knownString(role.namePrefix);
  if (prefix !== undefined) return name.startsWith(prefix) ? "maybe" : "no";
  return role.name.kind === "unknown" ? "maybe" : "no";
}

function roleMatches(role: Role, arn: Arn): Tri {
  const name = hasHole(arn.name) ? (knownString(role.name) !== undefined ? partMatches(arn.name, knownString(role.name)!) : "maybe") : nameMatches(role, arn.name);
  if (name === "no") return "no";
  const path = knownString(role.path);
  if (path !== undefined && partMatches(arn.path, normalisePath(path)) === "no") return "no";
  if (path === undefined && name === "yes") return "maybe";
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
  const policyById = new Map(policies.map((p) => [p.id, p]));
  for (const p of policies) {
    const name = knownString(p.name);
    if (name !== undefined) pushTo(policyByName, name, p);
  }
  for (const a of attachments) {
    const targets = a.roleId ? [index.get(a.roleId)].filter((r): r is Role => !!r) : index.byRoleName(a.role);
    const attached = a.inline ? inline(a.inline, a.loc) : managed(a, policyByName, policyById);
    for (const r of targets) r.policies.push(attached);
  }
}

function managed(a: AttachmentDecl, policyByName: Map<string, PolicyDecl[]>, policyById: Map<string, PolicyDecl>): AttachedPolicy {
  const arn = a.policyArn!;
  const parsed = parseArnValue(arn);
  const name = parsed && !hasHole(parsed.name) ? parsed.name : undefined;
  const ref = referenceOf(arn, ["arn", "id"]);
  const policy =
    ref?.type === "aws_iam_policy"
      ? policyById.get(ref.address)
      : name !== undefined && parsed!.account !== "aws"
        ? policyByName.get(name)?.find((p) => {
            const path = knownString(p.path);
            return path === undefined || partMatches(parsed!.path, normalisePath(path)) !== "no";
          })
        : undefined;
  return {
    displayName: name ?? (policy ? (knownString(policy.name) ?? policy.address ?? policy.id) : describeArn(arn)),
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
