import { describe, expect, it } from "vitest";
import { validateSettings } from "./settings-validation";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";

describe("validateSettings", () => {
  it("normalises refs and trims aliases", () => {
    const result = validateSettings({
      primary: " deepseek-ai/DeepSeek-R1 ",
      fallbacks: ["huggingface/huggingface/Qwen/Qwen3-8B:cheapest"],
      aliases: { "deepseek-ai/DeepSeek-R1": "  DeepSeek R1  ", [QWEN]: "" },
    });
    expect(result.issues).toEqual([]);
    expect(result.settings).toEqual({
      primary: R1,
      fallbacks: [`${QWEN}:cheapest`],
      aliases: { [R1]: "DeepSeek R1" },
    });
  });

  it("treats an empty primary as none", () => {
    expect(validateSettings({ primary: "  ", fallbacks: [], aliases: {} }).settings.primary).toBeNull();
  });

  it("names the bad part of a ref at its path", () => {
    const { issues } = validateSettings({ primary: "Qwen/Qwen3-8B:Fast!", fallbacks: [R1, "nope"], aliases: {} });
    expect(issues).toEqual([
      { path: "primary", message: expect.stringContaining('":Fast!" is not a valid suffix') },
      { path: "fallbacks.1", message: expect.stringContaining('"nope" is not a model ref') },
    ]);
  });

  it("refuses duplicate fallbacks (after normalising) and the primary among them", () => {
    const { issues } = validateSettings({
      primary: R1,
      fallbacks: [QWEN, "deepseek-ai/DeepSeek-R1", "Qwen/Qwen3-8B"],
      aliases: {},
    });
    expect(issues).toEqual([
      { path: "fallbacks.1", message: `${R1} is already the primary model` },
      { path: "fallbacks.2", message: `${QWEN} is already in the fallbacks (position 1)` },
    ]);
  });

  it("needs a primary for fallbacks, unless another provider's primary stays in the file", () => {
    expect(validateSettings({ primary: null, fallbacks: [QWEN], aliases: {} }).issues).toEqual([
      { path: "fallbacks", message: "Fallbacks need a primary model: choose the primary first" },
    ]);
    expect(
      validateSettings(
        { primary: null, fallbacks: [QWEN], aliases: {} },
        { externalPrimary: "anthropic/claude-opus-4-5" },
      ).issues,
    ).toEqual([]);
  });

  it("checks aliases: length, refs, case-insensitive uniqueness, reserved words, valid keys", () => {
    const { issues } = validateSettings({
      primary: null,
      fallbacks: [],
      aliases: {
        [R1]: "x".repeat(65),
        [QWEN]: "Fast",
        [`${QWEN}:fastest`]: "fast",
        [`${QWEN}:cheapest`]: "openai/gpt-oss-120b",
        "huggingface/zai-org/GLM-4.7": "default",
        "huggingface/zai-org/GLM-4.7:together": "a/b/c",
        "not a ref": "Name",
        "huggingface/moonshotai/Kimi-K2.5": "line\nbreak",
      },
    });
    expect(issues).toEqual([
      { path: `aliases.${R1}`, message: "An alias has at most 64 characters (this one has 65)" },
      { path: `aliases.${QWEN}:fastest`, message: `"fast" is already the alias of ${QWEN}` },
      {
        path: `aliases.${QWEN}:cheapest`,
        message: '"openai/gpt-oss-120b" reads as a model ref; choose a name that is not a ref',
      },
      { path: "aliases.huggingface/zai-org/GLM-4.7", message: '"default" is reserved: it means the primary model' },
      {
        path: "aliases.huggingface/zai-org/GLM-4.7:together",
        message: 'An alias cannot contain "/": OpenClaw would read it as provider/model',
      },
      {
        path: "aliases.not a ref",
        message: '"not a ref" is not a model ref: expected huggingface/<org>/<model>[:suffix]',
      },
      {
        path: "aliases.huggingface/moonshotai/Kimi-K2.5",
        message: "An alias cannot contain line breaks, control or invisible characters (it has U+000A)",
      },
    ]);
  });

  it.each([
    ["U+2028 line separator", "R1\u2028fast", "U+2028"],
    ["U+2029 paragraph separator", "R1\u2029x", "U+2029"],
    ["NUL", "R\u00001", "U+0000"],
    ["DEL", "R1\u007f", "U+007F"],
    ["C1 control", "R1\u0085", "U+0085"],
    ["C1 control (U+009F)", "R\u009f1", "U+009F"],
    ["right-to-left override", "R1\u202efast", "U+202E"],
    ["zero-width space", "R\u200b1", "U+200B"],
    ["byte order mark (inside: the ends are trimmed)", "R\ufeff1", "U+FEFF"],
    ["lone surrogate", "R1\ud800", "U+D800"],
  ])("refuses an alias with a %s, naming the character", (_name, alias, code) => {
    const { issues, settings } = validateSettings({ primary: null, fallbacks: [], aliases: { [R1]: alias } });
    expect(issues).toEqual([
      {
        path: `aliases.${R1}`,
        message: `An alias cannot contain line breaks, control or invisible characters (it has ${code})`,
      },
    ]);
    expect(settings.aliases).toEqual({});
  });

  it("keeps accepting letters of any script, emoji sequences and inner spaces", () => {
    const aliases = { [R1]: "Déjà vu 深度 👩‍💻", [QWEN]: "Qwen small" };
    expect(validateSettings({ primary: null, fallbacks: [], aliases }).issues).toEqual([]);
  });

  it("accepts 64 characters and refuses two spellings of one model", () => {
    expect(validateSettings({ primary: null, fallbacks: [], aliases: { [R1]: "y".repeat(64) } }).issues).toEqual([]);
    const { issues } = validateSettings({
      primary: null,
      fallbacks: [],
      aliases: { [R1]: "A", "deepseek-ai/DeepSeek-R1": "B" },
    });
    expect(issues).toEqual([
      {
        path: "aliases.deepseek-ai/DeepSeek-R1",
        message: `deepseek-ai/DeepSeek-R1 is the same model as ${R1}: give it one alias`,
      },
    ]);
  });

  it("refuses an alias another provider's model already has", () => {
    const { issues } = validateSettings(
      { primary: null, fallbacks: [], aliases: { [R1]: "OPUS" } },
      { externalAliases: { "anthropic/claude-opus-4-5": "Opus" } },
    );
    expect(issues).toEqual([
      { path: `aliases.${R1}`, message: '"OPUS" is already the alias of anthropic/claude-opus-4-5' },
    ]);
  });
});
