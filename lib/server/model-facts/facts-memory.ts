import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { factValuesSchema } from "@/lib/catalog/model-facts";
import type { FactsMemory } from "@/lib/settings/facts-plan";
import { atomicWrite } from "@/lib/server/config-file/atomic-write";
import { writeTarget } from "@/lib/server/config-file/write-target";
import { dataDir } from "@/lib/server/paths";

/**
 * What the dashboard remembers about the model facts it keeps in a config file: whether the switch
 * is on, and the values it wrote per entry id (lib/settings/facts-plan.ts says how they are used).
 * One JSON file in the data folder, one record per config file (by its real path, so a symlinked
 * config and its target share one). OpenClaw's schema accepts no marker field in an entry, so this
 * memory lives beside the config rather than in it.
 */
export interface FactsRecord {
  enabled: boolean;
  memory: FactsMemory;
}

export const EMPTY_RECORD: FactsRecord = { enabled: false, memory: {} };

const FILE = "model-facts.json";

const recordSchema = z.object({
  enabled: z.boolean().catch(false),
  memory: z.record(z.string(), z.array(factValuesSchema.partial())).catch({}),
});
const fileSchema = z.object({ version: z.literal(1), configs: z.record(z.string(), recordSchema) });
type FactsFile = z.infer<typeof fileSchema>;

export function factsMemoryFile(): string {
  return path.join(dataDir(), FILE);
}

async function configKey(configPath: string): Promise<string> {
  return writeTarget(configPath).catch(() => configPath);
}

async function readFile(): Promise<FactsFile> {
  let text: string;
  try {
    text = await fs.readFile(factsMemoryFile(), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { version: 1, configs: {} };
    throw error;
  }
  try {
    return fileSchema.parse(JSON.parse(text));
  } catch {
    // Unreadable memory: every entry then counts as the user's, the safe reading; the next save rewrites it.
    console.warn(`[model-facts] ${factsMemoryFile()} is not readable; treating every model entry as hand-written`);
    return { version: 1, configs: {} };
  }
}

/** The record of one config file; a missing or unreadable memory reads as "switch off, nothing written". */
export async function readFactsRecord(configPath: string): Promise<FactsRecord> {
  const file = await readFile().catch((error: unknown): FactsFile => {
    console.warn(`[model-facts] cannot read ${factsMemoryFile()}:`, error instanceof Error ? error.message : error);
    return { version: 1, configs: {} };
  });
  return file.configs[await configKey(configPath)] ?? EMPTY_RECORD;
}

/** Saves the record of one config file (atomically; others' records kept). Throws on a file-system error. */
export async function writeFactsRecord(configPath: string, record: FactsRecord): Promise<void> {
  const file = await readFile();
  const key = await configKey(configPath);
  if (!record.enabled && Object.keys(record.memory).length === 0) delete file.configs[key];
  else file.configs[key] = record;
  await atomicWrite(factsMemoryFile(), `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
}
