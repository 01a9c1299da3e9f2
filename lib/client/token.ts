"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { tokenSaveResultSchema } from "@/lib/settings/settings-types";
import { fetchJson } from "./fetch-json";
import { modelsQueryOptions } from "./models";
import { statusQueryOptions } from "./status";

/** The token decides what the router lists, so the status and the catalog are re-read after a change. */
function useInvalidateTokenViews() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: statusQueryOptions().queryKey }),
      queryClient.invalidateQueries({ queryKey: modelsQueryOptions().queryKey }),
    ]);
}

export function saveToken(token: string) {
  return fetchJson("/api/token", tokenSaveResultSchema, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
}

export function removeToken() {
  // The body is not needed: the status is re-read right after.
  return fetchJson("/api/token", z.unknown(), { method: "DELETE" });
}

export function useSaveToken() {
  const invalidate = useInvalidateTokenViews();
  return useMutation({ mutationFn: saveToken, onSuccess: invalidate });
}

export function useRemoveToken() {
  const invalidate = useInvalidateTokenViews();
  return useMutation({ mutationFn: removeToken, onSuccess: invalidate });
}
