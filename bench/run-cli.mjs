// Runs the built CLI in this process and reports wall time since process start and peak RSS.
import { main } from "../dist/bundle/cli.mjs";

let out = "";
const code = await main(process.argv.slice(2), { stdout: (t) => (out += t), stderr: (t) => process.stderr.write(t), cwd: process.cwd(), color: false });
const ms = performance.now();
console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, code, bytes: out.length }));
