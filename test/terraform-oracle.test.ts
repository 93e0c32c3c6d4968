import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { toPlain } from "../src/core/value.js";
import { moduleOf } from "./terraform-helpers.js";

/**
 * Differential test against `terraform console`, which evaluates expressions offline in a folder
 * that declares only variables and locals. Skipped, with a note, where terraform is not installed.
 */
const LOCALS = `
variable "env" {
  default = "prod"
}
locals {
  teams  = { payments = "team-payments", jobs = "batch" }
  url    = "https://oidc.eks.eu-west-1.amazonaws.com/id/5C9A"
  arn    = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C9A"
  names  = ["b", "a", "b"]
  nested = [["x"], ["y", ["z"]]]
}
`;

const EXPRESSIONS = [
  `"\${var.env}-orders"`,
  `replace(local.url, "https://", "")`,
  `replace(local.arn, "/^(.*provider/)/", "")`,
  `[for k, v in local.teams : "system:serviceaccount:\${v}:\${k}"]`,
  `{ for k, v in local.teams : v => k }`,
  `[for n in local.names : upper(n) if n != "a"]`,
  `distinct(local.names)`,
  `flatten(local.nested)`,
  `join("/", concat(local.names, ["c"]))`,
  `merge({ a = 1, b = 2 }, { b = 3 })`,
  `keys(local.teams)`,
  `values(local.teams)`,
  `lookup(local.teams, "missing", "none")`,
  `length(local.names) * 2 + 1`,
  `2 + 3 * 4 % 5`,
  `10 / 4`,
  `local.names[1]`,
  `try(local.teams.nope, "fallback")`,
  `coalesce("", "x")`,
  `format("%s:%s", "a", "b")`,
  `trimsuffix(trimprefix("pre-mid-post", "pre-"), "-post")`,
  `"%{ for n in local.names }<\${n}>%{ endfor }"`,
  `var.env == "prod" ? "p" : "np"`,
  `jsondecode(jsonencode({ Statement = [{ Effect = "Allow" }] }))`,
  `split(",", "a,b,,c")`,
  `element(local.names, 4)`,
  `substr("system:serviceaccount", 7, 7)`,
  `contains(local.names, "a")`,
  `!(1 > 2) && true`,
  `(local.names[0] == "b") || false`,
  `local.teams.payments == "team-payments" ? local.teams["jobs"] : null`,
  `-length(local.names) + 10`,
  `format("%s-%03d-%5s|%-4s|", "x", 7, "ab", "c")`,
  `[for i, n in local.names : "\${i}=\${n}"]`,
  `var.env == "dev" ? "d" : var.env == "prod" ? "p" : "other"`,
  `var.env == "prod" ? "p" : var.env == "dev" ? "d" : "other"`,
  `1 + 2 + 3 - 4 * 2 + 10 / 5`,
  `basename("examples/eks-managed-node-group")`,
  `dirname("a/b/c.tf")`,
  `coalesce(null, "\${var.env}-cluster")`,
  `coalescelist([], ["a"])`,
  `regex("^oidc[.]eks[.]([a-z0-9-]+)[.]", "oidc.eks.eu-west-1.amazonaws.com")`,
  `regex("(?P<region>[a-z]+-[a-z]+-[0-9])", "oidc.eks.eu-west-1.amazonaws.com")`,
  `regexall("[a-z]+", "ab1cd2")`,
  `replace("system:serviceaccount:ns:sa", "/^system:serviceaccount:([^:]+):(.*)$/", "$2@$\${1}")`,
  `range(3)`,
  `range(1, 7, 2)`,
  `zipmap(["a", "b"], [1, 2])`,
  `formatlist("system:serviceaccount:%s", local.names)`,
  `sort(local.names)`,
  `reverse(local.names)`,
  `slice(local.names, 1, 3)`,
  `alltrue([true, 1 == 1])`,
  `anytrue([false])`,
  `max(3, 9, 2)`,
  `min([4, 1]...)`,
  `title("system service account")`,
  `strrev("abc")`,
];

const terraform = spawnSync("terraform", ["version"], { encoding: "utf8" });
const available = terraform.status === 0;
if (!available) console.warn("terraform is not on PATH: the terraform console differential test is skipped");

describe.skipIf(!available)("evaluator agrees with terraform console", () => {
  const dir = mkdtempSync(join(tmpdir(), "irsa-lint-oracle-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "main.tf"), LOCALS);
  // Without a terminal, terraform console prints only the last result: ask for one tuple.
  const input = `jsonencode([${EXPRESSIONS.join(", ")}])\n`;
  const run = available
    ? spawnSync("terraform", ["console"], { cwd: dir, input, encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: "/dev/null" }, timeout: 60_000 })
    : undefined;
  const line = (run?.stdout ?? "").split("\n").find((l) => l.startsWith('"'));
  const outputs = line ? (JSON.parse(JSON.parse(line) as string) as unknown[]) : [];

  it("answered every expression", () => {
    expect(outputs).toHaveLength(EXPRESSIONS.length);
  });

  EXPRESSIONS.forEach((expr, i) => {
    it(expr, () => {
      const mod = moduleOf(`${LOCALS}\nlocals {\n  probe = ${expr}\n}\n`);
      const ours = toPlain(mod.local("probe", { file: "main.tf", line: 1, column: 1, endLine: 1, endColumn: 1 }));
      expect(ours).toEqual(outputs[i]);
    });
  });
});
