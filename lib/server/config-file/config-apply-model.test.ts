import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { desired, fixture, HF, settingsOf } from "@/test/config-apply-support";
import { applySettings } from "./config-apply";

describe("agents.defaults.model", () => {
  const stringModel = fixture("hand-string-model.json5");

  it("keeps a plain string when only the primary changes", () => {
    const after = applySettings(stringModel, desired({ primary: "Qwen/Qwen3-8B", fallbacks: [], aliases: {} }));
    expect(after).toContain('model: "huggingface/Qwen/Qwen3-8B", // set by onboarding');
  });

  it("turns the string into { primary, fallbacks } when fallbacks are set", () => {
    const after = applySettings(
      stringModel,
      desired({ primary: HF("zai-org/GLM-4.7"), fallbacks: [HF("Qwen/Qwen3-8B")], aliases: {} }),
    );
    expect(JSON5.parse(after).agents.defaults.model).toEqual({
      primary: HF("zai-org/GLM-4.7"),
      fallbacks: [HF("Qwen/Qwen3-8B")],
    });
    expect(after).toContain("// set by onboarding");
  });

  it("gives every newly used ref an entry in agents.defaults.models", () => {
    const after = applySettings(
      stringModel,
      desired({ primary: HF("zai-org/GLM-4.7"), fallbacks: [HF("Qwen/Qwen3-8B")], aliases: {} }),
    );
    expect(JSON5.parse(after).agents.defaults.models).toEqual({ [HF("Qwen/Qwen3-8B")]: {} });
  });

  it("clears fallbacks to an empty list and removes the model when the primary is cleared", () => {
    const text = fixture("seed-3-deepseek-qwen.json5");
    const noFallbacks = applySettings(
      text,
      desired({ primary: HF("deepseek-ai/DeepSeek-R1"), fallbacks: [], aliases: settingsOf(text).aliases }),
    );
    expect(JSON5.parse(noFallbacks).agents.defaults.model).toEqual({
      primary: HF("deepseek-ai/DeepSeek-R1"),
      fallbacks: [],
    });
    const none = applySettings(text, desired({ primary: null, fallbacks: [], aliases: settingsOf(text).aliases }));
    expect(JSON5.parse(none).agents.defaults.model).toBeUndefined();
    expect(JSON5.parse(none).agents.defaults.models).toEqual(JSON5.parse(text).agents.defaults.models);
  });

  it("edits a fallbacks list with comments element by element, keeping its comments", () => {
    const text = `{\n  agents: { defaults: { model: {\n    primary: "${HF("zai-org/GLM-4.7")}",\n    fallbacks: [\n      // backups\n      "${HF("Qwen/Qwen3-8B")}", // small\n      "${HF("moonshotai/Kimi-K2.5")}",\n      "${HF("openai/gpt-oss-120b")}",\n    ],\n  } } },\n}\n`;
    const after = applySettings(
      text,
      desired({ primary: HF("zai-org/GLM-4.7"), fallbacks: [HF("Qwen/Qwen3-32B")], aliases: {} }),
    );
    expect(after).toContain(`    fallbacks: [\n      // backups\n      "${HF("Qwen/Qwen3-32B")}", // small\n    ],\n`);
    expect(JSON5.parse(after).agents.defaults.model.fallbacks).toEqual([HF("Qwen/Qwen3-32B")]);
  });

  it("keeps CRLF and tabs in inserted lines", () => {
    const text = fixture("hand-crlf-tabs.json5");
    const after = applySettings(
      text,
      desired({
        primary: HF("Qwen/Qwen3-32B"),
        fallbacks: [HF("Qwen/Qwen3-8B")],
        aliases: { [HF("Qwen/Qwen3-8B")]: "Qwen3 8B" },
      }),
    );
    expect(after).toContain('\t\t\t\t"huggingface/Qwen/Qwen3-8B": { alias: "Qwen3 8B" },\r\n');
    expect(after.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("keeps a strict JSON file strict JSON", () => {
    const text = fixture("hand-strict-json.json");
    const after = applySettings(
      text,
      desired({
        primary: HF("Qwen/Qwen3-8B"),
        fallbacks: [HF("zai-org/GLM-4.7")],
        aliases: { [HF("Qwen/Qwen3-8B")]: "Q" },
      }),
    );
    expect(JSON.parse(after).agents.defaults.models).toEqual({
      [HF("zai-org/GLM-4.7")]: {},
      [HF("Qwen/Qwen3-8B")]: { alias: "Q" },
    });
  });
});

describe("aliases", () => {
  it("removing an alias removes only `alias`, keeping the entry and its options", () => {
    const text = fixture("hand-provider-models.json5");
    const after = applySettings(text, desired({ primary: HF("deepseek-ai/DeepSeek-R1"), fallbacks: [], aliases: {} }));
    expect(JSON5.parse(after).agents.defaults.models).toEqual({
      [HF("deepseek-ai/DeepSeek-R1")]: { params: { temperature: 0.6 } },
    });
  });

  it("renames an alias in place, keeping the quote style and the line's comment", () => {
    const text = fixture("hand-comments-quotes.json5");
    const after = applySettings(
      text,
      desired({ ...settingsOf(text), aliases: { ...settingsOf(text).aliases, [HF("Qwen/Qwen3-8B")]: "Qwen small" } }),
    );
    expect(after).toContain("alias: 'Qwen small', // short name");
  });

  it("reads a doubled prefix as the canonical ref and leaves it as written when unchanged", () => {
    const text = `{ agents: { defaults: { model: "huggingface/huggingface/Qwen/Qwen3-8B", models: { "huggingface/huggingface/Qwen/Qwen3-8B": { alias: "Q" } } } } }`;
    expect(settingsOf(text)).toEqual({
      primary: HF("Qwen/Qwen3-8B"),
      fallbacks: [],
      aliases: { [HF("Qwen/Qwen3-8B")]: "Q" },
    });
    expect(applySettings(text, settingsOf(text))).toBe(text);
  });
});
