import { describe, expect, it } from "vitest";
import type { RefFacts } from "@/lib/catalog/model-facts";
import { MEMORY_DEPTH, mergedMemory, planFacts, type FactsMemory, type FileEntry } from "./facts-plan";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const R1_ID = "deepseek-ai/DeepSeek-R1";
const CHEAP = `${R1}:cheapest`;
const CHEAP_ID = `${R1_ID}:cheapest`;
const QWEN = "huggingface/Qwen/Qwen3-8B";
const QWEN_ID = "Qwen/Qwen3-8B";

function facts(ref: string, id: string, values: Partial<RefFacts["values"]> = {}): RefFacts {
  return {
    ref,
    id,
    values: {
      name: "DeepSeek R1",
      contextWindow: 65536,
      cost: { input: 0.7, output: 2.5 },
      reasoning: true,
      ...values,
    },
    basis: "cheapest",
    provider: "novita",
    note: "novita, the backend :cheapest picks today",
  };
}

function entries(...values: unknown[]): FileEntry[] {
  return values.map((value, index) => ({ index, value, hasComments: false }));
}

const WRITTEN = { name: "DeepSeek R1", contextWindow: 65536, cost: { input: 0.7, output: 2.5 }, reasoning: true };

describe("planFacts", () => {
  it("adds an entry per ref in use, suffix variants apart, and remembers what it wrote", () => {
    const plan = planFacts({
      entries: [],
      desired: [facts(R1, R1_ID, { contextWindow: 163840 }), facts(CHEAP, CHEAP_ID)],
      memory: {},
      refresh: true,
    });
    expect(plan.edits).toEqual([
      { action: "add", id: R1_ID, value: { id: R1_ID, ...WRITTEN, contextWindow: 163840 } },
      { action: "add", id: CHEAP_ID, value: { id: CHEAP_ID, ...WRITTEN } },
    ]);
    expect(Object.keys(plan.edits[0]?.action === "add" ? plan.edits[0].value : {})).toEqual([
      "id",
      "name",
      "contextWindow",
      "cost",
      "reasoning",
    ]);
    expect(plan.memory[CHEAP_ID]).toEqual([WRITTEN]);
    expect(plan.report.map((r) => [r.id, r.status])).toEqual([
      [R1_ID, "added"],
      [CHEAP_ID, "added"],
    ]);
    expect(plan.managed).toEqual([R1_ID, CHEAP_ID]);
  });

  it("refreshes its own values and keeps a value the user changed by hand", () => {
    const plan = planFacts({
      entries: entries({ id: CHEAP_ID, ...WRITTEN, contextWindow: 32000 }),
      desired: [facts(CHEAP, CHEAP_ID, { cost: { input: 0.6, output: 2 }, contextWindow: 70000 })],
      memory: { [CHEAP_ID]: [WRITTEN] },
      refresh: true,
    });
    expect(plan.edits).toEqual([
      {
        action: "update",
        id: CHEAP_ID,
        index: 0,
        changes: { cost: { input: 0.6, output: 2 } },
        value: { id: CHEAP_ID, ...WRITTEN, contextWindow: 32000, cost: { input: 0.6, output: 2 } },
      },
    ]);
    const fields = plan.report[0]?.fields ?? [];
    expect(fields.find((f) => f.field === "contextWindow")).toEqual({
      field: "contextWindow",
      value: 32000,
      source: "hand-set",
    });
    expect(fields.find((f) => f.field === "cost")?.source).toBe("dashboard");
    // The hand-set value never enters the memory, so it stays the user's on the next save too.
    expect(plan.memory[CHEAP_ID]?.some((values) => values.contextWindow === 32000)).toBe(false);
  });

  it("leaves an entry the user wrote for a ref in use alone", () => {
    const mine = { id: QWEN_ID, name: "My Qwen", contextWindow: 32768 };
    const plan = planFacts({
      entries: entries(mine),
      desired: [facts(QWEN, QWEN_ID, { name: "Qwen3 8B" })],
      memory: {},
      refresh: true,
    });
    expect(plan.edits).toEqual([]);
    expect(plan.report[0]).toMatchObject({ id: QWEN_ID, status: "yours" });
    expect(plan.report[0]?.fields.every((f) => f.source === "hand-set")).toBe(true);
  });

  it("counts an entry spelled with the prefix as the user's own for that ref", () => {
    const plan = planFacts({
      entries: entries({ id: `huggingface/${QWEN_ID}`, name: "Qwen" }),
      desired: [facts(QWEN, QWEN_ID)],
      memory: { [QWEN_ID]: [{ name: "Qwen" }] },
      refresh: true,
    });
    expect(plan.edits).toEqual([]);
    expect(plan.report[0]?.status).toBe("yours");
    expect(plan.memory[QWEN_ID]).toBeUndefined();
  });

  it("removes only its own entries that are no longer needed", () => {
    const mine = { id: QWEN_ID, name: "My Qwen" };
    const plan = planFacts({
      entries: entries(mine, { id: CHEAP_ID, ...WRITTEN }),
      desired: [],
      memory: { [CHEAP_ID]: [WRITTEN] },
      refresh: true,
    });
    expect(plan.edits).toEqual([{ action: "remove", id: CHEAP_ID, index: 1 }]);
    expect(plan.memory).toEqual({});
    expect(plan.report.map((r) => r.status)).toEqual(["removed"]);
  });

  it("hands an unneeded entry over to the user when a value in it was set by hand", () => {
    for (const edited of [{ contextWindow: 1000 }, { maxTokens: 4096 }]) {
      const plan = planFacts({
        entries: entries({ id: CHEAP_ID, ...WRITTEN, ...edited }),
        desired: [],
        memory: { [CHEAP_ID]: [WRITTEN] },
        refresh: true,
      });
      expect(plan.edits).toEqual([]);
      expect(plan.report[0]?.status).toBe("released");
      expect(plan.memory).toEqual({});
    }
  });

  it("leaves an entry with a comment inside to the user", () => {
    const plan = planFacts({
      entries: [{ index: 0, value: { id: CHEAP_ID, ...WRITTEN }, hasComments: true }],
      desired: [facts(CHEAP, CHEAP_ID, { contextWindow: 1 })],
      memory: { [CHEAP_ID]: [WRITTEN] },
      refresh: true,
    });
    expect(plan.edits).toEqual([]);
    expect(plan.report[0]?.status).toBe("yours");
  });

  it("leaves several entries for one ref alone", () => {
    const plan = planFacts({
      entries: entries({ id: CHEAP_ID, name: "a" }, { id: CHEAP_ID, name: "b" }),
      desired: [facts(CHEAP, CHEAP_ID)],
      memory: {},
      refresh: true,
    });
    expect(plan.edits).toEqual([]);
    expect(plan.report[0]?.status).toBe("duplicate");
  });

  it("without live data keeps its figures and only fills gaps", () => {
    const plan = planFacts({
      entries: entries({ id: CHEAP_ID, name: "DeepSeek R1", contextWindow: 65536 }),
      desired: [facts(CHEAP, CHEAP_ID, { contextWindow: 131072, cost: undefined, reasoning: true })],
      memory: { [CHEAP_ID]: [{ name: "DeepSeek R1", contextWindow: 65536 }] },
      refresh: false,
    });
    expect(plan.edits).toEqual([
      {
        action: "update",
        id: CHEAP_ID,
        index: 0,
        changes: { reasoning: true },
        value: { id: CHEAP_ID, name: "DeepSeek R1", contextWindow: 65536, reasoning: true },
      },
    ]);
  });

  it("drops a value of its own that is no longer known", () => {
    const plan = planFacts({
      entries: entries({ id: CHEAP_ID, ...WRITTEN }),
      desired: [facts(CHEAP, CHEAP_ID, { cost: undefined })],
      memory: { [CHEAP_ID]: [WRITTEN] },
      refresh: true,
    });
    expect(plan.edits[0]).toMatchObject({ action: "update", changes: { cost: null } });
    expect(plan.edits[0]?.action === "update" && "cost" in plan.edits[0].value).toBe(false);
  });

  it("still knows a value it wrote some saves ago (a restored older file)", () => {
    const older = { ...WRITTEN, contextWindow: 60000 };
    const plan = planFacts({
      entries: entries({ id: CHEAP_ID, ...older }),
      desired: [facts(CHEAP, CHEAP_ID)],
      memory: { [CHEAP_ID]: [older, WRITTEN] },
      refresh: true,
    });
    expect(plan.edits[0]).toMatchObject({ action: "update", changes: { contextWindow: 65536 } });
  });

  it("leaves an entry that is already right unchanged", () => {
    const plan = planFacts({
      entries: entries({ id: CHEAP_ID, ...WRITTEN }),
      desired: [facts(CHEAP, CHEAP_ID)],
      memory: { [CHEAP_ID]: [WRITTEN] },
      refresh: true,
    });
    expect(plan.edits).toEqual([{ action: "unchanged", id: CHEAP_ID, index: 0, value: { id: CHEAP_ID, ...WRITTEN } }]);
    expect(plan.report[0]?.status).toBe("unchanged");
  });
});

describe("mergedMemory", () => {
  it("knows the old and the new writes, at most MEMORY_DEPTH per id", () => {
    const before: FactsMemory = { a: [{ name: "old" }] };
    const after: FactsMemory = { a: [{ name: "new" }], b: [{ name: "b" }] };
    expect(mergedMemory(before, after)).toEqual({ a: [{ name: "old" }, { name: "new" }], b: [{ name: "b" }] });
    const many = { a: Array.from({ length: 20 }, (_, i) => ({ name: `v${i}` })) };
    expect(mergedMemory({}, many).a).toHaveLength(MEMORY_DEPTH);
  });
});
