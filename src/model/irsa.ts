import { memoised } from "../core/collections.js";
import { asItems, knownString, type Origin, type Value } from "../core/value.js";
import type { PolicyDocument, Statement } from "../iam/document.js";
import { actionApplies, conditionsOn } from "../iam/evaluate.js";
import { WEB_IDENTITY_ACTION } from "../iam/trust.js";
import type { IrsaModel, Role } from "./model.js";

/**
 * Which trust statements are IRSA: web identity (`sts:AssumeRoleWithWebIdentity`) from an EKS
 * cluster's OIDC provider. GitHub Actions, GitLab, CircleCI, Terraform Cloud, Cognito and SAML
 * federation are not, and no IRSA rule may speak of pods about them. A statement is IRSA when its
 * Federated principal is an EKS issuer (`oidc.eks.<region>.amazonaws.com`, in any partition), an
 * OIDC provider whose URL is an EKS cluster's issuer, or the EKS module's provider output; when its
 * `sub` values are `system:serviceaccount:…` subjects (any issuer: self-managed clusters run the
 * same webhook); or, when the provider is not known, when a ServiceAccount of the scan annotates
 * the role or the IRSA module built its trust.
 */
export type Federation = "irsa" | "other" | "unknown";

const EKS_ISSUER = /^(?:https:\/\/)?oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?(?:\/|$)/;
/** Outputs of modules that create an EKS cluster's OIDC provider (terraform-aws-modules/eks and forks). */
const EKS_PROVIDER_OUTPUT = /oidc_provider|oidc_issuer/;

export function federationOf(model: IrsaModel, s: Statement, role?: Role): Federation {
  const action = actionApplies(s, WEB_IDENTITY_ACTION);
  if (action === "maybe") return fallback(model, role);
  if (action === "no") return "other";
  const federated = s.principals.filter((p) => p.type === "Federated").map((p) => providerFederation(model, p.value));
  if (federated.includes("irsa") || serviceAccountSubjects(s)) return "irsa";
  if (federated.length && federated.every((f) => f === "other")) return "other";
  return fallback(model, role);
}

/**
 * Subjects `system:serviceaccount:…` are Kubernetes ServiceAccount tokens, whatever the issuer: a
 * self-managed cluster running the pod identity webhook (kops, its issuer on S3) is IRSA too.
 */
function serviceAccountSubjects(s: Statement): boolean {
  return conditionsOn(s, "sub").some((c) => c.values.some((v) => knownString(v)?.startsWith("system:serviceaccount:")));
}

/** The provider is not known: an annotation, or the IRSA module that built the trust, tells. */
function fallback(model: IrsaModel, role?: Role): Federation {
  if (role && (model.serviceAccountsOf(role).length > 0 || role.generatedTrust)) return "irsa";
  return "unknown";
}

function providerFederation(model: IrsaModel, v: Value): Federation {
  const text = knownString(v);
  if (text !== undefined) return hostFederation(providerHost(text));
  const origin = v.origin ?? (v.kind === "template" ? hostPart(v) : undefined);
  if (origin) return originFederation(model, origin);
  if (v.kind !== "template") return "unknown";
  // `arn:${partition}:iam::${account}:oidc-provider/oidc.eks.${region}.amazonaws.com/id/${id}`
  const joined = v.parts.map((p) => (typeof p === "string" ? p : "\u0000")).join("");
  const at = joined.indexOf(":oidc-provider/");
  if (at < 0) return "unknown";
  const prefix = joined.slice(at + ":oidc-provider/".length).split("\u0000")[0].replace(/^https:\/\//, "");
  if (prefix.startsWith("oidc.eks.")) return "irsa";
  return "oidc.eks.".startsWith(prefix) ? "unknown" : "other";
}

/** The unknown part standing where the provider's host is (`…:oidc-provider/${local.issuer}`), when it has an origin. */
function hostPart(v: Extract<Value, { kind: "template" }>): Origin | undefined {
  const at = v.parts.findIndex((p) => typeof p === "string" && p.endsWith("oidc-provider/"));
  const part = at >= 0 ? v.parts[at + 1] : undefined;
  return part && typeof part !== "string" ? part.origin : undefined;
}

function providerHost(arnOrHost: string): string {
  const at = arnOrHost.indexOf(":oidc-provider/");
  if (at >= 0) return arnOrHost.slice(at + ":oidc-provider/".length);
  return /^arn:/.test(arnOrHost) ? "" : arnOrHost;
}

/** A SAML provider or another principal ARN has no host: not IRSA. */
function hostFederation(host: string): Federation {
  return host && EKS_ISSUER.test(host) ? "irsa" : "other";
}

function originFederation(model: IrsaModel, origin: Origin): Federation {
  if (origin.type === "aws_eks_cluster" || origin.type === "data.aws_eks_cluster") return "irsa";
  if (origin.type.startsWith("module:")) return /eks/.test(origin.type) && EKS_PROVIDER_OUTPUT.test(origin.attribute ?? "") ? "irsa" : "unknown";
  if (origin.type === "aws_iam_openid_connect_provider") {
    const provider = model.oidcProviders.find((p) => p.id === origin.address);
    if (!provider) return "unknown";
    const url = knownString(provider.url);
    if (url !== undefined) return hostFederation(url.replace(/^https:\/\//, ""));
    const from = provider.url.origin ?? (provider.url.kind === "template" ? provider.url.parts.find((p): p is Extract<Value, { kind: "unknown" }> => typeof p !== "string" && !!p.origin)?.origin : undefined);
    return from && (from.type === "aws_eks_cluster" || from.type === "data.aws_eks_cluster") ? "irsa" : "unknown";
  }
  return "unknown";
}

/**
 * Allow statements whose Federated principal is an EKS cluster's OIDC provider but whose actions
 * never include sts:AssumeRoleWithWebIdentity (an EC2 trust's sts:AssumeRole copied): a pod's token
 * can only call AssumeRoleWithWebIdentity, so no pod gets in through them.
 */
export function webIdentityMisactions(model: IrsaModel, doc: PolicyDocument | undefined): Statement[] {
  return (doc?.statements ?? []).filter(
    (s) => knownString(s.effect) === "Allow" && actionApplies(s, WEB_IDENTITY_ACTION) === "no" && s.principals.some((p) => p.type === "Federated" && providerFederation(model, p.value) === "irsa"),
  );
}

/** The IRSA statements of a trust document (Allow only). */
export function irsaStatements(model: IrsaModel, doc: PolicyDocument | undefined, role?: Role): Statement[] {
  if (!doc) return [];
  const byRole = statementsByRole(model)(doc);
  let found = byRole.get(role);
  if (!found) byRole.set(role, (found = doc.statements.filter((s) => knownString(s.effect) === "Allow" && federationOf(model, s, role) === "irsa")));
  return found;
}

/** Every rule asks for the same documents' IRSA statements: found once per model, document and role. */
const statementsByRole = memoised((_model: IrsaModel) => memoised((_doc: PolicyDocument) => new Map<Role | undefined, Statement[]>()));

/** Roles the pods of a cluster can assume: IRSA trust, an annotation naming them, or EKS Pod Identity. */
export function isWorkloadRole(model: IrsaModel, role: Role): boolean {
  if (irsaStatements(model, role.trust, role).length > 0 || model.serviceAccountsOf(role).length > 0) return true;
  if (model.podIdentityAssociations.some((a) => a.roles.includes(role))) return true;
  return (role.trust?.statements ?? []).some((s) => s.principals.some((p) => p.type === "Service" && asItems(p.value).some((v) => knownString(v) === "pods.eks.amazonaws.com")));
}
