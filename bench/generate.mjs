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

/**
 * The second shape: what GitOps repositories hold. Per team one multi-document manifest (Namespace,
 * ServiceAccount, a heavy Deployment, Service, ConfigMap, HPA, PDB, NetworkPolicy, RoleBinding, a
 * CronJob on the same ServiceAccount), a large Helm values file whose `serviceAccount` carries the
 * role, and `aws iam get-role` output with its policy as IAM JSON; Grafana dashboards beside them
 * (one of 460 KB), which cannot bear on IRSA.
 */
export function generateGitOps(dir, teams, seed = 7) {
  const random = prng(seed);
  let files = 0;
  const write = (path, text) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
    files++;
  };
  write(".gitignore", "node_modules/\n");
  write("dashboards/platform-overview.json", dashboard("platform-overview", 460_000, random));
  for (let i = 0; i < teams; i++) {
    const team = `team${String(i).padStart(5, "0")}`;
    const ns = `${team}-ns`;
    const sa = `${team}-worker`;
    const role = `${team}-worker-role`;
    const subjectNs = random() < 0.01 ? `${team}-nss` : ns;
    write(`apps/${team}/manifests.yaml`, manifests(team, ns, sa, role, random));
    write(`charts/${team}/values.yaml`, values(team, role, random));
    write(`iam/${team}/role.json`, getRole(role, subjectNs, sa));
    write(`iam/${team}/policy.json`, `${JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage"], Resource: `arn:aws:sqs:eu-west-1:123456789012:${team}-jobs` }] }, null, 2)}\n`);
    if (i % 10 === 0) write(`dashboards/${team}.json`, dashboard(team, 40_000, random));
  }
  return { files };
}

function manifests(team, ns, sa, role, random) {
  const env = Array.from({ length: 15 }, (_, k) => `            - name: SETTING_${k}\n              value: "${Math.floor(random() * 1e6)}"`).join("\n");
  const data = Array.from({ length: 30 }, (_, k) => `  key_${k}: "${"v".repeat(20 + (k % 7))}"`).join("\n");
  const container = (name) => `        - name: ${name}
          image: registry.example.com/${team}/${name}:1.${Math.floor(random() * 40)}.0
          args: ["--queue", "${team}-jobs", "--verbose"]
          ports:
            - containerPort: 8080
              name: http
          env:
${env}
          resources:
            requests: { cpu: 250m, memory: 256Mi }
            limits: { cpu: "1", memory: 512Mi }
          readinessProbe:
            httpGet: { path: /ready, port: http }
            periodSeconds: 10
          livenessProbe:
            httpGet: { path: /healthz, port: http }
            initialDelaySeconds: 15
          volumeMounts:
            - { name: config, mountPath: /etc/${team} }`;
  return `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels: { team: ${team} }
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${sa}
  namespace: ${ns}
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/${role}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${team}-worker
  namespace: ${ns}
  labels: { app: ${team}-worker, team: ${team} }
spec:
  replicas: 3
  selector:
    matchLabels: { app: ${team}-worker }
  template:
    metadata:
      labels: { app: ${team}-worker }
      annotations:
        prometheus.io/scrape: "true"
    spec:
      serviceAccountName: ${sa}
      securityContext: { runAsNonRoot: true, runAsUser: 10001 }
      containers:
${container("worker")}
${container("sidecar")}
      volumes:
        - name: config
          configMap: { name: ${team}-config }
---
apiVersion: v1
kind: Service
metadata:
  name: ${team}-worker
  namespace: ${ns}
spec:
  selector: { app: ${team}-worker }
  ports: [{ port: 80, targetPort: http }]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${team}-config
  namespace: ${ns}
data:
${data}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${team}-worker
  namespace: ${ns}
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${team}-worker }
  minReplicas: 3
  maxReplicas: 20
  metrics:
    - type: Resource
      resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${team}-worker
  namespace: ${ns}
spec:
  minAvailable: 2
  selector:
    matchLabels: { app: ${team}-worker }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${team}-default-deny
  namespace: ${ns}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  egress:
    - to: [{ namespaceSelector: {} }]
      ports: [{ protocol: UDP, port: 53 }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${team}-worker
  namespace: ${ns}
subjects:
  - kind: ServiceAccount
    name: ${sa}
    namespace: ${ns}
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${team}-cleanup
  namespace: ${ns}
spec:
  schedule: "17 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          serviceAccountName: ${sa}
          restartPolicy: OnFailure
          containers:
            - name: cleanup
              image: registry.example.com/${team}/cleanup:2.0.${Math.floor(random() * 9)}
              args: ["--older-than", "7d"]
`;
}

/** A chart's values file of a few hundred lines, most of them nothing to do with IRSA. */
function values(team, role, random) {
  const section = (name, k) =>
    `${name}:\n  enabled: ${k % 2 === 0}\n  replicas: ${1 + (k % 3)}\n  image:\n    repository: registry.example.com/${team}/${name}\n    tag: "1.${Math.floor(random() * 50)}.0"\n    pullPolicy: IfNotPresent\n  resources:\n    requests: { cpu: 100m, memory: 128Mi }\n    limits: { cpu: 500m, memory: 512Mi }\n  nodeSelector: {}\n  tolerations: []\n  podAnnotations:\n    team: ${team}\n  extraEnv:\n${Array.from({ length: 8 }, (_, e) => `    - name: ${name.toUpperCase()}_${e}\n      value: "${e * k}"`).join("\n")}\n`;
  return `# Default values for ${team}.
nameOverride: ""
fullnameOverride: ${team}
serviceAccount:
  create: true
  name: ${team}-chart
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/${role}
${Array.from({ length: 14 }, (_, k) => section(`component${k}`, k)).join("")}`;
}

function getRole(role, ns, sa) {
  const issuer = ISSUER;
  const trust = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${issuer}` },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { [`${issuer}:sub`]: `system:serviceaccount:${ns}:${sa}`, [`${issuer}:aud`]: "sts.amazonaws.com" } },
      },
    ],
  };
  return `${JSON.stringify({ Role: { Path: "/", RoleName: role, RoleId: "AROAEXAMPLE", Arn: `arn:aws:iam::123456789012:role/${role}`, CreateDate: "2026-01-01T00:00:00Z", AssumeRolePolicyDocument: trust, MaxSessionDuration: 3600 } }, null, 2)}\n`;
}

/** A Grafana dashboard of about `bytes` bytes: panels, targets, thresholds; no IAM key at its top. */
function dashboard(title, bytes, random) {
  const panels = [];
  let size = 0;
  for (let id = 1; size < bytes; id++) {
    const panel = {
      id,
      type: "timeseries",
      title: `${title} panel ${id} Resources Role Statement`,
      gridPos: { h: 8, w: 12, x: (id % 2) * 12, y: id * 8 },
      datasource: { type: "prometheus", uid: "prometheus" },
      fieldConfig: { defaults: { unit: "short", thresholds: { mode: "absolute", steps: [{ color: "green", value: null }, { color: "red", value: Math.floor(random() * 100) }] } }, overrides: [] },
      targets: [{ expr: `sum(rate(http_requests_total{namespace=~"${title}.*"}[5m])) by (pod)`, legendFormat: "{{pod}}", refId: "A" }],
    };
    panels.push(panel);
    size += JSON.stringify(panel, null, 2).length;
  }
  return `${JSON.stringify({ annotations: { list: [] }, editable: true, panels, schemaVersion: 39, tags: ["generated"], title, uid: title, version: 1 }, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, teams, shape] = process.argv.slice(2);
  console.log(shape === "gitops" ? generateGitOps(dir, Number(teams)) : generate(dir, Number(teams)));
}
