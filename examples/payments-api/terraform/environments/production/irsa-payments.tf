data "aws_caller_identity" "current" {}

module "payments_api_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "~> 5.0"

  role_name = "payments-api-production"

  oidc_providers = {
    cluster = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["team-payments:payments-api"]
    }
  }
}

resource "aws_iam_policy" "payments_api" {
  name = "payments-api-production"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = ["arn:aws:secretsmanager:us-east-1:${data.aws_caller_identity.current.account_id}:secret:/payments/*"]
      },
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
        Resource = ["arn:aws:s3:::payments-receipts-production/*"]
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "payments_api" {
  role       = module.payments_api_irsa.iam_role_name
  policy_arn = aws_iam_policy.payments_api.arn
}
