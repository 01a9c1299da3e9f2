import fs from "node:fs";
import path from "node:path";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { validateSettings, type NormalisedSettings } from "@/lib/settings/settings-validation";
import { applySettings, plannedSettings } from "./config-apply";
import { nodeAt } from "./config-edit";
import { parseDoc } from "./config-cst";
import { settingsFromConfig } from "@/lib/settings/config-models";
import { verifyEdit } from "./config-verify";

const FIXTURES = path.resolve(import.meta.dirname, "../../../test/fixtures/configs");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), "utf8");
const HF = (id: string) => `huggingface/${id}`;

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

function settingsOf(text: string): NormalisedSettings {
  const { primary, fallbacks, aliases } = settingsFromConfig(JSON5.parse(text));
  return { primary, fallbacks, aliases };
}

function desired(
  input: { primary: string | null; fallbacks: string[]; aliases: Record<string, string> },
  text = "{}",
): NormalisedSettings {
  const state = settingsFromConfig(JSON5.parse(text));
  const result = validateSettings(input, {
    externalPrimary: state.unmanaged.primary,
    externalAliases: state.unmanaged.aliases,
  });
  expect(result.issues).toEqual([]);
  return result.settings;
}

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
