import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
} from "./chunk-I2IPIIHU.mjs";
import "./chunk-VDI44TGU.mjs";
import "./chunk-4CP6TICH.mjs";
import "./chunk-6MZWJWAL.mjs";
export {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
};
