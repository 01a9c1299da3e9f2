import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalogModel, liveProviders } from "@/test/factories/catalog-model";
import { buildSearchIndex, hasLine, searchIndexFor, searchModels, tokenize } from "./catalog-search";
import { termScore, withinOneEdit } from "./term-score";

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

/** The typo rule as first written, with string slices: the oracle for the allocation-free one. */
function sliceTermScore(term: string, token: string): number {
  const digit = (char: string | undefined) => char !== undefined && char >= "0" && char <= "9";
  const digits = (text: string) => text.replace(/[^0-9]/g, "");
  const oneEdit = (a: string, b: string): boolean => {
    if (a === b) return true;
    const gap = a.length - b.length;
    if (Math.abs(gap) > 1) return false;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (gap === 0) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return gap > 0 ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  };
  const containsWhole = (text: string, part: string): boolean => {
    for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + 1)) {
      if (!(digit(part[0]) && digit(text[at - 1])) && !(digit(part.at(-1)) && digit(text[at + part.length])))
        return true;
    }
    return false;
  };
  if (token === term) return 10;
  if (token.startsWith(term)) return digit(term.at(-1)) && digit(token[term.length]) ? 2 : 8;
  if (term.length >= 3 && containsWhole(token, term)) return 6;
  if (term.length >= 4) {
    for (const length of [term.length - 1, term.length, term.length + 1]) {
      if (length > token.length) continue;
      const slice = token.slice(0, length);
      if (digits(slice) === digits(term) && oneEdit(term, slice)) return 4;
    }
  }
  if (term.length >= 3 && token.length > term.length && term[0] === token[0] && term.length >= token.length * 0.4) {
    let at = 0;
    for (const char of token) if (char === term[at]) at++;
    if (at === term.length) return 3;
  }
  return 0;
}

describe("termScore against the slice-based rule", () => {
  // A small alphabet, so typos, swaps, digits and prefixes meet often.
  const text = (maxLength: number) =>
    fc.string({ unit: fc.constantFrom("a", "b", "c", "1", "2", "."), minLength: 1, maxLength });

  it("scores every term and token the same", () => {
    fc.assert(
      fc.property(text(7), text(9), (term, token) => {
        expect(termScore(term, token)).toBe(sliceTermScore(term, token));
      }),
      { numRuns: 20_000 },
    );
  });

  it("scores a token against its own near misses the same", () => {
    fc.assert(
      fc.property(text(9), fc.nat(8), fc.constantFrom("a", "1", ""), (token, cut, extra) => {
        const term = token.slice(0, cut) + extra + token.slice(cut + 1);
        expect(termScore(term, token)).toBe(sliceTermScore(term, token));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("hasLine", () => {
  it("finds a whole line as the wrapped-string search does", () => {
    const unit = (chars: string[]) => fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(unit(["a", "b", " ", "\n"]), unit(["a", "b", " "]), (text, phrase) => {
        const strings = {
          phrase,
          afterBreak: `\n${phrase}`,
          beforeBreak: `${phrase}\n`,
          betweenBreaks: `\n${phrase}\n`,
        };
        expect(hasLine(text, strings)).toBe(`\n${text}\n`.includes(`\n${phrase}\n`));
      }),
      { numRuns: 20_000 },
    );
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
