import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  readSource
} from "./chunk-Z4QXSMQ6.mjs";

// src/engine/read-input.ts
import { lstatSync, realpathSync } from "node:fs";
import { dirname, sep } from "node:path";
var inside = (path, folder) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
function readNamedInput(absolute, cwd) {
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

// src/engine/errors.ts
var InputError = class extends Error {
};

export {
  readNamedInput,
  InputError
};
