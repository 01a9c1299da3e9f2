"use client";
import { useId, useMemo, useState, useSyncExternalStore } from "react";
import { Card } from "@/components/ui/card";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { Notice } from "@/components/ui/notice";
import { useModels } from "@/lib/client/models";
import { requestMessages } from "@/lib/client/playground-conversation";
import { GATEWAY_KEY_CODES, readGatewayKey, subscribeGatewayKey } from "@/lib/client/playground-key-store";
import { initialChoice, playgroundModelOptions } from "@/lib/client/playground-models";
import { EMPTY_PARAMS, samplingOf, type ParamsDraft } from "@/lib/client/playground-params";
import { useSettings } from "@/lib/client/settings";
import { DEFAULT_MODEL, refOfName, type ModelSettings } from "@/lib/model-names";
import { baseRef, tryNormaliseRef } from "@/lib/refs";
import { ChatColumn } from "./chat-column";
import { Composer } from "./composer";
import { GatewayKeyField } from "./gateway-key-field";
import { usePreloadMarkdown } from "./lazy-markdown";
import { ParamsFields } from "./params-fields";
import { PlaygroundModelPicker } from "./playground-model-picker";
import { SnippetsCard } from "./snippets-card";
import { usePlaygroundChat } from "./use-playground-chat";

const noSubscribe = () => () => undefined;

function routerNoteFor(choice: string, settings: ModelSettings | null): string | undefined {
  if (choice !== DEFAULT_MODEL) return undefined;
  return settings?.fallbacks.length
    ? "It gets your primary only: fallbacks apply through this dashboard."
    : "It gets your primary model.";
}
const SAMPLE_PROMPT = "Hello!";
const NO_MODELS: CatalogModel[] = [];

/** The /playground page: pick one model (or two to compare), chat, see who answered and how fast. */
export function PlaygroundView({ initialModel }: { initialModel: string | null }) {
  const id = useId();
  usePreloadMarkdown();
  const models = useModels();
  const settingsQuery = useSettings();
  const settings: ModelSettings | null = settingsQuery.data?.parseError ? null : (settingsQuery.data ?? null);
  const catalog = models.data?.models ?? NO_MODELS;
  const ready = models.data !== undefined && (settingsQuery.data !== undefined || settingsQuery.isError);

  const [picked, setPicked] = useState<[string | null, string | null]>([null, null]);
  const [compare, setCompare] = useState(false);
  const [draft, setDraft] = useState<ParamsDraft>(EMPTY_PARAMS);
  const [prompt, setPrompt] = useState("");
  const apiKey = useSyncExternalStore(subscribeGatewayKey, readGatewayKey, () => "");
  const origin = useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "http://127.0.0.1:3000",
  );
  const chat = usePlaygroundChat(compare ? 2 : 1);

  // Until the user picks, the choice follows the data as it loads (no effect needed).
  const first = picked[0] ?? (ready ? initialChoice(initialModel, settings, catalog) : (initialModel ?? ""));
  const firstBase = tryNormaliseRef(refOfName(first, settings) ?? "")
    ? baseRef(refOfName(first, settings) ?? "")
    : null;
  const second = picked[1] ?? catalog.find((m) => m.available && m.ref !== firstBase)?.ref ?? "";
  const choices = compare ? [first, second] : [first];
  // Thousands of options (every ref and routing variant): built once per data change, not per streamed chunk.
  const options = useMemo(() => playgroundModelOptions(catalog, settings), [catalog, settings]);
  const { params, invalid } = samplingOf(draft);

  const replies = chat.columns.flat().map((turn) => turn.reply);
  const keyRequired = apiKey !== "" || replies.some((r) => r.error?.code && GATEWAY_KEY_CODES.includes(r.error.code));
  const missingModel = choices.some((choice) => choice.trim() === "");
  const canSend = prompt.trim() !== "" && !invalid && !missingModel && !chat.running;
  const hint = missingModel ? "Pick a model first." : invalid ? "Fix the parameters first." : undefined;

  // One snippet per model shown: in compare mode each column has its own model and conversation.
  const snippets = choices.map((choice, column) => {
    const history = chat.columns[column] ?? [];
    const messages = requestMessages(history, draft.system, prompt || (history.length ? "" : SAMPLE_PROMPT));
    return { choice, messages, title: compare ? `Code for model ${column === 0 ? "A" : "B"}` : undefined };
  });
  const pick = (column: 0 | 1) => (choice: string) =>
    setPicked((p) => (column === 0 ? [choice, p[1]] : [p[0], choice]));

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-lg font-semibold">Playground</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Chat through this dashboard&apos;s OpenAI-compatible gateway: the token stays on the server, aliases and
          fallbacks apply.
        </p>
      </div>
      {models.error ? (
        <Notice tone="warning">
          The model list could not be loaded: {models.error.message}. You can still type a ref.
        </Notice>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <aside className="flex flex-col gap-4">
          <Card title="Model" description="Default is your primary, then its fallbacks.">
            <div className="flex flex-col gap-3">
              <PlaygroundModelPicker
                id={`${id}-model-a`}
                label={compare ? "Model A" : "Model"}
                value={first}
                onChange={pick(0)}
                options={options}
              />
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={compare} onChange={(event) => setCompare(event.target.checked)} />
                Compare with a second model
              </label>
              {compare ? (
                <PlaygroundModelPicker
                  id={`${id}-model-b`}
                  label="Model B"
                  value={second}
                  onChange={pick(1)}
                  options={options}
                />
              ) : null}
            </div>
          </Card>
          <Card title="Parameters" description="Blank numbers use the model's defaults.">
            <ParamsFields draft={draft} onChange={setDraft} />
          </Card>
          {keyRequired ? <GatewayKeyField value={apiKey} /> : null}
        </aside>
        <div className="flex min-w-0 flex-col gap-3">
          <div className={`grid gap-3 ${compare ? "md:grid-cols-2" : ""}`}>
            {choices.map((choice, column) => (
              <ChatColumn
                key={column}
                title={compare ? (column === 0 ? "Model A" : "Model B") : "Chat"}
                model={choice}
                turns={chat.columns[column] ?? []}
                models={catalog}
              />
            ))}
          </div>
          <Composer
            value={prompt}
            onChange={setPrompt}
            onSend={() => {
              chat.send({ prompt, system: draft.system, models: choices, params, apiKey: apiKey || undefined });
              setPrompt("");
            }}
            onStop={chat.stop}
            onClear={chat.clear}
            running={chat.running}
            canSend={canSend}
            canClear={chat.columns.some((turns) => turns.length > 0)}
            hint={hint}
          />
          {snippets.map(({ choice, messages, title }, column) => (
            <SnippetsCard
              key={column}
              title={title}
              request={{
                model: choice || "default",
                routerRef: refOfName(choice, settings),
                messages,
                temperature: params.temperature,
                maxTokens: params.maxTokens,
                topP: params.topP,
                stream: true,
              }}
              gatewayBaseUrl={`${origin}/api/v1`}
              gatewayKeyRequired={keyRequired}
              routerNote={routerNoteFor(choice, settings)}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
