import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { knownString } from "../src/core/value.js";
import { readPolicyDocument, type Statement } from "../src/iam/document.js";
import { actionApplies } from "../src/iam/evaluate.js";
import { admits } from "../src/iam/questions.js";
import { WEB_IDENTITY_ACTION } from "../src/iam/trust.js";
import { parseJsonWithPositions } from "../src/parse/iam-json.js";

/**
 * The oracle for the trust evaluator: @cloud-copilot/iam-simulate's core `authorize`, with the
 * trust policy as the role's resource policy and the token's claims in the request context.
 * (`runSimulation` validates context keys per action and drops the EKS `<issuer>:sub`/`:aud` keys
 * for sts:AssumeRoleWithWebIdentity; `authorize` evaluates what it is given.) A dev dependency only,
 * loaded from its files because its package exports only the high-level entry points.
 */
const require = createRequire(import.meta.url);
const root = join(dirname(require.resolve("@cloud-copilot/iam-simulate")), "..", "esm");
const load = (path: string) => import(pathToFileURL(join(root, path)).href);
const [{ authorize }, { AwsRequestImpl }, { RequestContextImpl }, { DiscoveryContextKeyConstraints }, { loadPolicy }] = await Promise.all([
  load("core_engine/CoreSimulatorEngine.js"),
  load("request/request.js"),
  load("requestContext.js"),
  load("context_keys/discoveryContextKeyConstraints.js"),
  import("@cloud-copilot/iam-policy"),
]);

export const ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/ABC";
export const PROVIDER = `arn:aws:iam::123456789012:oidc-provider/${ISSUER}`;
const OTHER_PROVIDER = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/XYZ";
const ROLE = "arn:aws:iam::123456789012:role/payments-api";

export interface Token {
  sub: string;
  aud: string;
}

/** The tokens every policy is asked about: the ServiceAccount's, a foreign namespace's, a foreign audience's. */
export const TOKENS: Token[] = [
  { sub: "system:serviceaccount:team-a:api", aud: "sts.amazonaws.com" },
  { sub: "system:serviceaccount:team-z:api", aud: "sts.amazonaws.com" },
  { sub: "system:serviceaccount:team-a:api", aud: "other.example.com" },
];

export function simulate(policy: object, token: Token): boolean {
  const context = new RequestContextImpl({ [`${ISSUER}:sub`]: token.sub, [`${ISSUER}:aud`]: token.aud });
  const request = new AwsRequestImpl(PROVIDER, { resource: ROLE, accountId: "123456789012" }, WEB_IDENTITY_ACTION, context);
  const result = authorize({
    request,
    sessionPolicy: undefined,
    identityPolicies: [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: loadPolicy(policy, { name: "trust" }),
    permissionBoundaries: undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: { simulationMode: "Strict", discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints() },
  });
  return result.result === "Allowed";
}

/**
 * irsa-lint's answer. The IRSA statements are chosen the way the model does (src/model/irsa.ts):
 * Allow, the EKS provider as Federated principal, an action that may be web identity.
 */
export function evaluate(policy: object, token: Token): "yes" | "no" | "maybe" {
  const { doc, allows } = readTrust(policy);
  return admits(doc, allows, token.sub, token.aud, PROVIDER).admitted;
}

export function readTrust(policy: object) {
  const text = JSON.stringify(policy, null, 2);
  const parsed = parseJsonWithPositions("trust.json", text);
  if (!parsed.value) throw new Error(`unparsable generated policy: ${parsed.error?.message}`);
  const doc = readPolicyDocument(parsed.value);
  const isIrsa = (s: Statement) =>
    (s.effect === undefined || knownString(s.effect) === "Allow") &&
    s.principals.some((p) => p.type === "Federated" && knownString(p.value) === PROVIDER) &&
    actionApplies(s, WEB_IDENTITY_ACTION) !== "no";
  return { doc, allows: doc.statements.filter(isIrsa) };
}

/** Without an IRSA statement the cluster's provider is not known: "maybe" is then a right answer. */
function hasIrsaStatement(policy: object): boolean {
  return readTrust(policy).allows.length > 0;
}

const SUB_VALUES = [
  "system:serviceaccount:team-a:api",
  "system:serviceaccount:team-a:*",
  "system:serviceaccount:*:api",
  "system:serviceaccount:team-?:api",
  "system:serviceaccount:team-b:api",
  "system:serviceaccount:Team-A:API",
  "system:serviceaccount:team-a:api*",
  "*",
  "system:serviceaccount:${aws:username}:api",
];
const AUD_VALUES = ["sts.amazonaws.com", "STS.amazonaws.com", "sts.amazon.com", "*", "sts.*", "other.example.com"];
const OPERATORS = ["StringEquals", "StringNotEquals", "StringLike", "StringNotLike", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"];

// Condition keys are case-insensitive in IAM, the provider part included.
const claimKey = fc.constantFrom(`${ISSUER}:sub`, `${ISSUER}:SUB`, `${ISSUER}:Sub`, `${ISSUER.toUpperCase()}:sub`, `${ISSUER}:aud`, `${ISSUER}:AUD`, `${ISSUER.toUpperCase()}:AUD`, `${ISSUER}:amr`, "aws:PrincipalTag/team");
const valuesFor = (key: string) => {
  const pool = /:sub$/i.test(key) ? SUB_VALUES : /:aud$/i.test(key) ? AUD_VALUES : ["x", "team-a"];
  return fc.oneof(fc.constantFrom(...pool), fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 3 }));
};
const stringOperator = fc
  .tuple(fc.constantFrom("", "", "", "ForAnyValue:", "ForAllValues:"), fc.constantFrom(...OPERATORS), fc.constantFrom("", "", "IfExists"))
  .map(([q, op, ifExists]) => `${q}${op}${ifExists}`);
const block = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(stringOperator, fc.uniqueArray(claimKey, { minLength: 1, maxLength: 2 })).chain(([op, keys]) => fc.tuple(fc.constant(op), fc.tuple(...keys.map((k) => valuesFor(k).map((v) => [k, v] as const))))) },
  { weight: 1, arbitrary: fc.tuple(fc.constant("Null"), fc.tuple(fc.tuple(claimKey, fc.constantFrom("true", "false")))) },
);
const condition = fc.uniqueArray(block, { maxLength: 3, selector: ([op]) => op }).map((blocks) => Object.fromEntries(blocks.map(([op, entries]) => [op, Object.fromEntries(entries)])));

const principal = fc.constantFrom<object | string>(
  { Federated: PROVIDER },
  { Federated: PROVIDER },
  { Federated: PROVIDER },
  { Federated: OTHER_PROVIDER },
  { Federated: [OTHER_PROVIDER, PROVIDER] },
  "*",
  { AWS: "arn:aws:iam::123456789012:root" },
);
const action = fc.constantFrom<Record<string, string | string[]>>(
  { Action: WEB_IDENTITY_ACTION },
  { Action: WEB_IDENTITY_ACTION },
  { Action: "sts:assumerolewithwebidentity" },
  { Action: [WEB_IDENTITY_ACTION, "sts:TagSession"] },
  { Action: "sts:AssumeRole" },
  { Action: "sts:*" },
  { Action: "sts:AssumeRoleWith*" },
  { NotAction: "sts:AssumeRole" },
  { NotAction: WEB_IDENTITY_ACTION },
);
const statement = fc
  .tuple(fc.constantFrom("Allow", "Allow", "Allow", "Deny"), principal, action, condition)
  .map(([Effect, Principal, act, Condition]) => ({ Effect, Principal, ...act, ...(Object.keys(Condition).length ? { Condition } : {}) }));

export const trustPolicy = fc.array(statement, { minLength: 1, maxLength: 3 }).map((Statement) => ({ Version: "2012-10-17", Statement }));

/** Whether irsa-lint may answer "maybe": only for what it is right not to know. */
export function mayBeUndecided(policy: object): boolean {
  const text = JSON.stringify(policy);
  // An account principal may or may not cover a web-identity caller (src/iam/evaluate.ts).
  return text.includes("${aws:") || text.includes(":amr") || text.includes("aws:PrincipalTag") || text.includes(":root");
}

/** Compares both answers for every token; returns a description of the first disagreement. */
export function disagreement(policy: object): string | undefined {
  for (const token of TOKENS) {
    const ours = evaluate(policy, token);
    const theirs = simulate(policy, token);
    const wrong = (ours === "yes" && !theirs) || (ours === "no" && theirs) || (ours === "maybe" && !mayBeUndecided(policy) && hasIrsaStatement(policy));
    if (wrong) return `token ${JSON.stringify(token)}: irsa-lint ${ours}, simulator ${theirs ? "Allowed" : "denied"}\n${JSON.stringify(policy, null, 2)}`;
  }
  return undefined;
}
