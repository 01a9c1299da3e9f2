"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchModels, modelsQueryOptions } from "@/lib/client/models";
import { statusQueryOptions } from "@/lib/client/status";

/** Asks the server to re-read the router now (`?refresh=1`) and shows the answer at once. */
export function useRefreshCatalog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => fetchModels(true),
    onSuccess: async (catalog) => {
      queryClient.setQueryData(modelsQueryOptions().queryKey, catalog);
      await queryClient.invalidateQueries({ queryKey: statusQueryOptions().queryKey });
    },
  });
}
