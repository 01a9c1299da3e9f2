import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SettingsState } from "@/lib/settings/settings-types";
import { ApiRequestError } from "./fetch-json";

const settings = vi.hoisted(() => ({ fetchSettings: vi.fn(), saveSettings: vi.fn() }));
vi.mock("./settings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./settings")>()),
  ...settings,
}));

const { runAction } = await import("./catalog-actions");

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const Q8 = "huggingface/Qwen/Qwen3-8B";
const base: SettingsState = {
  primary: R1,
  fallbacks: [],
  aliases: {},
  modelFacts: false,
  routeOpenClaw: false,
  configPath: "/tmp/openclaw.json",
  etag: '"one"',
  exists: true,
  parseError: null,
};

function conflict(current: SettingsState): ApiRequestError {
  return new ApiRequestError("changed", 409, "conflict", { error: { code: "conflict", message: "changed" }, current });
}

describe("runAction", () => {
  beforeEach(() => {
    settings.fetchSettings.mockReset();
    settings.saveSettings.mockReset();
  });

  it("saves the planned change with the ETag it read", async () => {
    settings.fetchSettings.mockResolvedValue(base);
    settings.saveSettings.mockImplementation(async ({ input }) => ({ ...base, ...input, etag: '"two"' }));
    const result = await runAction({ kind: "fallback", ref: Q8 });
    expect(settings.saveSettings).toHaveBeenCalledWith({
      input: { primary: R1, fallbacks: [Q8], aliases: {} },
      etag: '"one"',
    });
    expect(result.state?.fallbacks).toEqual([Q8]);
  });

  it("on 409 redoes the change once on the fresh state, keeping the other edit", async () => {
    const fresh = { ...base, fallbacks: ["huggingface/x/y"], etag: '"fresh"' };
    settings.fetchSettings.mockResolvedValue(base);
    settings.saveSettings
      .mockRejectedValueOnce(conflict(fresh))
      .mockImplementation(async ({ input }) => ({ ...fresh, ...input }));
    await runAction({ kind: "fallback", ref: Q8 });
    expect(settings.saveSettings).toHaveBeenCalledTimes(2);
    expect(settings.saveSettings).toHaveBeenLastCalledWith({
      input: { primary: R1, fallbacks: ["huggingface/x/y", Q8], aliases: {} },
      etag: '"fresh"',
    });
  });

  it("gives up after a second conflict", async () => {
    settings.fetchSettings.mockResolvedValue(base);
    settings.saveSettings.mockRejectedValue(conflict(base));
    await expect(runAction({ kind: "primary", ref: Q8 })).rejects.toThrow("changed");
    expect(settings.saveSettings).toHaveBeenCalledTimes(2);
  });

  it("refuses to write a file it cannot parse, and saves nothing for a no-op", async () => {
    settings.fetchSettings.mockResolvedValueOnce({ ...base, parseError: { message: "bad", line: 3 } });
    await expect(runAction({ kind: "primary", ref: Q8 })).rejects.toThrow(/line 3/);
    settings.fetchSettings.mockResolvedValueOnce(base);
    expect((await runAction({ kind: "primary", ref: R1 })).message).toBe("Already the primary model.");
    expect(settings.saveSettings).not.toHaveBeenCalled();
  });
});
