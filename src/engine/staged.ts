import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { classify } from "../discover/discover.js";
import { InputError } from "./errors.js";

/** Config files the snapshot carries besides the files irsa-lint lints. */
const CONFIG_NAMES = /(^|\/)(\.irsa-lint\.ya?ml|irsa-lint\.config\.json)$/;

export interface StagedSnapshot {
  /** Where the working directory is inside the snapshot: lint from here, and paths read the same. */
  cwd: string;
  /** The snapshot's root: the repository's top level. */
  root: string;
  dispose(): void;
}

/**
 * `--staged`: what the commit will contain, as pre-commit needs it. The tracked files irsa-lint
 * reads, with their staged content, are written from git's index into a temporary folder: an
 * untracked role file or an unstaged edit does not make a broken commit pass, and a role deleted
 * in the commit is gone. Cross-file links need the whole tree, so every tracked file counts.
 */
export function stagedSnapshot(cwd: string): StagedSnapshot {
  const git = (args: string[], input?: string) => execFileSync("git", args, { cwd, input, encoding: "utf8", maxBuffer: 1 << 30, stdio: ["pipe", "pipe", "pipe"] });
  let top: string;
  try {
    top = git(["rev-parse", "--show-toplevel"]).trim();
  } catch {
    throw new InputError("--staged needs a git repository (git rev-parse --show-toplevel failed)");
  }
  const tracked = execFileSync("git", ["ls-files", "-z", "--cached"], { cwd: top, encoding: "utf8", maxBuffer: 1 << 30 })
    .split("\0")
    .filter((p) => p && (classify(p) !== undefined || CONFIG_NAMES.test(p)));
  const root = mkdtempSync(join(tmpdir(), "irsa-lint-staged-"));
  try {
    // The trailing slash makes --prefix a folder.
    execFileSync("git", ["checkout-index", "-z", "--stdin", `--prefix=${root}/`], { cwd: top, input: tracked.join("\0"), maxBuffer: 1 << 30 });
  } catch (e) {
    rmSync(root, { recursive: true, force: true });
    throw new InputError(`--staged: git checkout-index failed: ${(e as Error).message.split("\n")[0]}`);
  }
  return { cwd: join(root, relative(top, cwd)), root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
