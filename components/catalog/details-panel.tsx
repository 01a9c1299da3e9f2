"use client";
import { type Ref, useEffect, useRef } from "react";
import { modelTraits } from "@/lib/catalog/catalog-filter";
import { modelLabel } from "@/lib/catalog/display-name";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { usageOf } from "@/lib/client/catalog-actions";
import {
  choiceFromSuffix,
  isLockedChoice,
  liveProviders,
  refForChoice,
  type RoutingKind,
} from "@/lib/catalog/routing-policy";
import type { SettingsState } from "@/lib/settings/settings-types";
import { BackendPicker } from "./backend-picker";
import { CopyButton } from "@/components/ui/copy-button";
import { DetailsSummary } from "./details-summary";
import { ModelActions } from "./model-actions";
import { TraitBadges, UsageBadges } from "./model-badges";
import { PolicySelector } from "./policy-selector";
import { ProviderTable } from "./provider-table";
import { RoutingResult } from "./routing-result";
import { useLiveListKnown } from "@/lib/client/models";
import { useMeasured } from "@/lib/client/probe";
import { ProbeSection } from "./probe-section";

export interface DetailsPanelProps {
  ref?: Ref<HTMLElement>;
  modelId: string;
  model: CatalogModel | undefined;
  via: string;
  settings: SettingsState | undefined;
  onViaChange: (via: string) => void;
  onClose: () => void;
}

const section = "flex flex-col gap-3 border-t border-zinc-200 px-5 py-4 dark:border-zinc-800";
const sectionTitle = "text-sm font-semibold";

/** The model's details as a side sheet; the URL holds which model and which routing is chosen. */
export function DetailsPanel({ ref, modelId, model, via, settings, onViaChange, onClose }: DetailsPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const liveListKnown = useLiveListKnown();
  const measured = useMeasured(model?.id);
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [modelId]);

  const choice = choiceFromSuffix(via);
  const label = model ? modelLabel(model.name, model.alias) : { label: modelId, realName: null };

  const selectKind = (kind: RoutingKind) => {
    if (!model) return;
    if (kind === "provider") {
      onViaChange(choice.kind === "provider" ? choice.provider : (liveProviders(model)[0]?.provider ?? ""));
    } else onViaChange(kind === "default" ? "" : kind);
  };

  return (
    <aside
      ref={ref}
      role="dialog"
      aria-modal="false"
      aria-labelledby="details-title"
      className="fixed top-[calc(3.5rem+1px)] right-0 bottom-0 z-30 flex w-full flex-col border-l border-zinc-200 bg-white shadow-2xl sm:w-[40rem] xl:w-[44rem] dark:border-zinc-800 dark:bg-zinc-950 dark:shadow-black/60"
    >
      <header className="flex items-start gap-3 px-5 pt-4 pb-3">
        <div className="min-w-0 flex-1">
          <h2
            id="details-title"
            ref={headingRef}
            tabIndex={-1}
            className="truncate text-lg font-semibold focus-visible:outline-none"
          >
            {label.label}
          </h2>
          {label.realName ? <p className="text-sm text-zinc-500 dark:text-zinc-400">{label.realName}</p> : null}
          {model ? (
            <div className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1">
              <code className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{model.ref}</code>
              <CopyButton text={model.ref} label="Copy the model ref" variant="ghost" />
            </div>
          ) : null}
          {model ? (
            <div className="mt-1.5 flex flex-wrap gap-1">
              <UsageBadges usage={usageOf(model.ref, settings)} />
              <TraitBadges model={model} traits={modelTraits(model)} liveListKnown={liveListKnown} />
              <span className="text-xs text-zinc-500 dark:text-zinc-400">by {model.ownedBy}</span>
            </div>
          ) : null}
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close details"
          title="Close (Esc)"
          className="flex size-8 shrink-0 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-white"
        >
          <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75">
            <path d="m4 4 8 8M12 4l-8 8" strokeLinecap="round" />
          </svg>
        </button>
      </header>

      <div className="min-h-0 flex-1 overflow-y-auto">
        {!model ? (
          <div className={section}>
            <p className="text-sm">
              <code className="font-mono">{modelId}</code> is not in the catalog right now. It may have been removed by
              the router, or the link is mistyped.
            </p>
          </div>
        ) : (
          <>
            {!model.available && liveListKnown ? (
              <div className="mx-5 mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
                Not currently routed: this built-in model is missing from the router’s live list, so requests to it will
                likely fail.
              </div>
            ) : null}
            <div className="px-5 pb-4">
              <DetailsSummary model={model} />
            </div>
            <section aria-labelledby="routing-title" className={section}>
              <h3 id="routing-title" className="sr-only">
                Routing
              </h3>
              <PolicySelector model={model} choice={choice} onChange={selectKind} />
              {choice.kind === "provider" ? (
                <BackendPicker
                  model={model}
                  provider={choice.provider}
                  onChange={(provider) => onViaChange(provider)}
                />
              ) : isLockedChoice(choice) ? (
                <p className="rounded-md border border-dashed border-zinc-300 px-3 py-2 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
                  No backend to choose: with <code className="font-mono">:{choice.kind}</code> the router picks the
                  backend for each request.
                </p>
              ) : null}
              <RoutingResult model={model} choice={choice} refText={refForChoice(model, choice)} />
            </section>
            <section aria-labelledby="actions-title" className={section}>
              <h3 id="actions-title" className={sectionTitle}>
                Use it
              </h3>
              <ModelActions
                key={refForChoice(model, choice)}
                refText={refForChoice(model, choice)}
                settings={settings}
              />
            </section>
            <section aria-labelledby="providers-title" className={section}>
              <h3 id="providers-title" className={sectionTitle}>
                Providers{" "}
                <span className="font-normal text-zinc-500 dark:text-zinc-400">({model.providers.length})</span>
              </h3>
              <ProviderTable providers={model.providers} measured={measured.data?.providers} />
            </section>
            <section aria-labelledby="probe-title" className={section}>
              <h3 id="probe-title" className={sectionTitle}>
                Test every backend
              </h3>
              <ProbeSection model={model} />
            </section>
          </>
        )}
      </div>
    </aside>
  );
}
