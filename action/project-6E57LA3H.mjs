import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
} from "./chunk-2MJ4FEAF.mjs";
import "./chunk-N7Y6AN5C.mjs";
import "./chunk-NHPH4HMX.mjs";
import "./chunk-JUKLW5JI.mjs";
export {
  TerraformEvaluation,
  evaluateTerraform,
  tfvarsValues
};
