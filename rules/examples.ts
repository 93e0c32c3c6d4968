/**
 * Pieces the rules' documentation examples share: an IRSA role as teams write it, so that each
 * example is a real workload role and the rule's subject (the permission rules look only at the
 * roles a cluster's pods use).
 */
const PROVIDER = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C9A";
const ISSUER = "oidc.eks.eu-west-1.amazonaws.com/id/5C9A";

/** `aws iam create-role --assume-role-policy-document file://trust-policy.json` for one ServiceAccount. */
export const irsaTrustJson = (namespace: string, name: string) => `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": { "Federated": "${PROVIDER}" },
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {
      "StringEquals": {
        "${ISSUER}:sub": "system:serviceaccount:${namespace}:${name}",
        "${ISSUER}:aud": "sts.amazonaws.com"
      }
    }
  }]
}
`;

/** An `aws_iam_role` trusting one ServiceAccount through the cluster's OIDC provider. */
export const irsaRoleTf = (resource: string, name: string, namespace: string, serviceAccount: string) => `resource "aws_iam_role" "${resource}" {
  name = "${name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "${PROVIDER}" }
      Condition = {
        StringEquals = {
          "${ISSUER}:sub" = "system:serviceaccount:${namespace}:${serviceAccount}"
          "${ISSUER}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}
`;
