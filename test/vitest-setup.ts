// Every test file gets its own data folder, so nothing a test records lands in ~/.hf-model-picker.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hf-picker-data-"));
process.env.HF_PICKER_DATA_DIR = dir;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
