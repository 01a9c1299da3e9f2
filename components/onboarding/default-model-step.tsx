"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { ModelCombobox } from "@/components/shared/model-combobox";
import { SelectedModel } from "@/components/shared/selected-model";
import { validateInput, validationContextOf } from "@/lib/settings/validate-input";
import { Button, buttonClasses } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { inputClasses } from "@/components/ui/input-classes";
import { Notice } from "@/components/ui/notice";
import { DEFAULT_PRIMARY } from "@/lib/catalog/builtin-catalog";
import type { CatalogResponse } from "@/lib/catalog/catalog-types";
import { routedCount } from "@/lib/catalog/routed-count";
import { fetchModels, modelsQueryOptions } from "@/lib/client/models";
import { settingsQueryOptions, useSaveSettings, useSettings } from "@/lib/client/settings";
import { buildModelOptions, optionForRef } from "@/lib/catalog/model-options";
import { onboardingInput, suggestedAlias } from "./onboarding-input";
import { Step } from "./step";

function listNote(catalog: CatalogResponse): string {
  // The router's own models are counted; built-ins it does not serve are said apart.
  const { routed, notRouted } = routedCount(catalog.models);
  const others = notRouted
    ? `; ${notRouted} more ${notRouted === 1 ? "is" : "are"} listed but not currently routed`
    : "";
  const count = `${routed} models${others}`;
  if (catalog.source === "live") return `Showing the live list from the router (${count}).`;
  if (catalog.source === "cache")
    return `Showing the last list fetched from the router (${count}); refreshing it failed${catalog.error ? `: ${catalog.error}` : ""}.`;
  return `Showing the built-in list (${catalog.models.length} models): the router's live list is not available${catalog.error ? ` (${catalog.error})` : ""}.`;
}

/** Step 3: pick the default model (and its alias), save it as the primary, go to the catalog. */
export function DefaultModelStep({ tokenPresent }: { tokenPresent: boolean }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const aliasId = useId();
  const errorId = useId();
  // Under the models key, so saving the token (which invalidates the models) refreshes this list too.
  const catalog = useQuery({
    queryKey: [...modelsQueryOptions().queryKey, "refresh"] as const,
    queryFn: () => fetchModels(true),
    staleTime: 0,
  });
  const settings = useSettings();
  const save = useSaveSettings();
  const [primary, setPrimary] = useState(DEFAULT_PRIMARY);
  const [editedAlias, setEditedAlias] = useState<string | null>(null);
  const [finishError, setFinishError] = useState<string | null>(null);

  const existing = useMemo(() => settings.data?.aliases ?? {}, [settings.data]);
  const options = useMemo(
    () =>
      buildModelOptions(catalog.data?.models ?? [], {
        policies: ["cheapest", "fastest"],
        providers: false,
        aliases: existing,
        extraRefs: [DEFAULT_PRIMARY],
      }),
    [catalog.data, existing],
  );
  const alias = editedAlias ?? suggestedAlias(optionForRef(primary, options), existing);
  const input = settings.data ? onboardingInput(settings.data, primary, alias) : null;
  const issues = input
    ? validateInput(input, validationContextOf(settings.data)).filter(
        (issue) => issue.path === "primary" || issue.path.startsWith("aliases"),
      )
    : [];

  const finish = async () => {
    setFinishError(null);
    try {
      // Re-read the file right before saving so edits made meanwhile are kept.
      const current = await queryClient.fetchQuery({ ...settingsQueryOptions(), staleTime: 0 });
      if (current.parseError) {
        throw new Error(`${current.configPath} can't be parsed (${current.parseError.message}). Fix it, then finish.`);
      }
      await save.mutateAsync({ input: onboardingInput(current, primary, alias), etag: current.etag });
      router.push("/");
    } catch (error) {
      setFinishError(error instanceof Error ? error.message : "Saving failed");
    }
  };

  return (
    <Step number={3} title="Default Hugging Face model">
      <p className="text-zinc-600 dark:text-zinc-400">
        Saved as OpenClaw&apos;s primary model. <strong>:cheapest</strong> and <strong>:fastest</strong> let the router
        pick the backend by price or speed.
        {tokenPresent ? "" : " Without a token the list may be the built-in one."}
      </p>
      {catalog.data ? <p className="text-xs text-zinc-500 dark:text-zinc-400">{listNote(catalog.data)}</p> : null}
      {catalog.error ? (
        <Notice tone="warning">
          Could not load the model list: {catalog.error.message}. You can still type a ref.
        </Notice>
      ) : null}
      <div className="max-w-xl">
        <ModelCombobox
          label="Default Hugging Face model"
          value={primary}
          onChange={(ref) => {
            setPrimary(ref);
            setEditedAlias(null);
          }}
          options={options}
          invalid={issues.some((i) => i.path === "primary")}
        />
        <SelectedModel value={primary} options={options} />
      </div>
      <div className="max-w-xl">
        <label htmlFor={aliasId} className="mb-1 block text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Alias (optional)
        </label>
        <input
          id={aliasId}
          type="text"
          autoComplete="off"
          value={alias}
          onChange={(event) => setEditedAlias(event.target.value)}
          aria-invalid={issues.length > 0 || undefined}
          aria-describedby={issues.length ? errorId : undefined}
          className={inputClasses(issues.length > 0)}
        />
        <FieldError id={errorId} messages={issues.map((i) => i.message)} />
      </div>
      {finishError ? <Notice tone="error">Not saved: {finishError}</Notice> : null}
      <div className="flex items-center gap-2 pt-1">
        <Button
          variant="primary"
          onClick={() => void finish()}
          disabled={save.isPending || issues.length > 0 || !settings.data}
        >
          {save.isPending ? "Saving…" : "Finish"}
        </Button>
        <Link href="/" className={buttonClasses("ghost")}>
          Skip to the catalog
        </Link>
      </div>
    </Step>
  );
}
