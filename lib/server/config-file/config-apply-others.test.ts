import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { settingsFromConfig } from "@/lib/settings/config-models";
import { validateSettings } from "@/lib/settings/settings-validation";
import { desired, fixture, HF } from "@/test/config-apply-support";
import { applySettings } from "./config-apply";

describe("modelPolicy.allow", () => {
  const text = fixture("hand-allowlist.json5");

  it("appends newly used refs to a non-empty allowlist", () => {
    const after = applySettings(
      text,
      desired({ primary: HF("deepseek-ai/DeepSeek-V3.2"), fallbacks: [HF("Qwen/Qwen3-8B")], aliases: {} }),
    );
    expect(JSON5.parse(after).agents.defaults.modelPolicy.allow).toEqual([
      HF("deepseek-ai/DeepSeek-V3.2"),
      "anthropic/*",
      HF("Qwen/Qwen3-8B"),
    ]);
    expect(after).toContain('"anthropic/*", // every Claude model');
  });

  it("adds nothing a wildcard already allows, and leaves an empty allowlist empty", () => {
    const wildcard = text.replace('"anthropic/*"', '"huggingface/*"');
    const after = applySettings(wildcard, desired({ primary: HF("zai-org/GLM-4.7"), fallbacks: [], aliases: {} }));
    expect(JSON5.parse(after).agents.defaults.modelPolicy.allow).toEqual([
      HF("deepseek-ai/DeepSeek-V3.2"),
      "huggingface/*",
    ]);
    const open = `{ agents: { defaults: { modelPolicy: { allow: [] } } } }`;
    expect(
      JSON5.parse(applySettings(open, desired({ primary: HF("zai-org/GLM-4.7"), fallbacks: [], aliases: {} }))).agents
        .defaults.modelPolicy,
    ).toEqual({ allow: [] });
  });
});

describe("refs of other providers", () => {
  const text = fixture("hand-non-hf.json5");

  it("reports them as unmanaged", () => {
    expect(settingsFromConfig(JSON5.parse(text)).unmanaged).toEqual({
      primary: "anthropic/claude-opus-4-5",
      fallbacks: ["openai/gpt-5.4"],
      aliases: { "anthropic/claude-opus-4-5": "Opus", "openai/gpt-5.4": "GPT" },
    });
  });

  it("keeps a foreign primary while no primary is chosen, and their fallbacks in their slots", () => {
    const after = applySettings(
      text,
      desired({ primary: null, fallbacks: [HF("zai-org/GLM-4.7")], aliases: {} }, text),
    );
    expect(JSON5.parse(after).agents.defaults.model).toEqual({
      primary: "anthropic/claude-opus-4-5",
      fallbacks: [HF("zai-org/GLM-4.7"), "openai/gpt-5.4"],
    });
    expect(JSON5.parse(after).agents.defaults.models["anthropic/claude-opus-4-5"]).toEqual({ alias: "Opus" });
  });

  it("replaces a foreign primary when one of ours is chosen", () => {
    const after = applySettings(text, desired({ primary: HF("zai-org/GLM-4.7"), fallbacks: [], aliases: {} }, text));
    expect(JSON5.parse(after).agents.defaults.model).toEqual({
      primary: HF("zai-org/GLM-4.7"),
      fallbacks: ["openai/gpt-5.4"],
    });
  });

  it("refuses an alias already used by another provider's model", () => {
    const state = settingsFromConfig(JSON5.parse(text));
    const result = validateSettings(
      { primary: null, fallbacks: [], aliases: { [HF("zai-org/GLM-4.7")]: "opus" } },
      { externalPrimary: state.unmanaged.primary, externalAliases: state.unmanaged.aliases },
    );
    expect(result.issues).toEqual([
      { path: `aliases.${HF("zai-org/GLM-4.7")}`, message: '"opus" is already the alias of anthropic/claude-opus-4-5' },
    ]);
  });
});

describe("a new file", () => {
  it("gets minimal pretty JSON5", () => {
    const after = applySettings(
      "",
      desired({
        primary: "deepseek-ai/DeepSeek-R1",
        fallbacks: [],
        aliases: { "deepseek-ai/DeepSeek-R1": "DeepSeek R1" },
      }),
    );
    expect(after).toBe(
      [
        "{",
        "  agents: {",
        "    defaults: {",
        '      model: { primary: "huggingface/deepseek-ai/DeepSeek-R1" },',
        "      models: {",
        '        "huggingface/deepseek-ai/DeepSeek-R1": { alias: "DeepSeek R1" },',
        "      },",
        "    },",
        "  },",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("stays empty when nothing is set", () => {
    expect(applySettings("", desired({ primary: null, fallbacks: [], aliases: {} }))).toBe("");
  });
});
