/**
 * A writer the SIGKILL scenario can kill at any moment: saves version after version of the config
 * through the dashboard's own store and prints `ack <n>` once each save is acknowledged.
 *   node --conditions=react-server --import tsx scripts/stress/writer-child.ts <config> <first version>
 */
import path from "node:path";
import { readSettings, writeSettings } from "@/lib/server/config-file/config-store";
import { R1 } from "./config-text";

const [configPath, first] = process.argv.slice(2);
process.env.OPENCLAW_CONFIG_PATH = configPath;
// The config history of these saves stays in the scenario's scratch folder, beside the config's own.
process.env.HF_PICKER_DATA_DIR = path.join(path.dirname(configPath ?? "."), "..", "picker-data");
for (let version = Number(first); ; version++) {
  const state = await readSettings();
  await writeSettings({ primary: R1, fallbacks: [], aliases: { [R1]: `v${version}` } }, state.etag);
  process.stdout.write(`ack ${version}\n`);
}
