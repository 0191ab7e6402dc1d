// Schema-checks Kubernetes objects offline with npm's kubernetes-models (the API's OpenAPI
// schemas as JSON Schema): node validate-objects.mjs MODELS_DIR OBJECTS.json
// OBJECTS.json is a JSON array of objects (HelmChartIT converts `helm template` output).
// Kinds kubernetes-models does not ship (e.g. ServiceMonitor) are listed as skipped.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [modelsDir, objectsFile] = process.argv.slice(2);
const objects = JSON.parse(readFileSync(objectsFile, "utf8"));
let failed = 0;
for (const object of objects) {
  const name = `${object.kind}/${object.metadata?.name}`;
  const module = join(modelsDir, ...object.apiVersion.split("/"), `${object.kind}.js`);
  if (!existsSync(module)) {
    console.log(`skipped ${name} (${object.apiVersion}: no schema in kubernetes-models)`);
    continue;
  }
  const { [object.kind]: Model } = await import(pathToFileURL(module).href);
  try {
    new Model(object).validate();
    console.log(`valid ${name}`);
  } catch (e) {
    failed++;
    console.log(`INVALID ${name}: ${e.message}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
