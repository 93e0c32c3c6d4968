import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
} from "./chunk-QWRSGA2F.mjs";
import "./chunk-YHZRUZG2.mjs";
import "./chunk-NCEE5OP6.mjs";
import "./chunk-6MZWJWAL.mjs";
export {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
};
