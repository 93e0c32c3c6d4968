import { describe, expect, it } from "vitest";
import { toPlain } from "../src/core/value.js";
import { local, moduleOf } from "./terraform-helpers.js";

const plain = (src: string, name = "x") => toPlain(local(src, name));

describe("Terraform evaluator", () => {
  it("resolves variables from defaults and locals in any order", () => {
    const src = `
locals {
  x = "\${local.prefix}-\${var.env}"
  prefix = "orders"
}
variable "env" { default = "prod" }
`;
    expect(plain(src)).toBe("orders-prod");
  });

  it("keeps the known parts of a template around an unknown value", () => {
    const v = local(`variable "account" {}\nlocals { x = "arn:aws:iam::\${var.account}:role/orders" }`, "x");
    expect(v.kind).toBe("template");
    if (v.kind !== "template") return;
    expect(v.parts[0]).toBe("arn:aws:iam::");
    expect(v.parts[1]).toMatchObject({ kind: "unknown", reason: expect.stringContaining("var.account has no default") });
    expect(v.parts[2]).toBe(":role/orders");
  });

  it("evaluates for expressions, conditionals, splats and arithmetic", () => {
    const src = `
locals {
  sas   = { api = "payments", worker = "jobs" }
  subs  = [for name, ns in local.sas : "system:serviceaccount:\${ns}:\${name}" if name != "worker"]
  roles = [{ name = "a" }, { name = "b" }]
  names = local.roles[*].name
  flip  = length(local.subs) > 0 ? "some" : "none"
  math  = 2 + 3 * 4 % 5
  grouped = { for r in local.roles : "k" => r.name... }
}`;
    expect(plain(src, "subs")).toEqual(["system:serviceaccount:payments:api"]);
    expect(plain(src, "names")).toEqual(["a", "b"]);
    expect(plain(src, "flip")).toBe("some");
    expect(plain(src, "math")).toBe(4);
    expect(plain(src, "grouped")).toEqual({ k: ["a", "b"] });
  });

  it("evaluates template directives when their inputs are known", () => {
    expect(plain(`locals { x = "%{ for s in ["a", "b"] }[\${s}]%{ endfor }%{ if true }!%{ endif }" }`)).toBe("[a][b]!");
  });

  it("implements the functions IAM code uses", () => {
    const src = `
locals {
  url     = "https://oidc.eks.us-east-1.amazonaws.com/id/ABC"
  host    = replace(local.url, "https://", "")
  host2   = trimprefix(local.url, "https://")
  regex   = replace("arn:aws:iam::1:oidc-provider/x.y/id/Z", "/^(.*provider/)/", "")
  joined  = join(",", concat(["a"], ["b", "c"]))
  merged  = merge({ a = 1 }, { b = 2 })
  looked  = lookup({ a = "x" }, "b", "fallback")
  tried   = try(local.missing, "default")
  coal    = coalesce("", "second")
  flat    = flatten([["a"], ["b", ["c"]]])
  dist    = distinct(["a", "b", "a"])
  fmt     = format("%s:%s", "a", "b")
  enc     = jsonencode({ Version = "2012-10-17" })
  dec     = jsondecode("{\\"a\\": [1, 2]}")
  keys    = keys({ b = 1, a = 2 })
  len     = length("héllo")
  elem    = element(["a", "b"], 3)
  split   = split("/", "a/b")
}`;
    const mod = moduleOf(src);
    const get = (n: string) => toPlain(mod.local(n, { file: "main.tf", line: 1, column: 1, endLine: 1, endColumn: 1 }));
    expect(get("host")).toBe("oidc.eks.us-east-1.amazonaws.com/id/ABC");
    expect(get("host2")).toBe("oidc.eks.us-east-1.amazonaws.com/id/ABC");
    expect(get("regex")).toBe("x.y/id/Z");
    expect(get("joined")).toBe("a,b,c");
    expect(get("merged")).toEqual({ a: 1, b: 2 });
    expect(get("looked")).toBe("fallback");
    expect(get("tried")).toBe("default");
    expect(get("coal")).toBe("second");
    expect(get("flat")).toEqual(["a", "b", "c"]);
    expect(get("dist")).toEqual(["a", "b"]);
    expect(get("fmt")).toBe("a:b");
    expect(get("enc")).toBe('{"Version":"2012-10-17"}');
    expect(get("keys")).toEqual(["a", "b"]);
    expect(get("len")).toBe(5);
    expect(get("elem")).toBe("b");
    expect(get("split")).toEqual(["a", "b"]);
  });

  it("makes unsupported functions and unknown inputs unknown, never a crash", () => {
    const v = local(`locals { x = sha256("a") }`, "x");
    expect(v).toMatchObject({ kind: "unknown", reason: expect.stringContaining("sha256") });
    const u = local(`variable "v" {}\nlocals { x = upper(var.v) }`, "x");
    expect(u.kind).toBe("unknown");
  });

  it("reports a cycle in locals as a diagnostic and an unknown value", () => {
    const mod = moduleOf(`locals {\n  a = local.b\n  b = local.a\n}`);
    const v = mod.local("a", { file: "main.tf", line: 1, column: 1, endLine: 1, endColumn: 1 });
    expect(v.kind).toBe("unknown");
    expect(mod.diagnostics[0].message).toMatch(/cycle: local\.a → local\.b → local\.a/);
  });

  it("derives resource attributes: the name, and an ARN whose account is unknown", () => {
    const src = `
resource "aws_iam_role" "r" {
  name = "orders"
  path = "/team/"
}
locals {
  name = aws_iam_role.r.name
  arn  = aws_iam_role.r.arn
  id   = aws_iam_role.r.unique_id
}`;
    expect(plain(src, "name")).toBe("orders");
    const arn = local(src, "arn");
    expect(toPlain(arn)).toBe("arn:${?}:iam::${?}:role/team/orders");
    expect(local(src, "id").kind).toBe("unknown");
  });

  it("expands count and for_each instances", () => {
    const src = `
resource "aws_iam_role" "per_team" {
  for_each = toset(["a", "b"])
  name     = "team-\${each.key}"
}
resource "aws_iam_role" "counted" {
  count = 2
  name  = "n\${count.index}"
}
locals {
  a     = aws_iam_role.per_team["a"].name
  names = [for r in aws_iam_role.counted : r.name]
}`;
    expect(plain(src, "a")).toBe("team-a");
    expect(plain(src, "names")).toEqual(["n0", "n1"]);
  });
});

describe("Terraform evaluator on input Terraform itself would reject", () => {
  it("turns an invalid regular expression into an error value, not an exception", () => {
    const v = local(`locals { x = replace("a", "/^(.*provider/(/", "") }`, "x");
    expect(v).toMatchObject({ kind: "unknown", error: true, reason: expect.stringContaining("replace()") });
    expect(toPlain(local(`locals { x = try(replace("a", "/(/", ""), "fallback") }`, "x"))).toBe("fallback");
  });
});
