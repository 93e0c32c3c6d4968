import type { PolicyDocument, Statement } from "./document.js";
import { actionApplies, conditionsOn, evaluateTrust, parseOperator, type TokenRequest, type Verdict } from "./evaluate.js";
import { knownString, str } from "../core/value.js";
import { globPattern, patternsIntersect } from "../core/match.js";
import { STS_AUDIENCE, WEB_IDENTITY_ACTION, subject } from "./trust.js";

/**
 * The questions the trust rules ask the evaluator. A claim that "some ServiceAccount is admitted"
 * is only ever made with a witness: a token the evaluator admits with certainty.
 */

/** A namespace and a name nobody chose: what any ServiceAccount created later could be called. */
export const PROBE = "irsa-lint-probe";
export const PROBE_SUBJECT = subject(PROBE, PROBE);
export const PROBE_AUDIENCE = "irsa-lint-probe.example.com";

export function admits(doc: PolicyDocument, allows: Statement[], sub?: string, aud?: string, provider?: string): Verdict {
  const request: TokenRequest = { action: WEB_IDENTITY_ACTION, sub, aud, provider };
  return evaluateTrust(doc, allows, request);
}

/** The first of the tokens `subs` × `auds` the trust certainly admits. */
export function witness(doc: PolicyDocument, allows: Statement[], subs: Iterable<string>, auds: Iterable<string>): { sub: string; aud: string; verdict: Verdict } | undefined {
  const audList = [...auds];
  for (const sub of subs)
    for (const aud of audList) {
      const verdict = admits(doc, allows, sub, aud);
      if (verdict.admitted === "yes") return { sub, aud, verdict };
    }
  return undefined;
}

/**
 * Texts a pattern matches that nobody chose: each `*` as a probe name (or a probe namespace and
 * name, since `*` crosses `:`), each `?` as one letter.
 */
export function patternInstances(pattern: string): string[] {
  const fill = (star: string) => pattern.replace(/\*/g, star).replace(/\?/g, "x");
  return [...new Set([fill(PROBE), fill(`${PROBE}:${PROBE}`)])];
}

/** The audiences a token may carry for this trust: STS's, and those its conditions name. */
export function audiences(statements: Statement[], extra: Iterable<string> = []): string[] {
  const named = statements.flatMap((s) => conditionsOn(s, "aud").flatMap((c) => c.values.map(knownString)));
  return [...new Set([STS_AUDIENCE, ...[...extra].filter(Boolean), ...named.filter((a): a is string => a !== undefined && !/[*?]|\$\{/.test(a))])];
}

/** The known sub values of statements' conditions (patterns included). */
export function subValues(statements: Statement[]): string[] {
  const values = statements.flatMap((s) => conditionsOn(s, "sub").flatMap((c) => c.values.map(knownString)));
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}

/**
 * Whether the trust certainly refuses every ServiceAccount of `namespace`, whatever its name: each
 * statement that may allow a web-identity token has a sub condition (StringEquals or StringLike,
 * every value known) none of whose values can be `system:serviceaccount:<namespace>:<anything>`.
 * A chart's ServiceAccount of unknown name is judged by this: its namespace is known. Anything not
 * known makes the answer "not certain" (false).
 */
export function refusesNamespace(doc: PolicyDocument, namespace: string, namePrefix = ""): boolean {
  if (!doc.complete) return false;
  const prefix = `system:serviceaccount:${namespace}:${namePrefix}`;
  const inNamespace = globPattern(`${prefix}*`);
  const mayAllow = doc.statements.filter((s) => knownString(s.effect ?? str("Allow", s.loc)) !== "Deny" && actionApplies(s, WEB_IDENTITY_ACTION) !== "no");
  return mayAllow.every((s) => {
    if (!s.complete || !s.decided) return false;
    return conditionsOn(s, "sub").some((c) => {
      const op = parseOperator(knownString(c.operator) ?? "");
      if (!op || op.negated || op.qualifier || op.base === "Null") return false;
      return c.values.every((v) => {
        const text = knownString(v);
        if (text === undefined || text.includes("${")) return false;
        const [value, target] = op.ignoreCase ? [text.toLowerCase(), prefix.toLowerCase()] : [text, prefix];
        return op.glob ? !patternsIntersect(globPattern(value), op.ignoreCase ? globPattern(`${target}*`) : inNamespace) : !value.startsWith(target);
      });
    });
  });
}

/** A revision hash nobody chose: characters only a wildcard matches, as many as Crossplane's hashes have. */
const REVISION_PROBE = "\u0001".repeat(12);

/**
 * Whether the trust admits every ServiceAccount named `<namePrefix><revision hash>` of the
 * namespace. A probe whose hash no literal can match, admitted for certain, was admitted through
 * wildcards alone, which match any hash as well; asked only of trusts without Deny statements and
 * negated sub operators, where matching more could refuse.
 */
export function admitsEveryRevision(doc: PolicyDocument, allows: Statement[], namespace: string, namePrefix: string, aud: string): boolean {
  if (!doc.complete) return false;
  if (doc.statements.some((s) => knownString(s.effect ?? str("Allow", s.loc)) !== "Allow")) return false;
  const negated = allows.some((s) => conditionsOn(s, "sub").some((c) => parseOperator(knownString(c.operator) ?? "")?.negated !== false));
  if (negated) return false;
  return admits(doc, allows, subject(namespace, `${namePrefix}${REVISION_PROBE}`), aud).admitted === "yes";
}
