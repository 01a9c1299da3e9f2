import fs from "node:fs";
import path from "node:path";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { validateSettings } from "@/lib/settings/settings-validation";
import type { SettingsInput } from "@/lib/settings/settings-types";
import { applySettings } from "./config-apply";
import { checkClosed, closeWindow, openWindow, readWindow } from "./config-window";

const FIXTURES = path.resolve(import.meta.dirname, "../../../test/fixtures/configs");
const HF = (id: string) => `huggingface/${id}`;

const INPUTS: SettingsInput[] = [
  {
    primary: HF("zai-org/GLM-4.7"),
    fallbacks: [HF("Qwen/Qwen3-8B:cheapest")],
    aliases: { [HF("zai-org/GLM-4.7")]: "GLM" },
  },
  { primary: HF("Qwen/Qwen3-8B"), fallbacks: [], aliases: {} },
  {
    primary: HF("deepseek-ai/DeepSeek-R1"),
    fallbacks: [HF("openai/gpt-oss-120b"), HF("meta-llama/Llama-3.1-8B-Instruct")],
    aliases: { [HF("deepseek-ai/DeepSeek-R1")]: "R1", [HF("openai/gpt-oss-120b")]: "" },
  },
  { primary: null, fallbacks: [], aliases: {} },
];

/** Other settings around the dashboard's keys, in the places a window leaves out. */
function withNeighbours(text: string): string {
  const big = `{\n    // theirs\n    list: [${Array.from({ length: 50 }, (_, i) => `'item ${i}'`).join(", ")}],\n  }`;
  return text
    .replace(/^\{/, `{\n  gateway: ${big},`)
    .replace(/defaults: \{/, "defaults: {\n      workspace: { path: '/srv/x', /* keep */ },")
    .replace(/\}\s*$/, `  models: { providers: { other: ${big} } },\n}\n`);
}

const cases = fs
  .readdirSync(FIXTURES)
  .flatMap((name) => {
    const text = fs.readFileSync(path.join(FIXTURES, name), "utf8");
    return [
      { name, text },
      { name: `${name} + neighbours`, text: withNeighbours(text) },
    ];
  })
  .filter(({ text }) => {
    try {
      JSON5.parse(text);
      return true;
    } catch {
      return false;
    }
  });

describe("editing through the window", () => {
  it.each(cases.flatMap(({ name, text }) => INPUTS.map((input, i) => ({ name: `${name} #${i}`, text, input }))))(
    "writes the same bytes as editing the whole file: $name",
    async ({ text, input }) => {
      const settings = validateSettings(input).settings;
      const window = await openWindow(text);
      const edited = applySettings(window.text, settings, window.style);
      const result = closeWindow(window, edited);
      await checkClosed(window, edited, result);
      let whole: string;
      try {
        whole = applySettings(text, settings);
      } catch (error) {
        // The whole-file editor refuses some shapes; the window must refuse them the same way.
        expect(() => applySettings(window.text, settings, window.style)).toThrow((error as Error).message);
        return;
      }
      expect(result).toBe(whole);
    },
  );

  it("leaves out everything but the dashboard's keys, and reads those as json5 does", async () => {
    const text = withNeighbours(fs.readFileSync(path.join(FIXTURES, "hand-provider-models.json5"), "utf8"));
    const window = await openWindow(text);
    expect(window.text.length).toBeLessThan(text.length);
    expect(window.slices.join("\n")).toContain("// theirs");
    const full = JSON5.parse(text) as { agents: { defaults: Record<string, unknown> }; models: { providers: object } };
    const data = readWindow(window) as typeof full;
    expect(data.agents.defaults.model).toEqual(full.agents.defaults.model);
    expect(data.models.providers).toEqual({
      huggingface: (full.models.providers as { huggingface: unknown }).huggingface,
    });
    expect(data).not.toHaveProperty("gateway");
  });

  it("refuses an edit that repeats or moves a value it does not own", async () => {
    const window = await openWindow("{ a: 1, b: 2, agents: {} }");
    const [first, second] = [...window.text.matchAll(/"@hf-model-picker[^"]*"/g)].map((m) => m[0]);
    expect(() => closeWindow(window, window.text.replace(second as string, first as string))).toThrow(
      /repeated or moved/,
    );
    const swapped = window.text
      .replace(first as string, "X")
      .replace(second as string, first as string)
      .replace("X", second as string);
    expect(() => closeWindow(window, swapped)).toThrow(/repeated or moved/);
  });

  it("catches a result whose left-out values differ from the original", async () => {
    const window = await openWindow("{ a: [1, 2], agents: {} }");
    await expect(checkClosed(window, window.text, "{ a: [1, 3], agents: {} }")).rejects.toThrow(
      /outside the dashboard/,
    );
  });
});
