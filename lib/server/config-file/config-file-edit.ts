import "server-only";
import type { DesiredSettings } from "./config-apply";
import type { FactsStep } from "@/lib/server/model-facts/facts-step";
import { AppError } from "@/lib/server/http/errors";
import { applySettings, plannedSettings } from "./config-apply";
import { DocSyntaxError, type DocStyle } from "./config-cst";
import { ConfigShapeError } from "./config-edit";
import { applyFactsPlan } from "./config-facts";
import { configMaxBytes, megabytes } from "./config-read";
import { verifyEdit } from "./config-verify";
import { checkClosed, closeWindow, type ConfigWindow } from "./config-window";

/**
 * The edit of one save, shared by the preview and the write (docs/ARCHITECTURE.md, "A settings save"):
 * the lossless edit of the settings and the model facts on the whole file, verified before anything
 * is written. Linear in the size of the file; config-jobs.ts runs it on the config worker for a big one.
 */

/** The model facts of a save, planned on the text the edit runs on (the window, or the whole blank file). */
export type FactsPlanner = (text: string, style?: DocStyle) => FactsStep | null;

export interface EditResult {
  text: string;
  facts: FactsStep | null;
}

function withFacts(text: string, facts: FactsStep | null, style?: DocStyle): string {
  if (!facts || facts.plan.edits.every((edit) => edit.action === "unchanged")) return text;
  return applyFactsPlan(text.trim() === "" ? "{}\n" : text, facts.plan, style);
}

/** What an edit runs on: the decoded file and its window (config-jobs.ts builds both). */
export interface EditSource {
  path: string;
  text: string;
  window: ConfigWindow | null;
}

/** The edit itself: on the window of the file (or on the whole text when it is blank), verified, closed. */
async function editText(source: EditSource, settings: DesiredSettings, planFacts: FactsPlanner): Promise<EditResult> {
  const window = source.window;
  if (!window) {
    if (source.text.trim() !== "") throw new DocSyntaxError("its syntax could not be scanned");
    const facts = planFacts(source.text);
    const after = withFacts(applySettings(source.text, settings), facts);
    if (after !== source.text) verifyEdit(source.text, after, plannedSettings(source.text, settings), facts?.plan);
    return { text: after, facts };
  }
  const facts = planFacts(window.text, window.style);
  const after = withFacts(applySettings(window.text, settings, window.style), facts, window.style);
  if (after === window.text) return { text: source.text, facts };
  verifyEdit(window.text, after, plannedSettings(window.text, settings), facts?.plan);
  const text = closeWindow(window, after);
  await checkClosed(window, after, text);
  return { text, facts };
}

/** 413 when the file (or what would be written, `bytes`) is over `limit` (`CONFIG_MAX_BYTES`). */
export function refuseTooLarge(
  snapshot: { path: string; tooLarge?: { bytes: number } },
  bytes?: number,
  limit = configMaxBytes(),
): void {
  const size = snapshot.tooLarge?.bytes ?? bytes ?? 0;
  if (size <= limit) return;
  throw new AppError(
    "config_too_large",
    `${snapshot.path} is too large to edit safely (${megabytes(size)}; the limit is ${megabytes(limit)}, set by CONFIG_MAX_BYTES). Nothing was written.`,
  );
}

/**
 * The new file text; editor failures become clear errors instead of a damaged file. Linear in the
 * size of the file, and run on the config worker for a big one (config-jobs.ts).
 */
export async function edited(
  source: EditSource,
  settings: DesiredSettings,
  planFacts: FactsPlanner,
  limit: number,
): Promise<EditResult> {
  try {
    const after = await editText(source, settings, planFacts);
    refuseTooLarge(source, Buffer.byteLength(after.text), limit);
    return after;
  } catch (error) {
    if (error instanceof ConfigShapeError) {
      throw new AppError("config_invalid", `${error.message} in ${source.path}; fix it first. Nothing was written.`);
    }
    if (error instanceof DocSyntaxError) {
      const where = error.line ? ` at line ${error.line}` : "";
      throw new AppError(
        "config_invalid",
        `${source.path} uses JSON5 the dashboard cannot edit safely${where} (${error.message}). Nothing was written.`,
      );
    }
    throw error;
  }
}
