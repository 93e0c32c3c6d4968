import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
} from "./chunk-WCKGAHFY.mjs";
import "./chunk-VDI44TGU.mjs";
import "./chunk-UTKI72A2.mjs";
import "./chunk-JUKLW5JI.mjs";
export {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
};
