// npm run bench: generates monorepos of 100, 1,000 and 5,000 teams and measures irsa-lint against
// a bare single-threaded parse of the same files. Medians of several runs; writes bench/results.json.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { generate } from "./generate.mjs";

const SIZES = (process.env.BENCH_SIZES ?? "100,1000,5000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = new URL("..", import.meta.url).pathname;

function node(script, args, cwd) {
  const r = spawnSync(process.execPath, [join(root, script), ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

function timed(command, args, cwd) {
  const started = performance.now();
  spawnSync(command, args, { cwd, stdio: "ignore" });
  return performance.now() - started;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const hasYamllint = spawnSync("yamllint", ["--version"]).status === 0;

const rows = [];
for (const teams of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), `irsa-lint-bench-${teams}-`));
  try {
    const { files } = generate(dir, teams);
    // A monorepo's files are tracked: git lists them from its index.
    execFileSync("git", ["init", "-q"], { cwd: dir });
    execFileSync("git", ["add", "-A"], { cwd: dir });
    const lints = [];
    const bares = [];
    for (let i = 0; i < RUNS; i++) {
      lints.push(node("bench/run-cli.mjs", ["--format", "json", "--output", "/dev/null", "."], dir));
      bares.push(node("bench/bare-parse.mjs", [dir], dir));
    }
    const lintMs = median(lints.map((r) => r.ms));
    const bareMs = median(bares.map((r) => r.ms));
    const k8sMs = median(Array.from({ length: Math.min(RUNS, 3) }, () => timed(process.execPath, [join(root, "dist/cli.js"), "--format", "json", "--output", "/dev/null", "k8s"], dir)));
    const yamllintMs = hasYamllint ? timed("yamllint", ["-d", "relaxed", "k8s"], dir) : undefined;
    rows.push({
      teams,
      files,
      lintMs: Math.round(lintMs),
      filesPerSecond: Math.round(files / (lintMs / 1000)),
      peakRssMb: Math.round(Math.max(...lints.map((r) => r.rssMb))),
      bareParseMs: Math.round(bareMs),
      ratio: Number((lintMs / bareMs).toFixed(2)),
      k8sOnlyMs: Math.round(k8sMs),
      yamllintMs: yamllintMs && Math.round(yamllintMs),
      yamllintOverLint: yamllintMs && Number((yamllintMs / k8sMs).toFixed(1)),
    });
    console.error(`measured ${teams} teams`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cold = median(Array.from({ length: RUNS }, () => timed(process.execPath, [join(root, "dist/cli.js"), "--output", "/dev/null", "examples"], root)));
const coldNoTf = median(Array.from({ length: RUNS }, () => timed(process.execPath, [join(root, "dist/cli.js"), "--output", "/dev/null", "examples/payments-api/kubernetes"], root)));

// Which optional parts a run loads: none of them for manifests alone.
const loads = (target) => {
  const r = spawnSync(process.execPath, ["--import", join(root, "bench/trace-imports.mjs"), join(root, "dist/cli.js"), "--output", "/dev/null", target], { cwd: root, encoding: "utf8" });
  return JSON.parse(r.stderr.trim().split("\n").pop());
};
const lazyLoading = { manifestsOnly: loads("examples/payments-api/kubernetes"), withTerraformAndPolicies: loads("examples/payments-api") };

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const results = { machine, runs: RUNS, rows, coldStartMs: Math.round(cold), coldStartNoTerraformMs: Math.round(coldNoTf), lazyLoading };
writeFileSync(join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);

console.log(`machine: ${machine}; medians of ${RUNS} runs\n`);
console.log("| teams | files | lint (ms) | files/s | peak RSS (MB) | bare parse (ms) | lint / bare | k8s/ only (ms) | yamllint -d relaxed k8s/ (ms) | yamllint / irsa-lint |");
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows)
  console.log(`| ${r.teams} | ${r.files} | ${r.lintMs} | ${r.filesPerSecond} | ${r.peakRssMb} | ${r.bareParseMs} | ${r.ratio} | ${r.k8sOnlyMs} | ${r.yamllintMs ?? "–"} | ${r.yamllintOverLint ?? "–"} |`);
console.log(`\ncold start on examples/: ${results.coldStartMs} ms; without Terraform files: ${results.coldStartNoTerraformMs} ms`);
console.log(`loaded on manifests only: ${JSON.stringify(lazyLoading.manifestsOnly)}; with Terraform and policies: ${JSON.stringify(lazyLoading.withTerraformAndPolicies)}`);
