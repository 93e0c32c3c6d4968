import { displayPath } from "../discover/discover.js";
import { InputError } from "./errors.js";
import { readNamedInput } from "./read-input.js";
import type { Baseline } from "./suppress.js";

/** Reads a baseline file (`--baseline`, the Action's `baseline` input), or says in one line why not. */
export function readBaselineFile(file: string, cwd: string, flag = "--baseline"): Baseline {
  const name = `${flag} ${displayPath(file, cwd)}`;
  const read = readNamedInput(file, cwd);
  if ("error" in read) throw new InputError(`${name}: ${read.error}`);
  let data: { version?: unknown; findings?: unknown };
  try {
    data = JSON.parse(read.text) as typeof data;
  } catch {
    // JSON.parse quotes the text it rejects: the message must not.
    throw new InputError(`${name}: not valid JSON`);
  }
  const entries = Array.isArray(data?.findings) ? (data.findings as Array<{ fingerprint?: unknown }>) : undefined;
  if (data?.version === 1) throw new InputError(`${name}: recorded by an older irsa-lint, whose fingerprints included the message; record it again with --write-baseline`);
  if (data?.version !== 2 || !entries || !entries.every((f) => typeof f?.fingerprint === "string")) throw new InputError(`${name}: not an irsa-lint baseline (version 2, findings with fingerprints)`);
  return data as Baseline;
}
