"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { streamChat, type ChatRequestBody } from "@/lib/client/chat-stream";
import {
  pendingReply,
  requestMessages,
  withOutcome,
  withProgress,
  type Reply,
  type Turn,
} from "@/lib/client/playground-conversation";
import type { SamplingParams } from "@/lib/client/playground-params";

export interface SendInput {
  prompt: string;
  system: string;
  /** One model per column (two in compare mode). */
  models: readonly string[];
  params: SamplingParams;
  apiKey?: string;
}

/**
 * The conversation of each column and the requests in flight. Every column keeps its own
 * history (its model's answers), while compare mode sends the same prompt to both.
 */
export function usePlaygroundChat(columnCount: number) {
  const [columns, setColumns] = useState<Turn[][]>([[], []]);
  const controllers = useRef(new Set<AbortController>());
  const [running, setRunning] = useState(0);
  const nextId = useRef(0);

  const updateReply = useCallback((column: number, id: string, update: (reply: Reply) => Reply) => {
    setColumns((all) =>
      all.map((turns, i) =>
        i !== column ? turns : turns.map((turn) => (turn.id === id ? { ...turn, reply: update(turn.reply) } : turn)),
      ),
    );
  }, []);

  const send = useCallback(
    (input: SendInput) => {
      const prompt = input.prompt.trim();
      if (!prompt) return;
      input.models.slice(0, columnCount).forEach((model, column) => {
        const id = `t${++nextId.current}`;
        const body: ChatRequestBody = {
          model,
          messages: requestMessages(columns[column] ?? [], input.system, prompt),
          ...(input.params.temperature !== undefined ? { temperature: input.params.temperature } : {}),
          ...(input.params.maxTokens !== undefined ? { max_tokens: input.params.maxTokens } : {}),
          ...(input.params.topP !== undefined ? { top_p: input.params.topP } : {}),
        };
        setColumns((all) =>
          all.map((turns, i) => (i === column ? [...turns, { id, user: prompt, reply: pendingReply(model) }] : turns)),
        );
        const controller = new AbortController();
        controllers.current.add(controller);
        setRunning(controllers.current.size);
        void streamChat({
          body,
          signal: controller.signal,
          apiKey: input.apiKey,
          onRouting: (routing) => updateReply(column, id, (reply) => ({ ...reply, routing })),
          onProgress: (progress, firstTokenMs) =>
            updateReply(column, id, (reply) => withProgress(reply, progress, firstTokenMs)),
        }).then((outcome) => {
          updateReply(column, id, (reply) => withOutcome(reply, outcome));
          controllers.current.delete(controller);
          setRunning(controllers.current.size);
        });
      });
    },
    [columnCount, columns, updateReply],
  );

  const stop = useCallback(() => {
    for (const controller of controllers.current) controller.abort();
  }, []);

  const clear = useCallback(() => {
    stop();
    setColumns([[], []]);
  }, [stop]);

  // Leaving the page stops what is still streaming (and the server aborts upstream).
  useEffect(() => {
    const active = controllers.current;
    return () => {
      for (const controller of active) controller.abort();
    };
  }, []);

  return { columns, running: running > 0, send, stop, clear };
}
