import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
} from "./chunk-U5QFK563.mjs";
import "./chunk-VDI44TGU.mjs";
import "./chunk-M5NO5YHH.mjs";
import "./chunk-JUKLW5JI.mjs";
export {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
};
