// Generates a synthetic monorepo of N teams, deterministic from a seed. Each team has a
// ServiceAccount, a Deployment with a Service, a ConfigMap and a Terraform root with a role, its
// trust document, a policy and an attachment; a few percent carry a mistake; unrelated files too.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Mulberry32: a small deterministic PRNG, so every run generates the same repository. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ISSUER = "oidc.eks.eu-west-1.amazonaws.com/id/5C9A4E4B1A2C3D4E5F60718293A4B5C6";

export function generate(dir, teams, seed = 42) {
  const random = prng(seed);
  const mistakes = { subject: 0, wildcard: 0, expiration: 0, arn: 0 };
  let files = 0;
  const write = (path, text) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
    files++;
  };
  write(".gitignore", "node_modules/\n.terraform/\n");
  write(".github/workflows/ci.yaml", "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n");
  for (let i = 0; i < teams; i++) {
    const team = `team${String(i).padStart(5, "0")}`;
    const ns = `${team}-ns`;
    const sa = `${team}-api`;
    const roll = random();
    const mistake = roll < 0.01 ? "subject" : roll < 0.02 ? "wildcard" : roll < 0.03 ? "expiration" : roll < 0.04 ? "arn" : undefined;
    if (mistake) mistakes[mistake]++;
    const role = `${team}-api-role`;
    const arnRole = mistake === "arn" ? `${team}-api-rol` : role;
    write(
      `k8s/${team}/serviceaccount.yaml`,
      `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${sa}\n  namespace: ${ns}\n  labels:\n    team: ${team}\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/${arnRole}\n    eks.amazonaws.com/token-expiration: "${mistake === "expiration" ? 300 : 3600}"\n`,
    );
    write(
      `k8s/${team}/deployment.yaml`,
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${sa}\n  namespace: ${ns}\n  labels: { app: ${sa} }\nspec:\n  replicas: ${1 + Math.floor(random() * 4)}\n  selector:\n    matchLabels: { app: ${sa} }\n  template:\n    metadata:\n      labels: { app: ${sa} }\n    spec:\n      serviceAccountName: ${sa}\n      containers:\n        - name: api\n          image: registry.example.com/${team}/api:${Math.floor(random() * 100)}\n          ports: [{ containerPort: 8080 }]\n          resources:\n            requests: { cpu: 100m, memory: 128Mi }\n            limits: { cpu: 500m, memory: 256Mi }\n          env:\n            - { name: TEAM, value: ${team} }\n            - { name: AWS_REGION, value: eu-west-1 }\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${sa}\n  namespace: ${ns}\nspec:\n  selector: { app: ${sa} }\n  ports: [{ port: 80, targetPort: 8080 }]\n`,
    );
    write(
      `k8s/${team}/configmap.yaml`,
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${sa}-config\n  namespace: ${ns}\ndata:\n  LOG_LEVEL: info\n  FEATURE_FLAGS: "a,b,c"\n  QUEUE_URL: https://sqs.eu-west-1.amazonaws.com/123456789012/${team}-jobs\n`,
    );
    const subjectNs = mistake === "subject" ? `${team}-nss` : ns;
    write(
      `terraform/${team}/main.tf`,
      `locals {
  team   = "${team}"
  issuer = "${ISSUER}"
}

resource "aws_iam_role" "api" {
  name = "\${local.team}-api-role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/\${local.issuer}" }
      Condition = {
        StringEquals = {
          "\${local.issuer}:sub" = "system:serviceaccount:${subjectNs}:${sa}"
          "\${local.issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

resource "aws_iam_policy" "api" {
  name = "\${local.team}-api"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = [${mistake === "wildcard" ? '"s3:*"' : '"s3:GetObject", "s3:PutObject"'}]
      Resource = ["arn:aws:s3:::\${local.team}-data/*"]
    }]
  })
}

resource "aws_iam_role_policy_attachment" "api" {
  role       = aws_iam_role.api.name
  policy_arn = aws_iam_policy.api.arn
}
`,
    );
    if (i % 10 === 0) write(`docs/${team}/README.md`, `# ${team}\n\nOwned by ${team}.\n`);
    if (i % 25 === 0) write(`tools/${team}/package.json`, `{ "name": "${team}-tools", "private": true }\n`);
  }
  return { files, mistakes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, teams] = process.argv.slice(2);
  console.log(generate(dir, Number(teams)));
}
