#!/usr/bin/env node
// The command line as a single entry: the standalone bundle (pre-commit) runs this file directly.
import { main } from "./cli.js";

process.exitCode = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
