import { displayPart, hasHole, parseArnValue, partMatches } from "../core/arn.js";
import { pushTo } from "../core/collections.js";
import type { AttachmentDecl, ClusterDecl, ClusterRef, Declarations, PolicyDecl, RoleDecl } from "../core/declarations.js";
import { knownString, type Value } from "../core/value.js";
import { readPolicyDocument } from "../iam/document.js";
import type { AttachedPolicy, IrsaModel, Role, RoleLink, ServiceAccount, Workload } from "./model.js";
import { Projects } from "./projects.js";
import { normalisePath, referenceOf, RoleIndex, type LinkPurpose } from "./role-index.js";

/** Builds the linked model. Every edge lookup afterwards is a map lookup or a short list scan. */
export function link(decls: Declarations, options: { unparsedRoleSources?: string[]; infraFiles?: Iterable<string> } = {}): IrsaModel {
  const roles = decls.roles.map(toRole);
  const projects = new Projects([...(options.infraFiles ?? []), ...roles.map((r) => `${r.site}/x`)]);
  const roleIndex = new RoleIndex(roles, projects);
  // Managed policies a role declares itself (managed_policy_arns, module policies, IAM exports) are attachments too.
  const declared = decls.roles.flatMap((r) => r.attachedPolicyArns.map((arn) => ({ role: r.name, policyArn: arn, loc: arn.loc, roleId: r.id })));
  attachPolicies(roleIndex, [...decls.attachments, ...declared], decls.policies);

  const serviceAccounts: ServiceAccount[] = decls.serviceAccounts.map((sa) => ({ ...sa, key: `${sa.namespace}/${sa.name}` }));
  const byKey = new Map(serviceAccounts.map((sa) => [sa.key, sa]));
  const workloads: Workload[] = decls.workloads.map((w) => ({ ...w, serviceAccount: byKey.get(`${w.namespace}/${w.serviceAccountName}`) }));

  const links = new Map<Value, RoleLink>();
  const linkOf = (arn: Value, purpose: LinkPurpose = "irsa") => {
    let found = links.get(arn);
    if (!found) links.set(arn, (found = roleIndex.lookup(arn, purpose)));
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
    return { ...a, serviceAccountName: serviceAccount, serviceAccount: ns && name ? byKey.get(`${ns}/${name}`) : undefined, roles: linkOf(a.roleArn, "pod-identity").roles, targetRoles: a.targetRoleArn ? linkOf(a.targetRoleArn, "pod-identity").roles : [] };
  });
  return {
    serviceAccounts,
    workloads,
    roles,
    // A patched copy's documents are its base's: reported once, with the base.
    reportedRoles: roles.filter((r) => !r.patchOf || !roleIndex.get(r.patchOf)),
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
    configData: (kind, name, namespace) => decls.configData.filter((c) => c.kind === kind && c.name === name && (c.namespace ?? namespace) === namespace),
    clustersWithoutOidc: decls.clustersWithoutOidc,
    nodeMetadata: decls.nodeMetadata,
    addons: decls.addons,
    fargateSelectors: decls.fargateSelectors,
    clusterOf: (ref) => clusterOf(decls.clusters, ref),
    projectOf: (file) => projects.of(file),
    podIdentityOf: (sa) => podIdentityAssociations.find((a) => a.serviceAccount === sa),
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
    site: siteOf(decl),
    ...(decl.patchOf ? { patchOf: decl.patchOf } : {}),
  };
}

/** The folder a role is deployed from: its Terraform root (ids are `<root>::<address>`), else its file's folder. */
function siteOf(decl: RoleDecl): string {
  const at = decl.id.indexOf("::");
  if (at >= 0) return decl.id.slice(0, at);
  const slash = decl.loc.file.lastIndexOf("/");
  return slash < 0 ? "" : decl.loc.file.slice(0, slash);
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

function clusterOf(clusters: readonly ClusterDecl[], ref: ClusterRef | undefined): ClusterDecl | undefined {
  if (!ref) return undefined;
  if (ref.id) {
    const declared = clusters.find((c) => c.id === ref.id);
    if (declared) return declared;
  }
  const name = knownString(ref.name);
  const named = name === undefined ? [] : clusters.filter((c) => knownString(c.name) === name);
  return named.length === 1 ? named[0] : undefined;
}
