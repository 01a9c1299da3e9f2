// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { settingsQueryOptions, useSettings } from "@/lib/client/settings";
import type { SettingsState } from "@/lib/settings/settings-types";
import { queryWrapper } from "@/test/react/query-wrapper";
import { useSettingsForm } from "./use-settings-form";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const LLAMA = "huggingface/meta-llama/Llama-3.1-8B-Instruct";

function fileState(etag: string, primary: string | null, extra: Partial<SettingsState> = {}): SettingsState {
  return {
    configPath: "/tmp/openclaw.json",
    etag,
    exists: true,
    parseError: null,
    primary,
    fallbacks: [],
    aliases: {},
    modelFacts: false,
    routeOpenClaw: false,
    ...extra,
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/**
 * `/api/settings` in memory: GET reads `file`; PUT checks `If-Match` against it (409 with the
 * current state when it changed) and saves, unless the test scripted `nextPut`.
 */
function fakeSettingsApi(initial: SettingsState) {
  const api = {
    file: initial,
    reads: 0,
    ifMatch: [] as string[],
    nextPut: null as { status: number; body: unknown } | null,
  };
  let saves = 0;
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    if (url !== "/api/settings") throw new Error(`unexpected request: ${url}`);
    if ((init.method ?? "GET") === "GET") {
      api.reads += 1;
      return json(200, api.file);
    }
    const ifMatch = new Headers(init.headers).get("if-match") ?? "";
    api.ifMatch.push(ifMatch);
    if (api.nextPut) return json(api.nextPut.status, api.nextPut.body);
    if (ifMatch !== api.file.etag) {
      return json(409, { error: { code: "conflict", message: "The file changed." }, current: api.file });
    }
    saves += 1;
    api.file = { ...api.file, ...(JSON.parse(String(init.body)) as object), etag: `saved-${saves}` };
    return json(200, api.file);
  });
  vi.stubGlobal("fetch", fetch);
  return api;
}

/** The form as the settings page uses it: fed by the settings query, which starts from `initial`. */
function renderForm(initial: SettingsState) {
  const { queryClient, wrapper } = queryWrapper();
  queryClient.setQueryData(settingsQueryOptions().queryKey, initial);
  const rendered = renderHook(
    () => {
      const latest = useSettings().data ?? initial;
      return { latest, form: useSettingsForm(latest) };
    },
    { wrapper },
  );
  const reread = () => act(() => queryClient.refetchQueries({ queryKey: settingsQueryOptions().queryKey }));
  return { ...rendered, queryClient, reread };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("useSettingsForm", () => {
  it("a clean form follows a newer read of the file", async () => {
    const api = fakeSettingsApi(fileState("e1", R1));
    const { result, reread } = renderForm(api.file);
    expect(result.current.form.draft.primary).toBe(R1);

    api.file = fileState("e2", QWEN, { fallbacks: [LLAMA] });
    await reread();

    await waitFor(() => expect(result.current.form.base.etag).toBe("e2"));
    expect(result.current.form.draft).toMatchObject({ primary: QWEN, fallbacks: [LLAMA] });
    expect(result.current.form.dirty).toBe(false);
  });

  it("a form with edits keeps them when the file changes, and saving it runs into the conflict", async () => {
    const api = fakeSettingsApi(fileState("e1", R1));
    const { result, reread } = renderForm(api.file);
    act(() => result.current.form.setDraft({ ...result.current.form.draft, primary: QWEN }));
    expect(result.current.form.dirty).toBe(true);

    api.file = fileState("e2", LLAMA);
    await reread();

    await waitFor(() => expect(result.current.latest.etag).toBe("e2"));
    expect(result.current.form.draft.primary).toBe(QWEN);
    expect(result.current.form.base.etag).toBe("e1");
    expect(result.current.form.dirty).toBe(true);

    act(() => result.current.form.submit());
    await waitFor(() => expect(result.current.form.conflict).not.toBeNull());
    expect(api.ifMatch).toEqual(["e1"]);
    expect(result.current.form.conflict).toMatchObject({ etag: "e2", primary: LLAMA });
    // Nothing written, nothing lost.
    expect(api.file.primary).toBe(LLAMA);
    expect(result.current.form.draft.primary).toBe(QWEN);
  });

  it("an outside change under unsaved edits is offered, never applied: Keep editing hides it, Reload takes it", async () => {
    const api = fakeSettingsApi(fileState("e1", R1));
    const { result, queryClient } = renderForm(api.file);
    expect(result.current.form.outside).toBeNull();
    act(() => result.current.form.setDraft({ ...result.current.form.draft, primary: QWEN }));

    // What a `config` event does: the new settings straight into the query.
    // The read on mount has answered, so it cannot overwrite what the event brings.
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const changeOnDisk = (state: SettingsState) => {
      api.file = state;
      act(() => {
        queryClient.setQueryData(settingsQueryOptions().queryKey, state);
      });
    };
    changeOnDisk(fileState("e2", LLAMA));
    await waitFor(() => expect(result.current.form.outside).toMatchObject({ etag: "e2", primary: LLAMA }));
    expect(result.current.form.draft.primary).toBe(QWEN);

    act(() => result.current.form.keepEditing());
    expect(result.current.form.outside).toBeNull();
    expect(result.current.form.draft.primary).toBe(QWEN);

    changeOnDisk(fileState("e3", R1, { fallbacks: [LLAMA] }));
    await waitFor(() => expect(result.current.form.outside).toMatchObject({ etag: "e3" }));
    act(() => result.current.form.reloadFromOutside());
    expect(result.current.form.outside).toBeNull();
    expect(result.current.form.dirty).toBe(false);
    expect(result.current.form.draft).toMatchObject({ primary: R1, fallbacks: [LLAMA] });
    expect(result.current.form.base.etag).toBe("e3");
  });

  it("an edit that is undone gives way to a newer read", async () => {
    const api = fakeSettingsApi(fileState("e1", R1));
    const { result, reread } = renderForm(api.file);
    act(() => result.current.form.setDraft({ ...result.current.form.draft, primary: QWEN }));
    act(() => result.current.form.setDraft({ ...result.current.form.draft, primary: R1 }));
    expect(result.current.form.dirty).toBe(false);

    api.file = fileState("e2", LLAMA);
    await reread();

    await waitFor(() => expect(result.current.form.draft.primary).toBe(LLAMA));
  });

  it("a successful save adopts the state the server answered", async () => {
    const api = fakeSettingsApi(fileState("e1", R1));
    const { result, queryClient } = renderForm(api.file);
    act(() => result.current.form.setDraft({ ...result.current.form.draft, primary: QWEN }));
    expect(result.current.form.canSave).toBe(true);

    act(() => result.current.form.submit());

    await waitFor(() => expect(result.current.form.save.isSuccess).toBe(true));
    expect(api.ifMatch).toEqual(["e1"]);
    expect(result.current.form.base).toMatchObject({ etag: "saved-1", primary: QWEN });
    expect(result.current.form.draft.primary).toBe(QWEN);
    expect(result.current.form.dirty).toBe(false);
    expect(queryClient.getQueryData(settingsQueryOptions().queryKey)).toMatchObject({ etag: "saved-1" });
  });

  it("a 409 keeps the edits and offers the file's current state", async () => {
    const api = fakeSettingsApi(fileState("e1", R1));
    const { result } = renderForm(api.file);
    act(() => result.current.form.setDraft({ ...result.current.form.draft, primary: QWEN }));
    // Changed on disk after the page read it, and the page has not read it again.
    api.file = fileState("e2", LLAMA);

    act(() => result.current.form.submit());

    await waitFor(() => expect(result.current.form.conflict).toMatchObject({ etag: "e2", primary: LLAMA }));
    expect(result.current.form.draft.primary).toBe(QWEN);

    act(() => {
      void result.current.form.overwrite();
    });
    await waitFor(() => expect(result.current.form.save.isSuccess).toBe(true));
    expect(api.ifMatch).toEqual(["e1", "e2"]);
    expect(result.current.form.conflict).toBeNull();
    expect(api.file.primary).toBe(QWEN);
  });

  it("a 422 reads the file again, so its parse error shows and saving stays off", async () => {
    const api = fakeSettingsApi(fileState("e1", R1));
    const { result } = renderForm(api.file);
    await waitFor(() => expect(api.reads).toBe(1)); // the read on mount
    act(() => result.current.form.setDraft({ ...result.current.form.draft, primary: QWEN }));
    // Broken in an editor meanwhile.
    const parseError = { message: "Unexpected token", line: 3, column: 7 };
    api.file = fileState("e2", null, { parseError });
    api.nextPut = { status: 422, body: { error: { code: "config_invalid", message: "The file can't be parsed." } } };

    act(() => result.current.form.submit());

    await waitFor(() => expect(api.reads).toBe(2));
    await waitFor(() => expect(result.current.form.parseError).toEqual(parseError));
    expect(result.current.form.canSave).toBe(false);
    expect(result.current.form.draft.primary).toBe(QWEN);
  });
});
