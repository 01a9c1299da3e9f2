// `npm run bench`: runs every scripts/bench-*.ts and prints their figures. Benchmarks never assert timings.
import fs from "node:fs";
import path from "node:path";
import { root, run, tsNode } from "./lib";

const only = process.argv[2];
const benches = fs
  .readdirSync(path.join(root, "scripts"))
  .filter((name) => /^bench-.*\.ts$/.test(name) && (!only || name.includes(only)))
  .sort();
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  // react-server: benchmarks of server modules import them as the server does (`server-only`).
  if ((await run(process.execPath, ["--conditions=react-server", ...tsNode, path.join("scripts", bench)])) !== 0)
    failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
