/**
 * Catalog speed at 10,000 models. Prints figures, asserts nothing (timings belong in a report,
 * not in a flaky test).
 *
 *   npx tsx scripts/bench-catalog.ts [--models 10000] [--runs 25]
 *     search / filter / sort / whole keystroke pipeline in Node, median of N runs.
 *   NEXT_DIST_DIR=.next-catalog npx tsx scripts/bench-catalog.ts --browser [--port 3590]
 *     also starts the fake router with --extra 10000 and a dashboard on it (needs a build in
 *     NEXT_DIST_DIR), then measures in Chromium: first list render, keystroke -> list updated,
 *     and frame times while scrolling.
 */
import { parseArgs } from "node:util";
import { modelFilter, EMPTY_FILTERS } from "@/lib/catalog/catalog-filter";
import { buildSearchIndex, searchModels } from "@/lib/catalog/catalog-search";
import { pinFavourites, rankByName, sortModels } from "@/lib/catalog/catalog-sort";
import { syntheticCatalog } from "./bench-lib/catalog-data";
import { browserBench } from "./bench-lib/catalog-browser";

const { values } = parseArgs({
  options: {
    models: { type: "string", default: "10000" },
    runs: { type: "string", default: "25" },
    browser: { type: "boolean", default: false },
    port: { type: "string", default: "3590" },
  },
});
const count = Number(values.models);
const runs = Number(values.runs);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(label: string, work: () => unknown): void {
  work(); // warm-up: JIT, caches
  const samples = Array.from({ length: runs }, () => {
    const start = performance.now();
    work();
    return performance.now() - start;
  });
  console.log(
    `  ${label.padEnd(50)} median ${median(samples).toFixed(2).padStart(7)} ms   max ${Math.max(...samples)
      .toFixed(2)
      .padStart(7)} ms`,
  );
}

const models = syntheticCatalog(count);
console.log(
  `catalog logic, ${count.toLocaleString("en-US")} synthetic models, median of ${runs} runs (Node ${process.version})`,
);
time("build search index (once per catalog)", () => buildSearchIndex(models));
const index = buildSearchIndex(models);
for (const query of ["gem", "lama 70", "dpsk r1", "deepsek", "qwen2.5 coder 32b", "groq", "zzzz"]) {
  const hits = searchModels(index, query)?.length ?? 0;
  time(`search "${query}" (${hits} hits)`, () => searchModels(index, query));
}
const filters = [
  { label: "filter vision", filters: { ...EMPTY_FILTERS, flags: ["vision" as const] } },
  {
    label: "filter tools + groq + max out $1",
    filters: { ...EMPTY_FILTERS, providers: ["groq"], maxOutputPrice: 1, flags: ["tools" as const] },
  },
  {
    label: "filter min context 128K + live only",
    filters: { ...EMPTY_FILTERS, minContext: 128_000, flags: ["live" as const] },
  },
];
for (const { label, filters: value } of filters) {
  const kept = models.filter(modelFilter(value)).length;
  time(`${label} (${kept} kept)`, () => models.filter(modelFilter(value)));
}
time("rank by name (once per catalog)", () => rankByName(models));
for (const key of ["name", "context", "price", "throughput", "latency"] as const) {
  time(`sort by ${key}`, () =>
    sortModels(models, { key, direction: key === "name" || key === "price" || key === "latency" ? "asc" : "desc" }),
  );
}
const favourites = new Set(models.slice(0, 20).map((model) => model.id));
time("keystroke pipeline: search+filter+sort+pin", () => {
  const hits = searchModels(index, "deepsek r") ?? [];
  const found = hits.map((hit) => models[hit.index]).filter((model) => model !== undefined);
  const kept = found.filter(modelFilter({ ...EMPTY_FILTERS, flags: ["tools"] }));
  return pinFavourites(sortModels(kept, { key: "relevance", direction: "desc" }, true), favourites);
});

if (values.browser) await browserBench({ port: Number(values.port), runs: 3 });
