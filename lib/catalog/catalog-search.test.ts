import { describe, expect, it } from "vitest";
import { catalogModel, liveProviders } from "@/test/factories/catalog-model";
import { buildSearchIndex, searchIndexFor, searchModels, termScore, tokenize, withinOneEdit } from "./catalog-search";

const MODELS = [
  catalogModel("deepseek-ai/DeepSeek-R1-Distill-Llama-70B", { providers: liveProviders("together") }),
  catalogModel("deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", { providers: liveProviders("together") }),
  catalogModel("deepseek-ai/DeepSeek-V3.2", { providers: liveProviders("novita") }),
  catalogModel("deepseek-ai/DeepSeek-R1", { providers: liveProviders("novita", "sambanova") }),
  catalogModel("meta-llama/Llama-3.1-8B-Instruct", { providers: liveProviders("cerebras") }),
  catalogModel("meta-llama/Llama-3.3-70B-Instruct", { providers: liveProviders("groq", "together") }),
  catalogModel("google/gemma-3-27b-it", { providers: liveProviders("nebius") }),
  catalogModel("Qwen/Qwen2.5-7B-Instruct", { providers: liveProviders("together") }),
  catalogModel("Qwen/Qwen3-32B", { providers: liveProviders("groq") }),
  catalogModel("Qwen/Qwen3-8B", { providers: liveProviders("together") }),
  catalogModel("openai/gpt-oss-120b", { providers: liveProviders("groq", "cerebras") }),
  catalogModel("zai-org/GLM-4.7", { providers: liveProviders("novita") }),
  catalogModel("moonshotai/Kimi-K2.5", { providers: liveProviders("together"), alias: "kimi" }),
  catalogModel("amazon/Nova-Micro", { providers: liveProviders("bedrock") }),
];
const index = buildSearchIndex(MODELS);

function search(query: string): string[] {
  return (searchModels(index, query) ?? []).map((hit) => MODELS[hit.index]?.displayName ?? "?");
}

describe("tokenize", () => {
  it("splits words and their letter/digit parts", () => {
    expect(tokenize("Llama-3.3-70B")).toEqual(["llama", "3.3", "70b", "70", "b"]);
    expect(tokenize("Qwen2.5 1.5B")).toEqual(["qwen2.5", "qwen", "2.5", "1.5b", "1.5", "b"]);
    expect(tokenize("Qwen3 8B")).toEqual(["qwen3", "qwen", "3", "8b", "8", "b"]);
  });
});

describe("withinOneEdit", () => {
  it.each([
    ["deepsek", "deepseek", true],
    ["qwne", "qwen", true],
    ["gema", "gemma", true],
    ["lamma", "llama", false],
    ["abc", "abcde", false],
    ["same", "same", true],
    ["kimo", "kimi", true],
  ])("%s ~ %s -> %s", (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });
});

describe("termScore", () => {
  it("ranks exact > prefix > substring > typo > abbreviation > none", () => {
    const scores = [
      termScore("gemma", "gemma"),
      termScore("gem", "gemma"),
      termScore("lama", "llama"),
      termScore("deepsek", "deepseek"),
      termScore("dpsk", "deepseek"),
      termScore("xyz", "deepseek"),
    ];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.at(-1)).toBe(0);
    expect(new Set(scores).size).toBe(scores.length);
  });
});

describe("searchModels", () => {
  it("returns null for a blank query (no search)", () => {
    expect(searchModels(index, "  ")).toBeNull();
    expect(searchModels(index, "--")).toBeNull();
  });

  it('"gem" finds Gemma', () => {
    expect(search("gem")[0]).toBe("gemma 3 27b it");
  });

  it('"lama 70" finds Llama 3.3 70B first', () => {
    const hits = search("lama 70");
    expect(hits[0]).toBe("Llama 3.3 70B Instruct");
    expect(hits).toContain("DeepSeek R1 Distill Llama 70B");
    expect(hits).not.toContain("Llama 3.1 8B Instruct");
  });

  it.each(["dpsk r1", "deepsek r1", "DeepSeek-R1", "deepseek-ai/DeepSeek-R1", "deepseek r1"])(
    '"%s" ranks DeepSeek R1 first',
    (query) => {
      expect(search(query)[0]).toBe("DeepSeek R1");
    },
  );

  it('"deepsek" (typo) finds every DeepSeek model', () => {
    expect(search("deepsek")).toHaveLength(4);
  });

  it("tolerates a swapped letter", () => {
    expect(search("qwne3 8b")[0]).toBe("Qwen3 8B");
  });

  it("matches the alias and ranks an exact alias first", () => {
    expect(search("kimi")[0]).toBe("kimi");
  });

  it("matches org and provider, a name match outranking a provider match", () => {
    expect(search("meta-llama")).toEqual(expect.arrayContaining(["Llama 3.3 70B Instruct", "Llama 3.1 8B Instruct"]));
    const nova = search("nova");
    expect(nova[0]).toBe("Nova Micro");
    expect(nova).toContain("DeepSeek V3.2"); // served by novita
  });

  it("needs every term to match", () => {
    expect(search("qwen groq")).toEqual(["Qwen3 32B"]);
    expect(search("qwen zzzz")).toEqual([]);
  });

  it("exact name beats a longer name with the same words", () => {
    expect(search("qwen3")).toEqual(["Qwen3 8B", "Qwen3 32B"]);
  });

  it("reads versions whole: 3.3 is not 3.1", () => {
    expect(search("llama 3.3")).toEqual(["Llama 3.3 70B Instruct"]);
    expect(search("llama3.3")).toEqual(["Llama 3.3 70B Instruct"]);
    expect(search("qwen2.5")).toEqual(["Qwen2.5 7B Instruct"]);
  });

  it("keeps numbers whole, yet shows a number being typed", () => {
    expect(search("qwen2")).toEqual(["Qwen2.5 7B Instruct"]);
    expect(search("gpt oss 12")).toEqual(["gpt oss 120b"]);
  });

  it("does not match unrelated short noise", () => {
    expect(search("zz")).toEqual([]);
  });
});

describe("searchIndexFor", () => {
  it("builds once per catalog array", () => {
    expect(searchIndexFor(MODELS)).toBe(searchIndexFor(MODELS));
    expect(searchIndexFor([...MODELS])).not.toBe(searchIndexFor(MODELS));
  });
});
