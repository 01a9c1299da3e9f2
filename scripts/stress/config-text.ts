/** Config files for the scenarios: a small seed, and one padded with other settings to a given size. */
export const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
export const QWEN = "huggingface/Qwen/Qwen3-8B";

export const SEED = `{
  // written by the stress test
  agents: {
    defaults: {
      model: { primary: "${R1}" },
      models: { "${R1}": { alias: "R1" } },
    },
  },
}
`;

/** SEED plus `models.providers.other.models[]` (settings the dashboard never edits) up to about `bytes`. */
export function paddedConfig(bytes: number): string {
  const lines: string[] = [];
  let size = SEED.length;
  for (let i = 0; size < bytes; i++) {
    const line = `          { id: "org${i}/model-${i}", name: 'Model ${i}', contextWindow: 131072, cost: { input: 0.1, output: 0.2 } }, // ${i}`;
    lines.push(line);
    size += line.length + 1;
  }
  const padding = `  models: {\n    providers: {\n      other: {\n        models: [\n${lines.join("\n")}\n        ],\n      },\n    },\n  },\n`;
  return SEED.replace(/\}\n$/, `${padding}}\n`);
}

export function settingsBody(alias: string, fallbacks: string[] = []): string {
  return JSON.stringify({ primary: R1, fallbacks, aliases: { [R1]: alias } });
}
