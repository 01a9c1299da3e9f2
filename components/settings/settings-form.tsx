"use client";
import { useMemo } from "react";
import { Notice } from "@/components/ui/notice";
import type { CatalogModel } from "@/lib/catalog/catalog-types";
import { buildModelOptions } from "@/lib/catalog/model-options";
import type { SettingsState } from "@/lib/settings/settings-types";
import { AliasesEditor } from "./aliases-editor";
import { ChainCheckCard } from "./chain-check-card";
import { ChainFindings } from "./chain-findings";
import { ConfigFileCard } from "./config-file-card";
import { ConfigPreview } from "./config-preview";
import { ConflictDialog } from "./conflict-dialog";
import { FallbacksList } from "./fallbacks-list";
import { HistoryPanel } from "./history-panel";
import { ModelFactsCard } from "./model-facts-card";
import { OpenClawRouteCard } from "./openclaw-route-card";
import { OutsideChangeBanner } from "./outside-change-banner";
import { PrimaryField } from "./primary-field";
import { SaveBar } from "./save-bar";
import { useChainFindings } from "./use-chain-findings";
import { useSettingsForm } from "./use-settings-form";

export interface SettingsFormProps {
  /** The newest state read from the server. */
  latest: SettingsState;
  models: readonly CatalogModel[];
  checking: boolean;
  onCheckAgain: () => void;
}

/** Primary, fallbacks and aliases of the OpenClaw config, with preview, save and conflict handling. */
export function SettingsForm({ latest, models, checking, onCheckAgain }: SettingsFormProps) {
  const form = useSettingsForm(latest);
  const { draft, setDraft, input, issues } = form;
  const options = useMemo(
    () =>
      buildModelOptions(models, {
        aliases: input.aliases,
        extraRefs: [...(input.primary ? [input.primary] : []), ...input.fallbacks, ...Object.keys(form.base.aliases)],
      }),
    [models, input, form.base.aliases],
  );
  const checkable = issues.count === 0 && !form.parseError;
  const chain = useChainFindings(input, checkable);
  const findingsAt = (position: number, ref: string) => (
    <ChainFindings findings={chain.findingsFor(position, ref)} label={`Chain check: ${ref}`} />
  );

  return (
    <div className="flex flex-col gap-4">
      {form.outside ? (
        <OutsideChangeBanner
          current={form.outside}
          loaded={form.base}
          onReload={form.reloadFromOutside}
          onKeepEditing={form.keepEditing}
        />
      ) : null}
      <ConfigFileCard
        configPath={latest.configPath}
        exists={latest.exists}
        parseError={form.parseError}
        unmanaged={latest.unmanaged}
        checking={checking}
        onCheckAgain={onCheckAgain}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-4">
          <PrimaryField
            value={draft.primary}
            onChange={(primary) => setDraft({ ...draft, primary })}
            options={options}
            issues={issues.primary}
            notes={findingsAt(0, draft.primary)}
          />
          <FallbacksList
            fallbacks={draft.fallbacks}
            primary={draft.primary}
            onChange={(fallbacks) => setDraft({ ...draft, fallbacks })}
            options={options}
            listIssues={issues.fallbacks}
            itemIssues={issues.fallbackItems}
            rowNotes={(index, ref) => findingsAt(index + 1, ref)}
          />
          <ChainCheckCard state={chain} enabled={checkable} />
          <AliasesEditor
            rows={draft.aliasRows}
            onChange={(aliasRows) => setDraft({ ...draft, aliasRows })}
            options={options}
            rowIssues={issues.aliasRows}
          />
          <ModelFactsCard
            input={input}
            checked={draft.switches.modelFacts}
            onChange={(modelFacts) => setDraft({ ...draft, switches: { ...draft.switches, modelFacts } })}
            enabled={checkable}
            saved={form.base.modelFacts}
          />
          <OpenClawRouteCard
            checked={draft.switches.routeOpenClaw}
            saved={form.base.routeOpenClaw}
            baseUrl={form.base.openClawBaseUrl ?? null}
            onChange={(routeOpenClaw) => setDraft({ ...draft, switches: { ...draft.switches, routeOpenClaw } })}
          />
          {issues.general.length ? (
            <Notice tone="error">
              <ul>
                {issues.general.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            </Notice>
          ) : null}
        </div>
        <div className="min-w-0">
          <div className="lg:sticky lg:top-20">
            <ConfigPreview input={input} enabled={checkable} configPath={latest.configPath} />
          </div>
        </div>
      </div>
      <HistoryPanel currentEtag={latest.etag} dirty={form.dirty} onRestored={form.adopt} />
      <SaveBar
        dirty={form.dirty}
        issueCount={issues.count}
        blockedByParseError={Boolean(form.parseError)}
        canSave={form.canSave}
        saving={form.save.isPending}
        saved={form.save.isSuccess && !form.dirty}
        error={form.save.error}
        onSave={() => form.submit()}
        onDiscard={form.discard}
      />
      <ConflictDialog
        current={form.conflict}
        loaded={form.base}
        mine={input}
        saving={form.save.isPending}
        onReload={form.reloadFromConflict}
        onOverwrite={form.overwrite}
        onCancel={form.dismissConflict}
      />
    </div>
  );
}
