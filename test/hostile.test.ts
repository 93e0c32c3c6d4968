import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli.js";

const root = mkdtempSync(join(tmpdir(), "irsa-lint-hostile-"));
const outside = mkdtempSync(join(tmpdir(), "irsa-lint-outside-"));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const healthy = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: healthy
  namespace: apps
  annotations:
    eks.amazonaws.com/token-expiration: "30"
`;
writeFileSync(join(outside, "secret.yaml"), healthy.replace("healthy", "outside"));
mkdirSync(join(root, "k8s/nested"), { recursive: true });
writeFileSync(join(root, "k8s/healthy.yaml"), healthy);
symlinkSync(join(root, "k8s"), join(root, "k8s/nested/loop")); // a cycle
symlinkSync(join(outside, "secret.yaml"), join(root, "k8s/escape.yaml")); // out of the tree
symlinkSync(join(root, "k8s/missing.yaml"), join(root, "k8s/dangling.yaml")); // broken
symlinkSync(join(root, "k8s/healthy.yaml"), join(root, "k8s/alias.yaml")); // inside: fine
writeFileSync(join(root, "k8s/huge.yaml"), `# ${"x".repeat(5 * 1024 * 1024)}\n`);
writeFileSync(join(root, "k8s/locked.yaml"), healthy.replace("healthy", "locked"));
chmodSync(join(root, "k8s/locked.yaml"), 0o000);
// A FIFO read blindly would block the run until something writes to it.
const hasFifo = spawnSync("mkfifo", [join(root, "k8s/pipe.yaml")]).status === 0;
const canLock = (() => {
  try {
    readFileSync(join(root, "k8s/locked.yaml"));
    return false; // root reads anything: the permission case cannot be staged here
  } catch {
    return true;
  }
})();

function treeHash(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      hash.update(`${p}|${st.mode}|${st.size}|${st.mtimeMs}\n`);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && st.mode & 0o400 && name !== "locked.yaml") hash.update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest("hex");
}

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: root, color: false });
  return { code, stdout, stderr };
}

describe("hostile repository", () => {
  it("gives every file a status, follows no symlink out of the tree or round a loop, and still lints the healthy files", async () => {
    const { code, stdout, stderr } = await run(["--format", "json", "."]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    const status = Object.fromEntries(doc.files.map((f: { file: string; status: string; reason: string | null }) => [f.file, `${f.status}${f.reason ? `: ${f.reason}` : ""}`]));
    expect(status).toMatchObject({
      "k8s/healthy.yaml": "linted",
      "k8s/alias.yaml": "linted",
      "k8s/escape.yaml": "skipped: symbolic link to outside the scanned tree",
      "k8s/dangling.yaml": "skipped: broken symbolic link",
      "k8s/huge.yaml": "skipped: larger than 5 MB",
    });
    if (canLock) expect(status["k8s/locked.yaml"]).toBe("failed: permission denied");
    if (hasFifo) expect(status["k8s/pipe.yaml"]).toBe("skipped: not a regular file");
    expect(Object.keys(status).some((f) => f.includes("loop"))).toBe(false);
    expect(doc.findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual(expect.arrayContaining(["k8s/alias.yaml:7", "k8s/healthy.yaml:7"]));
    expect(doc.findings.some((f: { message: string }) => f.message.includes("outside"))).toBe(false);
  });

  it("writes nothing to the scanned tree", async () => {
    const before = treeHash(root);
    await run(["--format", "sarif", "."]);
    await run(["--verbose", "."]);
    expect(treeHash(root)).toBe(before);
  });

  it("--strict exits 2 when a file could not be parsed; --max-file-size moves the size limit", async () => {
    writeFileSync(join(root, "k8s/broken.yaml"), "apiVersion: v1\nkind: ServiceAccount\nmetadata: [\n");
    expect((await run(["."])).code).toBe(1);
    expect((await run(["--strict", "."])).code).toBe(2);
    rmSync(join(root, "k8s/broken.yaml"));
    const small = JSON.parse((await run(["--format", "json", "--max-file-size", "0.0001", "."])).stdout);
    expect(small.files.find((f: { file: string }) => f.file === "k8s/healthy.yaml").status).toBe("skipped");
  });

  it("leaves out a file git still lists but the work tree no longer has", async () => {
    const repo = mkdtempSync(join(tmpdir(), "irsa-lint-gone-"));
    try {
      writeFileSync(join(repo, "kept.yaml"), healthy);
      writeFileSync(join(repo, "deleted.yaml"), healthy.replace("healthy", "deleted"));
      const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: repo, stdio: "ignore" });
      git("init", "-q");
      git("add", ".");
      git("commit", "-qm", "init");
      rmSync(join(repo, "deleted.yaml"));
      let stdout = "";
      await main(["--format", "json", "."], { stdout: (t) => (stdout += t), stderr: () => {}, cwd: repo, color: false });
      expect(JSON.parse(stdout).files.map((f: { file: string }) => f.file)).toEqual(["kept.yaml"]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
