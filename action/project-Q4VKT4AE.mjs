import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
} from "./chunk-5GJPGLNH.mjs";
import "./chunk-VDI44TGU.mjs";
import "./chunk-ET62WJFE.mjs";
import "./chunk-JUKLW5JI.mjs";
export {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
};
