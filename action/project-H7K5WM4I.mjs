import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
} from "./chunk-AYOEKLFV.mjs";
import "./chunk-NAC7HLRI.mjs";
import "./chunk-V66BWEDX.mjs";
import "./chunk-6MZWJWAL.mjs";
export {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
};
