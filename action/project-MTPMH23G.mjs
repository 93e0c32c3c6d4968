import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
} from "./chunk-YW57XMYL.mjs";
import "./chunk-NAC7HLRI.mjs";
import "./chunk-VY7OPAIO.mjs";
import "./chunk-6MZWJWAL.mjs";
export {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
};
