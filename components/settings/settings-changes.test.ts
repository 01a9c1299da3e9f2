import { describe, expect, it } from "vitest";
import { changeLabel, settingsChanges } from "./settings-changes";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";

describe("settingsChanges", () => {
  it("lists nothing for the same settings", () => {
    const s = { primary: R1, fallbacks: [QWEN], aliases: { [R1]: "R1" } };
    expect(settingsChanges(s, structuredClone(s))).toEqual([]);
  });

  it("reports primary, fallbacks and each alias that differ", () => {
    const changes = settingsChanges(
      { primary: R1, fallbacks: [QWEN], aliases: { [R1]: "R1", [QWEN]: "Qwen" } },
      { primary: QWEN, fallbacks: [], aliases: { [QWEN]: "Qwen 8B", "deepseek-ai/DeepSeek-R1:fastest": "fast" } },
    );
    expect(changes).toEqual([
      { field: "primary", before: R1, after: QWEN },
      { field: "fallbacks", before: QWEN, after: "(none)" },
      { field: "alias", ref: QWEN, before: "Qwen", after: "Qwen 8B" },
      { field: "alias", ref: R1, before: "R1", after: "(none)" },
      { field: "alias", ref: `${R1}:fastest`, before: "(none)", after: "fast" },
    ]);
    expect(changes.map(changeLabel)).toEqual([
      "Primary model",
      "Fallbacks",
      `Alias of ${QWEN}`,
      `Alias of ${R1}`,
      `Alias of ${R1}:fastest`,
    ]);
  });

  it("treats a missing primary as none", () => {
    expect(
      settingsChanges({ primary: null, fallbacks: [], aliases: {} }, { primary: R1, fallbacks: [], aliases: {} }),
    ).toEqual([{ field: "primary", before: "(none)", after: R1 }]);
  });
});
