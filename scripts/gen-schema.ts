// Writes schemas/irsa-lint.schema.json from the rules. `npm test` fails when it is out of date.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { rules } from "../rules/index.js";
import { configSchema } from "../src/config/schema.js";

writeFileSync(join(import.meta.dirname, "../schemas/irsa-lint.schema.json"), `${JSON.stringify(configSchema(rules), null, 2)}\n`);
console.log("wrote schemas/irsa-lint.schema.json");
