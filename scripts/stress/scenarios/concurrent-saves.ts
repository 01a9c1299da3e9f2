import fs from "node:fs/promises";
import JSON5 from "json5";
import { R1, SEED, settingsBody } from "../config-text";
import type { Scenario } from "../types";

/** Many saves sent at once with the same ETag: exactly one wins, every other one gets 409 and writes nothing. */
export const scenario: Scenario = {
  name: "concurrent saves on one ETag",
  async run({ scale, target, configPath }) {
    const count = scale === "full" ? 200 : 20;
    await fs.writeFile(configPath, SEED);
    const etag = (await target.fetch("/api/settings")).headers.get("etag") ?? "";
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        target.fetch("/api/settings", {
          method: "PUT",
          headers: { "content-type": "application/json", "if-match": etag },
          body: settingsBody(`save ${i}`),
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const statuses = answers.map((answer) => answer.status);
    const winner = statuses.indexOf(200);
    const ok = statuses.filter((s) => s === 200).length;
    const conflicts = statuses.filter((s) => s === 409).length;
    const problems: string[] = [];
    if (ok !== 1) problems.push(`${ok} saves answered 200 (want exactly 1)`);
    if (conflicts !== count - 1) problems.push(`${conflicts} answered 409 (want ${count - 1})`);
    const other = statuses.filter((s) => s !== 200 && s !== 409);
    if (other.length > 0) problems.push(`other statuses: ${[...new Set(other)].join(", ")}`);
    const written = JSON5.parse(await fs.readFile(configPath, "utf8")) as {
      agents: { defaults: { models: Record<string, { alias?: string }> } };
    };
    const alias = written.agents.defaults.models[R1]?.alias;
    if (alias !== `save ${winner}`) problems.push(`the file holds alias ${alias}, the winner sent "save ${winner}"`);
    return {
      figures: { saves: count, "200": ok, "409": conflicts, other: other.length, seconds: seconds.toFixed(2) },
      problems,
    };
  },
};
