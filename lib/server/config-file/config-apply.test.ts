import fs from "node:fs";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import type { NormalisedSettings } from "@/lib/settings/settings-validation";
import { desired, fixture, FIXTURES, HF, settingsOf } from "@/test/config-apply-support";
import { applySettings, plannedSettings } from "./config-apply";
import { nodeAt } from "./config-edit";
import { parseDoc } from "./config-cst";
import { verifyEdit } from "./config-verify";

// The edits per key: config-apply-model.test.ts (model, aliases), config-apply-others.test.ts (allowlist, other providers, new file).

/** What each fixture holds, as the dashboard reads it. */
const EXPECTED: Record<
  string,
  Pick<NormalisedSettings, "primary" | "fallbacks"> & { aliases?: Record<string, string> }
> = {
  "seed-1-primary.json5": { primary: HF("deepseek-ai/DeepSeek-R1"), fallbacks: [] },
  "seed-2-aliases.json5": {
    primary: null,
    fallbacks: [],
    aliases: {
      [HF("deepseek-ai/DeepSeek-R1")]: "DeepSeek R1 (fast)",
      [HF("deepseek-ai/DeepSeek-R1:cheapest")]: "DeepSeek R1 (cheap)",
    },
  },
  "seed-3-deepseek-qwen.json5": { primary: HF("deepseek-ai/DeepSeek-R1"), fallbacks: [HF("Qwen/Qwen3-8B")] },
  "seed-4-qwen-variants.json5": { primary: HF("Qwen/Qwen3-8B"), fallbacks: [] },
  "seed-5-deepseek-llama-gptoss.json5": {
    primary: HF("deepseek-ai/DeepSeek-V3.2"),
    fallbacks: [HF("meta-llama/Llama-3.3-70B-Instruct"), HF("openai/gpt-oss-120b")],
    aliases: {
      [HF("deepseek-ai/DeepSeek-V3.2")]: "DeepSeek V3.2",
      [HF("meta-llama/Llama-3.3-70B-Instruct")]: "Llama 3.3 70B",
      [HF("openai/gpt-oss-120b")]: "GPT-OSS 120B",
    },
  },
  "seed-6-provider-pinned.json5": { primary: HF("deepseek-ai/DeepSeek-R1:together"), fallbacks: [] },
  "seed-7-policy-suffixes.json5": { primary: HF("Qwen/Qwen2.5-7B-Instruct:cheapest"), fallbacks: [] },
  "hand-comments-quotes.json5": {
    primary: HF("deepseek-ai/DeepSeek-R1"),
    fallbacks: [HF("Qwen/Qwen3-8B")],
    aliases: { [HF("deepseek-ai/DeepSeek-R1")]: "DeepSeek R1", [HF("Qwen/Qwen3-8B")]: "Qwen3 8B" },
  },
  "hand-crlf-tabs.json5": {
    primary: HF("Qwen/Qwen3-32B"),
    fallbacks: [],
    aliases: { [HF("Qwen/Qwen3-32B")]: "Qwen3 32B" },
  },
  "hand-string-model.json5": { primary: HF("zai-org/GLM-4.7"), fallbacks: [], aliases: {} },
  "hand-allowlist.json5": { primary: HF("deepseek-ai/DeepSeek-V3.2"), fallbacks: [], aliases: {} },
  "hand-provider-models.json5": {
    primary: HF("deepseek-ai/DeepSeek-R1"),
    fallbacks: [],
    aliases: { [HF("deepseek-ai/DeepSeek-R1")]: "R1" },
  },
  "hand-non-hf.json5": {
    primary: null,
    fallbacks: [HF("openai/gpt-oss-120b"), HF("moonshotai/Kimi-K2.5")],
    aliases: { [HF("openai/gpt-oss-120b")]: "GPT-OSS 120B" },
  },
  "hand-strict-json.json": { primary: HF("meta-llama/Llama-3.3-70B-Instruct"), fallbacks: [], aliases: {} },
  "hand-no-agents.json5": { primary: null, fallbacks: [], aliases: {} },
  "hand-escapes.json5": { primary: HF("Qwen/Qwen2.5-7B-Instruct"), fallbacks: [], aliases: {} },
};

/** The parsed config minus the dashboard's keys (model, aliases, entries we may add, allowlist). */
function outsideDashboard(text: string): unknown {
  const data = JSON5.parse(text) as { agents?: { defaults?: Record<string, unknown> } };
  const defaults = data.agents?.defaults;
  if (defaults) {
    delete defaults.model;
    delete defaults.models;
    delete defaults.modelPolicy;
    // Folders the save had to create hold nothing else.
    if (Object.keys(defaults).length === 0) delete data.agents?.defaults;
    if (data.agents && Object.keys(data.agents).length === 0) delete data.agents;
  }
  return data;
}

function commentLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => /\/\/|\/\*/.test(line) && !line.includes("huggingface/"));
}

/** Lines of the file that do not touch the dashboard's keys, trailing comma ignored. */
function untouchedLines(text: string): string[] {
  const doc = parseDoc(text);
  const owned = [["model"], ["models"], ["modelPolicy"]]
    .map((p) => nodeAt(doc, ["agents", "defaults", ...p]))
    .filter((n) => n !== undefined);
  const lines: string[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const [start, end] = [offset, offset + line.length];
    offset = end + 1;
    const inside = owned.some((n) => n.range[0] < end && n.range[1] > start);
    if (!inside && !/^\s*"?(model|models)"?\s*:/.test(line)) lines.push(line.replace(/,(\r?)$/, "$1"));
  }
  return lines;
}

function expectOnlyDashboardChanged(before: string, after: string) {
  expect(outsideDashboard(after)).toEqual(outsideDashboard(before));
  const kept = commentLines(before);
  const now = commentLines(after);
  let at = 0;
  for (const line of now) if (line === kept[at]) at++;
  expect(at, `every comment line kept in order:\n${after}`).toBe(kept.length);
  if (JSON5.parse(before).agents?.defaults) expect(untouchedLines(after)).toEqual(untouchedLines(before));
  if (/\r\n/.test(before)) expect(after.replace(/\r\n/g, "")).not.toMatch(/\n/);
}

describe("config round trips on every fixture", () => {
  const files = fs.readdirSync(FIXTURES).sort();

  it("has an expectation for every fixture", () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    describe(file, () => {
      const text = fixture(file);
      const expected = EXPECTED[file]!;

      it("loads the settings", () => {
        const state = settingsOf(text);
        expect(state.primary).toBe(expected.primary);
        expect(state.fallbacks).toEqual(expected.fallbacks);
        if (expected.aliases) expect(state.aliases).toEqual(expected.aliases);
      });

      it("writes the same settings back byte for byte", () => {
        expect(applySettings(text, settingsOf(text))).toBe(text);
      });

      it("changes only the dashboard's bytes when primary, fallbacks and aliases change", () => {
        const current = settingsOf(text);
        const aliases = { ...current.aliases, [HF("zai-org/GLM-4.7")]: "GLM 4.7" };
        const firstAlias = Object.keys(current.aliases)[0];
        if (firstAlias) aliases[firstAlias] = "";
        const next = desired(
          { primary: "zai-org/GLM-4.7", fallbacks: [HF("Qwen/Qwen3-8B:cheapest"), "moonshotai/Kimi-K2.5"], aliases },
          text,
        );
        const after = applySettings(text, next);
        verifyEdit(text, after, plannedSettings(text, next));
        expectOnlyDashboardChanged(text, after);
        const state = settingsOf(after);
        expect(state.primary).toBe(HF("zai-org/GLM-4.7"));
        expect(state.fallbacks).toEqual([HF("Qwen/Qwen3-8B:cheapest"), HF("moonshotai/Kimi-K2.5")]);
        expect(state.aliases[HF("zai-org/GLM-4.7")]).toBe("GLM 4.7");
        if (firstAlias) expect(state.aliases[firstAlias]).toBeUndefined();
        // Saving what was just saved changes nothing.
        expect(applySettings(after, settingsOf(after))).toBe(after);
      });
    });
  }
});
