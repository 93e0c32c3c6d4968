import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
} from "./chunk-ZCK5JJ6L.mjs";
import "./chunk-VDI44TGU.mjs";
import "./chunk-4ZVY4KSS.mjs";
import "./chunk-6MZWJWAL.mjs";
export {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
};
