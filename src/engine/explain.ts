import { parseArnValue } from "../core/arn.js";
import type { SourceLocation } from "../core/location.js";
import { closest, type Tri } from "../core/match.js";
import { asItems, displayValue, knownString, type Value } from "../core/value.js";
import type { Statement } from "../iam/document.js";
import { actionApplies, conditionHolds } from "../iam/evaluate.js";
import { admits } from "../iam/questions.js";
import { STS_AUDIENCE, subject, WEB_IDENTITY_ACTION } from "../iam/trust.js";
import { irsaStatements } from "../model/irsa.js";
import type { IrsaModel, Role, ServiceAccount, Workload } from "../model/model.js";
import { unnamedVerdict, type LinkReport } from "./coverage.js";
import type { LintResult } from "./lint.js";
import type { Finding } from "./rule.js";

/**
 * `irsa-lint explain`: the chain the IRSA troubleshooting guide walks by hand against a live
 * cluster, walked in the model before merge. Each step has a location; findings are attached to
 * the step they sit on. The JSON format is this structure (schemas/explain.schema.json).
 */
export interface Chain {
  serviceAccount: {
    key: string;
    declaredAt: SourceLocation;
    origin: ServiceAccount["origin"];
    annotations: Array<{ name: string; value: string; at: SourceLocation }>;
    via: Array<{ message: string; at: SourceLocation }>;
  };
  /** The projected token as the webhook would request it. */
  token: { iss: string | null; sub: string; aud: string; expirationSeconds: number; expirationAt: SourceLocation | null };
  link: { status: LinkReport["status"] | "none"; reason: string | null; assumed: string | null; at: SourceLocation | null };
  role: ExplainedRole | null;
  podIdentity: { at: SourceLocation; role: string | null } | null;
  workloads: ExplainedWorkload[];
  findings: Array<{ ruleId: string; severity: Finding["severity"]; message: string; at: SourceLocation; step: Step }>;
  /** `works`: every step checked, no error on the chain; `broken`: an error on it; `unknown`: a step not checked. */
  verdict: "works" | "broken" | "unknown";
}

type Step = "serviceAccount" | "link" | "trust" | "policy" | "workload";

export interface ExplainedRole {
  name: string;
  at: SourceLocation;
  trust: {
    admits: Tri;
    statements: Array<{ index: number; at: SourceLocation; effect: string; principals: string[]; action: Tri; conditions: Array<{ text: string; holds: Tri; at: SourceLocation }> }>;
    provider: { arn: string; declaredAt: SourceLocation | null } | null;
  } | null;
  policies: Array<{ name: string; kind: "inline" | "managed"; at: SourceLocation; statements: Array<{ effect: string; actions: string[]; resources: string[]; conditions: number; at: SourceLocation }> | null }>;
}

export interface ExplainedWorkload {
  kind: string;
  name: string;
  namespace: string;
  at: SourceLocation;
  containers: Array<{ name: string; at: SourceLocation; injected: Record<string, string>; note: string | null }>;
}

export type ExplainTarget = { kind: "serviceAccount"; namespace: string; name: string } | { kind: "role"; name: string } | { kind: "location"; file: string; line: number };

/** `ns/name`, `file:line` or a role name. */
export function parseTarget(text: string): ExplainTarget {
  const at = /^(.+):(\d+)$/.exec(text);
  if (at && /[./]/.test(at[1]) && !text.includes("/:")) return { kind: "location", file: at[1], line: Number(at[2]) };
  const sa = /^([^/\s]+)\/([^/\s]+)$/.exec(text);
  if (sa) return { kind: "serviceAccount", namespace: sa[1], name: sa[2] };
  return { kind: "role", name: text };
}

const TOKEN_PATH = "/var/run/secrets/eks.amazonaws.com/serviceaccount/token";
const DEFAULT_EXPIRATION = 86400;

/** The chains for a target, or why there is none (with the closest ServiceAccount or role). */
export function explain(result: LintResult, target: ExplainTarget): { chains: Chain[] } | { notFound: string } {
  const model = result.model;
  const accounts = serviceAccountsFor(model, target);
  if (accounts.length) return { chains: accounts.map((sa) => chainOf(result, sa)) };
  if (target.kind === "serviceAccount") {
    const near = closest(`${target.namespace}/${target.name}`, model.serviceAccounts.map((sa) => sa.key));
    return { notFound: `no ServiceAccount ${target.namespace}/${target.name} in the scan${near ? ` (did you mean ${near}?)` : ""}` };
  }
  if (target.kind === "role") {
    const near = closest(target.name, model.roles.map((r) => r.displayName));
    return { notFound: `no ServiceAccount annotates role ${target.name}${near && near !== target.name ? ` (did you mean ${near}?)` : ""}` };
  }
  return { notFound: `nothing at ${target.file}:${target.line} is a ServiceAccount, its annotation or a role` };
}

function serviceAccountsFor(model: IrsaModel, target: ExplainTarget): ServiceAccount[] {
  if (target.kind === "serviceAccount") return model.serviceAccounts.filter((sa) => sa.namespace === target.namespace && sa.name === target.name);
  if (target.kind === "role") {
    const roles = model.roles.filter((r) => r.displayName === target.name || knownString(r.name) === target.name);
    return model.serviceAccounts.filter((sa) => model.rolesOf(sa).some((r) => roles.includes(r)) || (sa.roleArn && parseArnValue(sa.roleArn)?.name === target.name));
  }
  const on = (l: SourceLocation | undefined) => !!l && l.file === target.file && l.line <= target.line && target.line <= l.endLine;
  const direct = model.serviceAccounts.filter((sa) => on(sa.loc) || on(sa.roleArn?.loc));
  if (direct.length) return direct;
  const roles = model.roles.filter((r) => on(r.loc) || (r.trust && on(r.trust.loc)));
  return model.serviceAccounts.filter((sa) => model.rolesOf(sa).some((r) => roles.includes(r)));
}

function chainOf(result: LintResult, sa: ServiceAccount): Chain {
  const model = result.model;
  const report = result.links.find((l) => l.kind === "annotation" && sa.roleArn && sameLoc(l.location, sa.roleArn.loc));
  const role = model.rolesOf(sa)[0];
  const association = model.podIdentityOf(sa);
  const aud = (sa.audience && knownString(sa.audience)) ?? STS_AUDIENCE;
  const expiration = sa.tokenExpiration && knownString(sa.tokenExpiration);
  const statements = role ? irsaStatements(model, role.trust, role) : [];
  const chain: Chain = {
    serviceAccount: {
      key: sa.namespaceKnown === false ? `?/${sa.name}` : sa.key,
      declaredAt: sa.loc,
      origin: sa.origin,
      annotations: annotationsOf(sa),
      via: (sa.provenance ?? []).map((p) => ({ message: p.message, at: p.location })),
    },
    token: {
      iss: issuerOf(statements),
      sub: subject(sa.namespace, sa.name),
      aud,
      expirationSeconds: expiration !== undefined && /^\d+$/.test(expiration) ? Number(expiration) : DEFAULT_EXPIRATION,
      expirationAt: sa.tokenExpiration?.loc ?? null,
    },
    link: report ? { status: report.status, reason: report.reason ?? null, assumed: report.assumed ?? null, at: report.location } : { status: "none", reason: sa.roleArn ? null : "the ServiceAccount has no eks.amazonaws.com/role-arn annotation", assumed: null, at: null },
    role: role ? explainRole(model, role, subject(sa.namespace, sa.name), aud, unnamedAnswer(model, role, sa, aud)) : null,
    podIdentity: association ? { at: association.loc, role: association.roles[0]?.displayName ?? (knownString(association.roleArn) ?? null) } : null,
    workloads: model.workloadsOf(sa).map((w) => explainWorkload(w, sa, expiration)),
    findings: [],
    verdict: "works",
  };
  chain.findings = findingsOn(result.findings, chain);
  const broken = chain.findings.some((f) => f.severity === "error") || chain.link.status === "missing";
  chain.verdict = broken ? "broken" : chain.link.status === "checked" && !association ? "works" : association ? "works" : "unknown";
  if (!sa.roleArn && !association) chain.verdict = "unknown";
  return chain;
}

function annotationsOf(sa: ServiceAccount): Chain["serviceAccount"]["annotations"] {
  const out: Chain["serviceAccount"]["annotations"] = [];
  const add = (name: string, v: Value | undefined) => v && out.push({ name, value: displayValue(v), at: v.loc });
  add("eks.amazonaws.com/role-arn", sa.roleArn);
  add("eks.amazonaws.com/audience", sa.audience);
  add("eks.amazonaws.com/token-expiration", sa.tokenExpiration);
  add("eks.amazonaws.com/sts-regional-endpoints", sa.stsRegionalEndpoints);
  return out;
}

/** The issuer the trust's IRSA statements name (`https://oidc.eks…/id/…`), when one and known. */
function issuerOf(statements: Statement[]): string | null {
  const urls = new Set(statements.flatMap((s) => s.principals.filter((p) => p.type === "Federated").flatMap((p) => asItems(p.value).map((v) => knownString(v)?.split(":oidc-provider/")[1]))).filter((u): u is string => !!u));
  return urls.size === 1 ? `https://${[...urls][0]}` : null;
}

/** For a ServiceAccount whose name is not known, the answer the link report gives (coverage's unnamedVerdict), not the placeholder text's. */
function unnamedAnswer(model: IrsaModel, role: Role, sa: ServiceAccount, aud: string): Tri | undefined {
  if (sa.nameKnown !== false || !role.trust || sa.namespaceKnown === false) return undefined;
  return unnamedVerdict(model, role, sa, aud).admits;
}

function explainRole(model: IrsaModel, role: Role, sub: string, aud: string, verdict?: Tri): ExplainedRole {
  const request = { action: WEB_IDENTITY_ACTION, sub, aud };
  const trust = role.trust;
  const statements = trust ? irsaStatements(model, trust, role) : [];
  const provider = statements.flatMap((s) => s.principals.filter((p) => p.type === "Federated").flatMap((p) => asItems(p.value)))[0];
  const providerArn = provider && knownString(provider);
  const declared = providerArn ? model.oidcProviders.find((p) => providerArn.endsWith(`:oidc-provider/${(knownString(p.url) ?? "").replace(/^https:\/\//, "")}`)) : undefined;
  return {
    name: role.displayName,
    at: role.loc,
    trust: trust
      ? {
          admits: verdict ?? admits(trust, statements, sub, aud).admitted,
          statements: trust.statements.map((s) => ({
            index: s.index,
            at: s.loc,
            effect: (s.effect && knownString(s.effect)) ?? "Allow",
            principals: s.principals.map((p) => `${p.type}: ${asItems(p.value).map(displayValue).join(", ")}`),
            action: actionApplies(s, WEB_IDENTITY_ACTION),
            conditions: s.conditions.map((c) => ({ text: `${displayValue(c.operator)} ${displayValue(c.key)} ${c.values.map(displayValue).join(", ")}`, holds: conditionHolds(c, request), at: c.loc })),
          })),
          provider: providerArn ? { arn: providerArn, declaredAt: declared?.loc ?? null } : null,
        }
      : null,
    policies: role.policies.map((p) => ({
      name: p.displayName,
      kind: p.kind,
      at: p.attachedAt,
      statements: p.document
        ? p.document.statements.map((s) => ({
            effect: (s.effect && knownString(s.effect)) ?? "Allow",
            actions: s.actions.map((a) => expanded(model, a)),
            resources: s.resources.map(displayValue),
            conditions: s.conditions.length,
            at: s.loc,
          }))
        : null,
    })),
  };
}

/** An action as written, with what a pattern expands to in AWS's catalog. */
function expanded(model: IrsaModel, a: Value): string {
  const text = knownString(a);
  if (text === undefined) return displayValue(a);
  if (!/[*?]/.test(text) || !model.catalog) return text;
  const granted = model.catalog.expand(text);
  return granted ? `${text} (${granted.length} ${granted.length === 1 ? "action" : "actions"})` : text;
}

/** What the pod identity webhook adds to each container (pkg/handler/handler.go, addEnvToContainer). */
function explainWorkload(w: Workload, sa: ServiceAccount, expiration: string | undefined): ExplainedWorkload {
  const skipped = new Set((w.skipContainers && knownString(w.skipContainers)?.split(",").map((s) => s.trim())) ?? []);
  const roleArn = sa.roleArn ? displayValue(sa.roleArn) : undefined;
  const regional = sa.stsRegionalEndpoints && knownString(sa.stsRegionalEndpoints) === "true";
  const podExpiration = w.tokenExpiration && knownString(w.tokenExpiration);
  return {
    kind: w.kind,
    name: w.name,
    namespace: w.namespace,
    at: w.loc,
    containers: (w.containers ?? w.containerNames.map((name) => ({ name, loc: w.loc, env: [], envFrom: [] }))).map((c) => {
      if (!roleArn) return { name: c.name, at: c.loc, injected: {}, note: "the ServiceAccount has no role annotation: the webhook adds nothing" };
      if (skipped.has(c.name)) return { name: c.name, at: c.loc, injected: {}, note: "listed in eks.amazonaws.com/skip-containers: the webhook adds nothing" };
      if (c.env.some((e) => e.name === "AWS_ROLE_ARN" || e.name === "AWS_WEB_IDENTITY_TOKEN_FILE"))
        return { name: c.name, at: c.loc, injected: {}, note: "sets AWS_ROLE_ARN or AWS_WEB_IDENTITY_TOKEN_FILE itself: the webhook adds neither" };
      const injected: Record<string, string> = { AWS_ROLE_ARN: roleArn, AWS_WEB_IDENTITY_TOKEN_FILE: TOKEN_PATH };
      if (regional) injected.AWS_STS_REGIONAL_ENDPOINTS = "regional";
      injected["volume aws-iam-token"] = `projected ServiceAccount token, audience ${(sa.audience && knownString(sa.audience)) ?? STS_AUDIENCE}, expirationSeconds ${podExpiration ?? expiration ?? DEFAULT_EXPIRATION}`;
      return { name: c.name, at: c.loc, injected, note: null };
    }),
  };
}

/** The findings located on a step of the chain: the ServiceAccount, the role's trust and policies, the workloads. */
function findingsOn(findings: Finding[], chain: Chain): Chain["findings"] {
  const spans: Array<{ at: SourceLocation; step: Step }> = [
    { at: chain.serviceAccount.declaredAt, step: "serviceAccount" },
    ...chain.serviceAccount.annotations.map((a) => ({ at: a.at, step: a.name.endsWith("role-arn") ? ("link" as const) : ("serviceAccount" as const) })),
    ...(chain.role?.trust?.statements ?? []).map((s) => ({ at: s.at, step: "trust" as const })),
    ...(chain.role ? [{ at: chain.role.at, step: "trust" as const }] : []),
    ...(chain.role?.policies ?? []).flatMap((p) => [{ at: p.at, step: "policy" as const }, ...(p.statements ?? []).map((s) => ({ at: s.at, step: "policy" as const }))]),
    ...chain.workloads.flatMap((w) => [{ at: w.at, step: "workload" as const }, ...w.containers.map((c) => ({ at: c.at, step: "workload" as const }))]),
  ];
  const out: Chain["findings"] = [];
  for (const f of findings) {
    const span = spans.find((s) => within(f.location, s.at)) ?? (f.related.some((r) => spans.some((s) => within(r.location, s.at))) && chain.role && f.ruleId.startsWith("trust-") ? { step: "trust" as const } : undefined);
    if (span) out.push({ ruleId: f.ruleId, severity: f.severity, message: f.message, at: f.location, step: span.step });
  }
  return out;
}

const within = (l: SourceLocation, span: SourceLocation) => l.file === span.file && (l.line > span.line || (l.line === span.line && l.column >= span.column)) && (l.line < span.endLine || (l.line === span.endLine && l.column <= span.endColumn));
const sameLoc = (a: SourceLocation, b: SourceLocation) => a.file === b.file && a.line === b.line && a.column === b.column;
