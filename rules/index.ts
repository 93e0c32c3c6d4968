import type { AnyRule } from "../src/engine/rule.js";
import automountNotDisabled from "./automount-not-disabled.js";
import policyNoWildcards from "./policy-no-wildcards.js";
import roleArnFormat from "./role-arn-format.js";
import roleArnResolves from "./role-arn-resolves.js";
import tokenExpirationMinimum from "./token-expiration-minimum.js";
import trustAudienceSts from "./trust-audience-sts.js";
import trustSubjectMatches from "./trust-subject-matches.js";

/** Every rule irsa-lint ships, in the order the docs list them. */
export const rules: AnyRule[] = [
  roleArnFormat,
  roleArnResolves,
  trustSubjectMatches,
  trustAudienceSts,
  tokenExpirationMinimum,
  automountNotDisabled,
  policyNoWildcards,
];
