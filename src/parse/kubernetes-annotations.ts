import type { Value } from "../core/value.js";

export const ROLE_ARN_ANNOTATION = "eks.amazonaws.com/role-arn";
export const TOKEN_EXPIRATION_ANNOTATION = "eks.amazonaws.com/token-expiration";
export const AUDIENCE_ANNOTATION = "eks.amazonaws.com/audience";

/** The IRSA annotations of a ServiceAccount, wherever it is declared (manifest, Helm, Terraform). */
export function serviceAccountAnnotations(get: (key: string) => Value | undefined) {
  return {
    roleArn: get(ROLE_ARN_ANNOTATION),
    tokenExpiration: get(TOKEN_EXPIRATION_ANNOTATION),
    audience: get(AUDIENCE_ANNOTATION),
    stsRegionalEndpoints: get("eks.amazonaws.com/sts-regional-endpoints"),
  };
}
