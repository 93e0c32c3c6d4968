import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
} from "./chunk-V2GCP5XT.mjs";
import "./chunk-VDI44TGU.mjs";
import "./chunk-HYRSYLAQ.mjs";
import "./chunk-JUKLW5JI.mjs";
export {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
};
