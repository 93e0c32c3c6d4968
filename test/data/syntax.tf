# Syntax corners the evaluator relies on.
locals {
  quoted   = "a\"b\\c\n\ttab $${not} %%{not} \u00e9"
  number   = 1.5e3
  negative = -7
  list     = ["x", 2, true, null]
  object   = { a = 1, "b-c" = "d", e = { f = [1, 2] } }
  heredoc  = <<EOT
{
  "Version": "2012-10-17"
}
EOT
  indented = <<-EOT
    line one
      line two
    EOT
  interp    = "pre-${var.x}-post"
  directive = "%{if var.x}yes%{else}no%{endif}"
}

resource "aws_iam_role" "r" {
  // a comment
  name = "literal"
  /* block comment */
  path = "/team/"

  inline_policy {
    name   = "inline"
    policy = "{}"
  }
}

data "aws_iam_policy_document" "d" {
  dynamic "statement" {
    for_each = ["a", "b"]
    content {
      actions = ["s3:GetObject"]
    }
  }
}
