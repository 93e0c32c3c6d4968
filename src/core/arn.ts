import type { Value } from "./value.js";
import { holePattern, wildcardMatch, type Tri } from "./match.js";

/** An IAM ARN split once into its parts. Parts of a partially known ARN may hold wildcards. */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resourceType: string;
  /** IAM path including leading and trailing slash, "/" when none. */
  path: string;
  name: string;
}

const ARN_RE = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):([^/]*)\/(.*)$/;

export function parseArn(text: string): Arn | undefined {
  const m = ARN_RE.exec(text);
  if (!m) return undefined;
  const [, partition, service, region, account, resourceType, rest] = m;
  const slash = rest.lastIndexOf("/");
  return {
    partition,
    service,
    region,
    account,
    resourceType,
    path: slash < 0 ? "/" : `/${rest.slice(0, slash + 1)}`,
    name: slash < 0 ? rest : rest.slice(slash + 1),
  };
}

export const VALID_ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:role\/(?:[\x21-\x7e]+\/)?[\w+=,.@-]{1,64}$/;

/** Sentinel for an unknown part of a template, so an ARN with unknown parts can still be split. */
const HOLE = "\u0000";

/**
 * Parses a known or partially known ARN value. Unknown parts become holes that match anything,
 * so `arn:aws:iam::${account}:role/x` still yields name "x".
 */
export function parseArnValue(v: Value): Arn | undefined {
  if (v.kind === "string") return parseArn(v.value);
  if (v.kind !== "template") return undefined;
  return parseArn(v.parts.map((p) => (typeof p === "string" ? p : HOLE)).join(""));
}

/** Compares one ARN part that may contain holes with a known text. */
export function partMatches(part: string, text: string): Tri {
  if (!part.includes(HOLE)) return part === text ? "yes" : "no";
  return wildcardMatch(holePattern(part, HOLE), text) ? "maybe" : "no";
}

export function hasHole(part: string): boolean {
  return part.includes(HOLE);
}

export function displayPart(part: string): string {
  return part.split(HOLE).join("${…}");
}

