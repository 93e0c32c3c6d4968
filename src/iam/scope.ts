import { knownString, type Value } from "../core/value.js";
import type { CatalogAction, IamCatalog } from "./catalog.js";
import { allTri, anyTri, globMatches, not, type Tri } from "../core/match.js";
import type { Condition, PolicyDocument, Statement } from "./document.js";

/**
 * Condition keys that narrow a statement on `Resource: "*"` to some resources or uses, as AWS's
 * published controller policies do: tags on the resource or in the request (`aws:ResourceTag/…`,
 * `ec2:ResourceTag/…`, `aws:RequestTag/…`, `aws:TagKeys`), the service a role is passed to or a
 * service-linked role is for, the service a KMS key is used through, the API call a tag is created
 * by. Source: AWS's IAM user guide (controlling access using tags; iam:PassedToService,
 * iam:AWSServiceName, kms:ViaService) and the service authorization reference's condition keys.
 */
const SCOPING_KEY = /^(?:[a-z0-9-]+:(?:ResourceTag|RequestTag)\/.+|aws:TagKeys|iam:PassedToService|iam:AWSServiceName|kms:ViaService|ec2:CreateAction|elasticloadbalancing:CreateAction|aws:CalledVia(?:First|Last)?)$/i;

/** The conditions of a statement that scope what it allows, each with its key known. */
export function scopingConditions(s: Statement): Condition[] {
  return s.conditions.filter((c) => SCOPING_KEY.test(knownString(c.key) ?? "") || TAG_PREFIX.test(knownPrefix(c.key)));
}

/** Whether a condition not known in full may be one that scopes the statement. */
export function mayBeScoped(s: Statement): boolean {
  return !s.complete || s.conditions.some((c) => knownString(c.key) === undefined && !TAG_PREFIX.test(knownPrefix(c.key)));
}

/** `autoscaling:ResourceTag/kubernetes.io/cluster/${var.name}` is a tag key whatever its unknown part. */
const TAG_PREFIX = /^[a-z0-9-]+:(?:ResourceTag|RequestTag)\/./i;

function knownPrefix(v: Value): string {
  return v.kind === "template" && typeof v.parts[0] === "string" ? v.parts[0] : "";
}

/** How a message names a condition key: its text, with `${…}` for a part not known. */
export function keyText(v: Value): string {
  if (v.kind === "template") return v.parts.map((p) => (typeof p === "string" ? p : "${…}")).join("");
  return knownString(v) ?? "${…}";
}

/**
 * The actions a statement's Action list grants, from the catalog; undefined when one of them is
 * not known (an unknown value, or a service the catalog does not know).
 */
export function grantedActions(catalog: IamCatalog, s: Statement): CatalogAction[] | undefined {
  const out = new Map<string, CatalogAction>();
  for (const a of s.actions) {
    const text = knownString(a);
    if (text === undefined) return undefined;
    const granted = text === "*" ? undefined : catalog.expand(text);
    if (!granted?.length) return undefined;
    for (const g of granted) out.set(g.name, g);
  }
  return [...out.values()];
}

/** Writes and permission changes first: what makes a statement an error leads its message. */
export function byImpact(actions: CatalogAction[]): CatalogAction[] {
  return [...actions].sort((a, b) => Number(readOnly(a)) - Number(readOnly(b)));
}

/** Read and List are what an action only reads; Write, Tagging and Permissions management change something. */
export function readOnly(action: CatalogAction): boolean {
  return action.accessLevel.split(", ").every((l) => l === "Read" || l === "List");
}

/** The statements of a set of documents (a role's policies) that deny, or whose effect is not known. */
export function denyStatements(documents: Iterable<PolicyDocument | undefined>): Statement[] {
  return [...new Set(documents)].flatMap((d) => d?.statements ?? []).filter((s) => knownString(s.effect) !== "Allow");
}

/**
 * Whether `action` may be refused on every resource, unconditionally, by one of `denies`: "maybe"
 * when a part of a Deny is not known, so that no finding rests on a grant a Deny may take back.
 */
export function deniedEverywhere(denies: Statement[], action: string): Tri {
  return anyTri(
    denies.map((d) => {
      if (d.conditions.length) return "no"; // a conditional Deny leaves the grant in other contexts
      const effect: Tri = knownString(d.effect) === "Deny" ? "yes" : "maybe";
      const everywhere = d.notResources.length ? (d.notResources.every(isKnown) ? "no" : "maybe") : anyTri(d.resources.map((r) => (knownString(r) === "*" ? "yes" : isKnown(r) ? "no" : "maybe")));
      const matches = (values: Value[]) => anyTri(values.map((a) => (!isKnown(a) ? "maybe" : globMatches(knownString(a)!, action, true) ? "yes" : "no")));
      const covers: Tri = d.actions.length ? matches(d.actions) : d.notActions.length ? not(matches(d.notActions)) : "maybe";
      return allTri([effect, everywhere, covers, d.complete ? "yes" : "maybe"]);
    }),
  );
}

const isKnown = (v: Value) => knownString(v) !== undefined;
