import { createRequire } from "node:module";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { lint } from "../src/engine/lint.js";

/**
 * pod-identity-target-trust against @cloud-copilot/iam-simulate: the target role's trust as its
 * resource policy, the association role's session as the principal, and an identity policy that
 * allows everything (an account principal then admits it, as IAM does within one account). The
 * rule may report only what the simulator denies, and must report what it denies when every
 * principal is a known ARN.
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

const ACCOUNT = "111111111111";
const SOURCE = `arn:aws:iam::${ACCOUNT}:role/reports`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/reports/eks-prod-reports`;
const TARGET = `arn:aws:iam::${ACCOUNT}:role/target`;

function allowed(trust: object, action: string): boolean {
  const request = new AwsRequestImpl(SESSION, { resource: TARGET, accountId: ACCOUNT }, action, new RequestContextImpl({}));
  const result = authorize({
    request,
    sessionPolicy: undefined,
    identityPolicies: [loadPolicy({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }, { name: "identity" })],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: loadPolicy(trust, { name: "trust" }),
    permissionBoundaries: undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: { simulationMode: "Strict", discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints() },
  });
  return result.result === "Allowed";
}

const principal = fc.constantFrom<object>(
  { AWS: SOURCE },
  { AWS: `arn:aws:iam::${ACCOUNT}:role/ingest` },
  { AWS: [`arn:aws:iam::${ACCOUNT}:role/ingest`, SOURCE] },
  { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  { AWS: ACCOUNT },
  { Service: "pods.eks.amazonaws.com" },
  { Service: "ec2.amazonaws.com" },
);
// The trust copied from an EC2 role (sts:AssumeRole alone) weighted in: the shape the tag check is for.
const actions = fc.oneof(fc.constant(["sts:AssumeRole"]), fc.subarray(["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity", "sts:*", "sts:Tag*"], { minLength: 1 }));
const statement = fc.record({ Effect: fc.constant("Allow"), Principal: principal, Action: actions });
const trust = fc.array(statement, { minLength: 1, maxLength: 3 }).map((Statement) => ({ Version: "2012-10-17", Statement }));

const dir = mkdtempSync(join(tmpdir(), "irsa-lint-target-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ruleSays(policy: object): Promise<string[]> {
  const tf = `resource "aws_iam_role" "reports" {
  name = "reports"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "pods.eks.amazonaws.com" }, Action = ["sts:AssumeRole", "sts:TagSession"], Condition = { StringEquals = { "aws:SourceAccount" = "${ACCOUNT}" } } }] })
}

resource "aws_iam_role" "target" {
  name               = "target"
  assume_role_policy = <<-EOT
${JSON.stringify(policy, null, 2)}
EOT
}

resource "aws_eks_pod_identity_association" "reports" {
  cluster_name    = "prod"
  namespace       = "reports"
  service_account = "reports"
  role_arn        = aws_iam_role.reports.arn
  target_role_arn = aws_iam_role.target.arn
}
`;
  writeFileSync(join(dir, "main.tf"), tf);
  const result = await lint({ paths: ["main.tf"], cwd: dir, rules });
  return result.findings.filter((f) => f.ruleId === "pod-identity-target-trust").map((f) => (f.message.includes("without sts:TagSession") ? "tagSession" : "notAdmitted"));
}

describe("pod-identity-target-trust against the IAM policy simulator", () => {
  it("reports exactly the trusts the simulator refuses the association role's session", async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(trust, async (policy) => {
        const says = await ruleSays(policy);
        for (const s of says) seen.add(s);
        if (!says.length) seen.add("quiet");
        const assume = allowed(policy, "sts:AssumeRole");
        const tag = allowed(policy, "sts:TagSession");
        // The rule never reports what IAM allows; with every principal a known ARN it reports what IAM refuses.
        if (says.includes("notAdmitted")) expect(assume).toBe(false);
        if (says.includes("tagSession")) expect(assume && !tag).toBe(true);
        if (!assume) expect(says).toEqual(["notAdmitted"]);
        else if (!tag && (policy.Statement as Array<{ Principal: { AWS?: unknown } }>).every((s) => !JSON.stringify(s.Principal).includes(":root") && !JSON.stringify(s.Principal).includes(`"${ACCOUNT}"`))) expect(says).toEqual(["tagSession"]);
      }),
      {
        numRuns: 60,
        // Each answer once for certain, whatever the seed: the EC2-style copy, another role only, the right trust.
        examples: [
          [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: SOURCE }, Action: ["sts:AssumeRole"] }] }],
          [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/ingest` }, Action: ["sts:AssumeRole", "sts:TagSession"] }] }],
          [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: SOURCE }, Action: ["sts:AssumeRole", "sts:TagSession"] }] }],
        ],
      },
    );
    // Not vacuous: the runs reached each answer.
    expect([...seen].sort()).toEqual(["notAdmitted", "quiet", "tagSession"]);
  }, 120_000);
});
