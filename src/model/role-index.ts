import { displayPart, hasHole, parseArnValue, partMatches, type Arn } from "../core/arn.js";
import { pushTo } from "../core/collections.js";
import { matchValue, namePattern, openPattern, patternsIntersect, type Tri } from "../core/match.js";
import { firstUnknown, knownString, type Origin, type Value } from "../core/value.js";
import { actionApplies } from "../iam/evaluate.js";
import { WEB_IDENTITY_ACTION } from "../iam/trust.js";
import type { Role, RoleLink } from "./model.js";
import { inProject, sharedFolders, type Projects } from "./projects.js";

/** What the ARN is for: an IRSA annotation (a web-identity trust) or an EKS Pod Identity association. */
export type LinkPurpose = "irsa" | "pod-identity";

/**
 * The declaration a value refers to, when it is an attribute of one: the value itself
 * (`aws_iam_role.app.arn`), or the one unknown part of a template that holds the ARN's name
 * (`arn:aws:iam::${var.account}:role/${aws_iam_role.app.name}`).
 */
export function referenceOf(v: Value, attributes: string[]): Origin | undefined {
  if (v.origin?.attribute && attributes.includes(v.origin.attribute)) return v.origin;
  if (v.kind !== "template") return undefined;
  const last = v.parts[v.parts.length - 1];
  const before = v.parts[v.parts.length - 2];
  if (typeof last === "string" || !last.origin || last.origin.attribute !== "name") return undefined;
  return typeof before === "string" && /:role\/(?:.*\/)?$/.test(before) ? last.origin : undefined;
}

/**
 * Roles by id and known name, and the few whose name is partial, prefixed or unknown. A role ARN
 * links to a role for certain by reference, or by its name when exactly one role can have it:
 * among the roles whose names can match (exactly, or by their known parts), the nearest to the
 * ARN (sharing most folders with it) are kept; one of them, or several of one exact name, is the
 * link. A role of wholly unknown name stands in the way only in the ARN's own project; a partly known name of another project is never linked by pattern (only keeps "no role has this name" from being said).
 */
export class RoleIndex {
  private readonly byName = new Map<string, Role[]>();
  private readonly partial: Role[] = [];
  private readonly byId: Map<string, Role>;

  constructor(
    private readonly all: Role[],
    private readonly projects: Projects,
  ) {
    this.byId = new Map(all.map((r) => [r.id, r]));
    for (const r of all) {
      const name = knownString(r.name);
      if (name !== undefined) pushTo(this.byName, name, r);
      else this.partial.push(r);
    }
  }

  get(id: string): Role | undefined {
    return this.byId.get(id);
  }

  lookup(arnValue: Value, purpose: LinkPurpose = "irsa"): RoleLink {
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
    const site = arnValue.loc.file;
    const project = this.projects.of(site);
    const exact: Role[] = [];
    const possible: Role[] = [];
    const blockers: Role[] = [];
    // Roles of unknown name in other projects: they stand in the way of "no role has this name" only.
    const elsewhere: Role[] = [];
    // Roles whose name can match but whose trust admits no web identity: they compete with no one.
    const unlikely: Role[] = [];
    for (const r of hasHole(arn.name) ? this.all : [...(this.byName.get(arn.name) ?? []), ...this.partial]) {
      const match = roleMatches(r, arn);
      if (match === "no") continue;
      if (match === "yes") exact.push(r);
      else if (whollyUnknown(r)) {
        // A role of unknown name may be any: in this project it stands in the way; elsewhere (or as a template) it does not.
        if (!r.template && inProject(r.site, project)) blockers.push(r);
        else if (!r.template) elsewhere.push(r);
      } else if (purpose === "pod-identity" || mayTrustWebIdentity(r)) {
        // A partly known name of another project may be it, never for certain: a name made less
        // known there must not make it the only one, and a link or a finding appear.
        if (inProject(r.site, project)) possible.push(r);
        else if (!r.template) elsewhere.push(r);
      }
      else unlikely.push(r);
    }
    const name = hasHole(arn.name) ? undefined : arn.name;
    const found = [...exact, ...possible, ...blockers];
    if (found.length === 0 && unlikely.length) return { ...none, candidates: unlikely, name, unresolved: `${describeRoles(unlikely)} can have this name, but ${unlikely.length === 1 ? "its trust admits" : "their trusts admit"} no web-identity token` };
    if (found.length === 0 && elsewhere.length) {
      // Were its name known, a role of another project could be the one (as roles of other projects whose names are partly known can): not missing.
      const r = elsewhere[0];
      return { ...none, blockers: elsewhere, name, unresolved: `no role of this project has this name, and role ${r.displayName} of another project (${r.loc.file}:${r.loc.line}) may: its name is not known in full` };
    }
    if (found.length === 0) {
      const declaresRoles = this.all.some((r) => inProject(r.site, project));
      return { ...none, ...(name !== undefined ? { name } : {}), ...(declaresRoles ? {} : { projectWithoutRoles: project }), ...(hasHole(arn.name) ? { unresolved: `the role name in it is not known (${displayPart(arn.name)}), and no scanned role's name can be it` } : {}) };
    }
    const nearest = nearestOf(found, site);
    const others = found.length - nearest.length;
    const beyond = others ? `; ${others} other ${others === 1 ? "role" : "roles"} farther away could be it too` : "";
    if (nearest.every((r) => exact.includes(r))) return { ...none, roles: nearest, via: "name", name, ...(others ? { assumed: `the nearest role named ${arn.name}${beyond}` } : {}) };
    if (nearest.length === 1 && possible.includes(nearest[0])) {
      const role = nearest[0];
      return { ...none, roles: [role], via: "pattern", name, assumed: `the only ${others ? "nearest " : ""}role whose name can be ${displayPart(arn.name)} (${role.displayName})${beyond}` };
    }
    return { ...none, candidates: nearest.filter((r) => !blockers.includes(r)), blockers: nearest.filter((r) => blockers.includes(r)), name, ...(hasHole(arn.name) ? { unresolved: `the role name in it is not known (${displayPart(arn.name)}): ${describeRoles(nearest)} can be it` } : {}) };
  }

  /** Roles an attachment's `role` argument names (by name, as the IAM API takes it), for certain. */
  byRoleName(v: Value): Role[] {
    const ref = referenceOf(v, ["name", "id"]);
    if (ref?.type === "aws_iam_role") return [this.byId.get(ref.address)].filter((r): r is Role => !!r);
    const name = knownString(v);
    return name !== undefined ? (this.byName.get(name) ?? []) : [];
  }
}

/** The roles sharing the most folders with `site`. */
function nearestOf(roles: Role[], site: string): Role[] {
  const score = (r: Role) => sharedFolders(site, r.site);
  const best = Math.max(...roles.map(score));
  return roles.filter((r) => score(r) === best);
}

function describeRoles(roles: Role[]): string {
  const names = roles.slice(0, 3).map((r) => r.displayName);
  return roles.length > 3 ? `${names.join(", ")} and ${roles.length - 3} more` : names.join(" or ");
}

/**
 * A role whose name may be anything: not known, and no known prefix (a suffix a tool generates
 * after a prefix not known says nothing either). Such a role is never "the only role whose name
 * can be" an ARN's: making a name less known must never make a link, or a finding, appear.
 */
function whollyUnknown(r: Role): boolean {
  return r.name.kind === "unknown" && knownString(r.namePrefix) === undefined && r.namePrefix?.kind !== "template";
}

/**
 * Whether a role's trust may let a web-identity token in: an EC2 or Lambda role (only service
 * principals, or never sts:AssumeRoleWithWebIdentity) is no candidate for an IRSA annotation.
 * A trust not known in full may.
 */
function mayTrustWebIdentity(r: Role): boolean {
  const trust = r.trust;
  if (!trust || !trust.complete) return true;
  return trust.statements.some((s) => {
    if (!s.decided) return true;
    if (knownString(s.effect ?? { kind: "string", value: "Allow", loc: s.loc }) === "Deny") return false;
    if (actionApplies(s, WEB_IDENTITY_ACTION) === "no") return false;
    if (s.notPrincipals.length || s.principals.length === 0) return true;
    return s.principals.some((p) => p.type === "Federated" || p.type === "*" || !["AWS", "Service", "CanonicalUser"].includes(p.type));
  });
}

/** The suffix a tool adds to a name it generates (see RoleDecl.generatedSuffix). */
const GENERATED_SUFFIX = { terraform: /\d{18}[0-9a-f]{8}$/, cloudformation: /-[A-Za-z0-9]{12,13}$/ };
const SUFFIX_LENGTH = { terraform: 26, cloudformation: 0 };

/** Whether a role's name can be a known name. */
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
  if (role.namePrefix?.kind === "template") return matchValue({ ...role.namePrefix, parts: [...role.namePrefix.parts, { kind: "unknown", reason: "suffix", loc: role.loc }] }, name);
  return role.name.kind === "unknown" ? "maybe" : "no";
}

/** Whether a role's name can be an ARN's name that has unknown parts: their known parts must align. */
function patternMatches(role: Role, arnName: string): Tri {
  const known = knownString(role.name);
  if (known !== undefined) return partMatches(arnName, known);
  const annotation = openPattern(arnName, HOLE, false);
  const rolePattern = role.name.kind === "template" ? namePattern(role.name) : role.namePrefix && role.namePrefix.kind !== "unknown" ? [...(namePattern(role.namePrefix) ?? []), ...openPattern("", HOLE, true)] : undefined;
  if (!rolePattern) return "maybe";
  return patternsIntersect(annotation, rolePattern) ? "maybe" : "no";
}

const HOLE = "\u0000";

function roleMatches(role: Role, arn: Arn): Tri {
  const name = hasHole(arn.name) ? patternMatches(role, arn.name) : nameMatches(role, arn.name);
  if (name === "no") return "no";
  const path = knownString(role.path);
  if (path !== undefined && partMatches(arn.path, normalisePath(path)) === "no") return "no";
  if (path === undefined && name === "yes") return "maybe";
  const explicit = role.arn && parseArnValue(role.arn);
  if (explicit && !hasHole(explicit.account) && !hasHole(arn.account) && explicit.account !== arn.account) return "no";
  return name;
}

export function normalisePath(path: string): string {
  if (path === "" || path === "/") return "/";
  return `${path.startsWith("/") ? "" : "/"}${path}${path.endsWith("/") ? "" : "/"}`;
}
