import { lstatSync, realpathSync } from "node:fs";
import { dirname, sep } from "node:path";
import { readSource } from "./read.js";

const inside = (path: string, folder: string) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * The text of a file the run is told to read (`--var-file`, the config file, `--baseline`), or why
 * not, in words that quote nothing of it. A pull request can commit any of these as a symbolic
 * link to a file of the runner (`/proc/self/environ`): a link is followed only to a target inside
 * the working directory or the link's own folder.
 */
export function readNamedInput(absolute: string, cwd: string): { text: string } | { error: string } {
  try {
    if (lstatSync(absolute).isSymbolicLink()) {
      const target = realpathSync(absolute);
      if (!inside(target, realpathSync(cwd)) && !inside(target, realpathSync(dirname(absolute)))) return { error: "is a symbolic link out of the workspace; irsa-lint does not follow it" };
    }
  } catch {
    return { error: "no such file" };
  }
  const read = readSource(absolute);
  if ("text" in read) return read;
  return { error: "gone" in read ? "no such file" : "skipped" in read ? read.skipped : read.failed };
}
