import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, sep } from "node:path";
import { InputError } from "../engine/errors.js";

/**
 * A pull request can edit `.irsa-lint.yaml` (turn a rule off, exclude its own files) or the
 * baseline (record its own findings). With `config-from: base` the Action reads both as the base
 * commit has them (`git show <base>:<path>`), so the pull request is judged by the rules it is
 * merged into. The base commit is the event's `pull_request.base.sha`.
 */
export interface BaseFiles {
  sha: string;
  /** A copy of `absolute` as the base commit has it (in a temporary folder), or undefined when the base has no such file. */
  copy(absolute: string): string | undefined;
}

export function baseFiles(root: string, eventPath: string | undefined): BaseFiles | undefined {
  if (!eventPath) return undefined;
  let sha: unknown;
  try {
    sha = (JSON.parse(readFileSync(eventPath, "utf8")) as { pull_request?: { base?: { sha?: unknown } } }).pull_request?.base?.sha;
  } catch {
    return undefined;
  }
  if (typeof sha !== "string" || !/^[0-9a-f]{40}$/.test(sha)) return undefined;
  try {
    execFileSync("git", ["cat-file", "-e", `${sha}^{commit}`], { cwd: root, stdio: "ignore" });
  } catch {
    throw new InputError(`config-from: base: the base commit ${sha} is not in the checkout; check out with fetch-depth: 0 (or fetch the base) so irsa-lint can read its config and baseline`);
  }
  const dir = mkdtempSync(join(tmpdir(), "irsa-lint-base-"));
  return {
    sha,
    copy(absolute) {
      const path = relative(root, absolute).split(sep).join("/");
      if (path.startsWith("../")) throw new InputError(`config-from: base: ${path} is outside the repository`);
      let text: Buffer;
      try {
        text = execFileSync("git", ["show", `${sha}:${path}`], { cwd: root, stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 });
      } catch {
        return undefined;
      }
      const file = join(mkdtempSync(join(dir, "f-")), basename(absolute));
      writeFileSync(file, text);
      return file;
    },
  };
}
