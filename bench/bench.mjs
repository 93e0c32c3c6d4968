// npm run bench [-- REPOS_DIR]: times irsa-lint against a bare single-threaded parse of the same
// files (bench/bare-parse.mjs) on generated repositories of two shapes and several sizes, and on
// the real repositories under REPOS_DIR (each subfolder a git checkout; skipped when absent).
// Every comparison alternates its two commands run by run (A B A B ...) and takes the median of
// the pairs' ratios, so that a machine whose speed drifts moves both alike. Whole processes are
// timed from outside, start-up included. Writes bench/results.json.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { generate, generateGitOps } from "./generate.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SHAPES = {
  // Per team a ServiceAccount, a Deployment with a Service, a ConfigMap and a Terraform root.
  monorepo: { sizes: list(process.env.BENCH_SIZES ?? "50,100,1000,5000"), generate, manifests: "k8s" },
  // Multi-document manifests, large Helm values files, IAM JSON and Grafana dashboards.
  gitops: { sizes: list(process.env.BENCH_GITOPS_SIZES ?? "100,1000"), generate: generateGitOps, manifests: "apps" },
};
const root = new URL("..", import.meta.url).pathname;
const cli = join(root, "dist/cli.js");
const reposDir = process.argv[2];

function list(text) {
  return text.split(",").filter(Boolean).map(Number);
}

/** Wall milliseconds of one whole process, and the last JSON line it printed, if any. */
function run(command, args, cwd, env) {
  const started = performance.now();
  const r = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command} ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  const last = r.stdout.trim().split("\n").pop();
  return { ms, out: last?.startsWith("{") ? JSON.parse(last) : undefined, stderr: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A and B in turn, `runs` times each: medians of each and of the pairs' ratios A/B. */
function alternate(a, b, runs = RUNS) {
  const as = [];
  const bs = [];
  for (let i = 0; i < runs; i++) {
    as.push(a());
    bs.push(b());
  }
  return { a: median(as.map((r) => r.ms)), b: median(bs.map((r) => r.ms)), ratio: median(as.map((r, i) => r.ms / bs[i].ms)), as, bs };
}

/** Phase times of one run (IRSA_LINT_TIMING). */
function phases(args, cwd) {
  const line = run(process.execPath, [cli, ...args], cwd, { IRSA_LINT_TIMING: "1" }).stderr.split("\n").find((l) => l.startsWith("irsa-lint timing:"));
  return Object.fromEntries([...(line ?? "").matchAll(/(\w+) (\d+) ms/g)].map((m) => [m[1], Number(m[2])]));
}

const lintArgs = (target, ...extra) => [join(root, "bench/run-cli.mjs"), ...extra, "--format", "json", "--output", "/dev/null", target];
const hasYamllint = spawnSync("yamllint", ["--version"]).status === 0;
const round = (x, digits = 0) => (x === undefined ? undefined : Number(x.toFixed(digits)));

const rows = [];
let dashboardParseMs;
for (const [shape, { sizes, generate: make, manifests }] of Object.entries(SHAPES)) {
  for (const teams of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `irsa-lint-bench-${shape}-${teams}-`));
    try {
      const { files } = make(dir, teams);
      // A monorepo's files are tracked: git lists them from its index.
      execFileSync("git", ["init", "-q"], { cwd: dir });
      execFileSync("git", ["add", "-A"], { cwd: dir });
      const whole = alternate(
        () => run(process.execPath, lintArgs("."), dir),
        () => run(process.execPath, [join(root, "bench/bare-parse.mjs"), "."], dir),
      );
      // The manifests alone on one thread, against the bare YAML parse of the same files.
      const yaml = alternate(
        () => run(process.execPath, lintArgs(manifests, "--threads", "1"), dir),
        () => run(process.execPath, [join(root, "bench/bare-parse.mjs"), manifests, "--yaml-only"], dir),
      );
      // yamllint takes ~45 s a run at 5,000 teams: three pairs there, all of them where it is quicker.
      const yamllint = hasYamllint && teams >= 100 ? alternate(() => run(process.execPath, lintArgs(manifests), dir), () => run("yamllint", ["-d", "relaxed", manifests], dir), teams > 1000 ? Math.min(RUNS, 3) : RUNS) : undefined;
      if (shape === "gitops" && dashboardParseMs === undefined) dashboardParseMs = median(Array.from({ length: RUNS }, () => phases(["--output", "/dev/null", "dashboards/platform-overview.json"], dir).parse));
      rows.push({
        shape,
        teams,
        files,
        lintMs: round(whole.a),
        bareParseMs: round(whole.b),
        ratio: round(whole.ratio, 2),
        peakRssMb: round(Math.max(...whole.as.map((r) => r.out.rssMb))),
        phasesMs: phases(["--format", "json", "--output", "/dev/null", "."], dir),
        manifestsOneThreadMs: round(yaml.a),
        bareYamlMs: round(yaml.b),
        manifestsRatio: round(yaml.ratio, 2),
        manifestsMs: yamllint && round(yamllint.a),
        yamllintMs: yamllint && round(yamllint.b),
        yamllintOverLint: yamllint && round(1 / yamllint.ratio, 1),
      });
      console.error(`measured ${shape} ${teams} teams`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

// Real repositories: each subfolder of REPOS_DIR that git can list.
const real = [];
if (reposDir && existsSync(reposDir)) {
  for (const name of readdirSync(reposDir).sort()) {
    const dir = join(reposDir, name);
    if (!statSync(dir).isDirectory() || spawnSync("git", ["rev-parse", "--is-inside-work-tree"], { cwd: dir }).status !== 0) continue;
    const whole = alternate(
      () => run(process.execPath, lintArgs("."), dir),
      () => run(process.execPath, [join(root, "bench/bare-parse.mjs"), "."], dir),
    );
    real.push({ repository: name, files: whole.bs[0].out.files, lintMs: round(whole.a), bareParseMs: round(whole.b), ratio: round(whole.ratio, 2), phasesMs: phases(["--format", "json", "--output", "/dev/null", "."], dir) });
    console.error(`measured ${name}`);
  }
} else if (reposDir) console.error(`no folder ${reposDir}: real repositories skipped`);

const cold = median(Array.from({ length: RUNS }, () => run(process.execPath, [cli, "--output", "/dev/null", "examples"], root).ms));
const coldNoTf = median(Array.from({ length: RUNS }, () => run(process.execPath, [cli, "--output", "/dev/null", "examples/payments-api/kubernetes"], root).ms));

// Which optional parts a run loads: none of them for manifests alone.
const loads = (target) => {
  const r = spawnSync(process.execPath, ["--import", join(root, "bench/trace-imports.mjs"), cli, "--output", "/dev/null", target], { cwd: root, encoding: "utf8" });
  return JSON.parse(r.stderr.trim().split("\n").pop());
};
const lazyLoading = { manifestsOnly: loads("examples/payments-api/kubernetes"), withTerraformAndPolicies: loads("examples/payments-api") };

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const results = { machine, runs: RUNS, timed: "whole processes, alternated, medians", rows, dashboardParseMs, real, coldStartMs: round(cold), coldStartNoTerraformMs: round(coldNoTf), lazyLoading };
writeFileSync(join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);

const dash = (x) => x ?? "–";
console.log(`machine: ${machine}; whole processes, ${RUNS} alternated runs, medians\n`);
console.log("| shape | teams | files | lint (ms) | bare parse (ms) | lint / bare | peak RSS (MB) | manifests, 1 thread / bare YAML | manifests (ms) | yamllint -d relaxed (ms) | yamllint / irsa-lint |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows)
  console.log(`| ${r.shape} | ${r.teams} | ${r.files} | ${r.lintMs} | ${r.bareParseMs} | ${r.ratio} | ${r.peakRssMb} | ${r.manifestsRatio} | ${dash(r.manifestsMs)} | ${dash(r.yamllintMs)} | ${dash(r.yamllintOverLint)} |`);
if (real.length) {
  console.log("\n| repository | files | lint (ms) | bare parse (ms) | lint / bare | phases (ms) |");
  console.log("|---|---:|---:|---:|---:|---|");
  for (const r of real) console.log(`| ${r.repository} | ${r.files} | ${r.lintMs} | ${r.bareParseMs} | ${r.ratio} | ${Object.entries(r.phasesMs).map(([k, v]) => `${k} ${v}`).join(", ")} |`);
}
console.log(`\nthe 460 KB dashboard: ${dashboardParseMs} ms to read and set aside (parse phase)`);
console.log(`cold start on examples/: ${results.coldStartMs} ms; without Terraform files: ${results.coldStartNoTerraformMs} ms`);
console.log(`loaded on manifests only: ${JSON.stringify(lazyLoading.manifestsOnly)}; with Terraform and policies: ${JSON.stringify(lazyLoading.withTerraformAndPolicies)}`);
