// Fails when the generated API types differ from the ones checked in (the client drifted from the gateway).
import { readFileSync, rmSync } from "node:fs";

const [kept, fresh] = process.argv.slice(2);
const same = readFileSync(kept, "utf8") === readFileSync(fresh, "utf8");
rmSync(fresh);
if (!same) {
  console.error(`${kept} is out of date: run \`npm run api\` in web/`);
  process.exit(1);
}
console.log("the API types match web/openapi.json");
