"use client";
import { useId, useState, type KeyboardEvent } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import {
  buildSnippet,
  SNIPPET_LANGUAGES,
  type SnippetLanguage,
  type SnippetRequest,
  type SnippetTarget,
} from "@/lib/chat/snippets";

const LANGUAGE_LABEL: Record<SnippetLanguage, string> = { curl: "curl", javascript: "JavaScript", python: "Python" };
const TARGETS: { value: SnippetTarget; label: string; hint: string }[] = [
  {
    value: "router",
    label: "Hugging Face router",
    hint: "Straight to the router with your own HF_TOKEN; the model id has no huggingface/ prefix.",
  },
  {
    value: "gateway",
    label: "This dashboard",
    hint: "Through this dashboard's gateway: aliases, default and fallbacks apply; the token stays on the server.",
  },
];

export interface SnippetsCardProps {
  /** The card's heading (in compare mode it names the model: "Code for model B"). */
  title?: string;
  request: SnippetRequest;
  gatewayBaseUrl: string;
  gatewayKeyRequired: boolean;
  /** Said under the router variant, e.g. that fallbacks only apply through the gateway. */
  routerNote?: string;
}

/** The current request as code (curl, JavaScript `openai`, Python `openai`), for the router or this gateway. */
export function SnippetsCard({
  title = "Code for this request",
  request,
  gatewayBaseUrl,
  gatewayKeyRequired,
  routerNote,
}: SnippetsCardProps) {
  const id = useId();
  const [language, setLanguage] = useState<SnippetLanguage>("curl");
  const [target, setTarget] = useState<SnippetTarget>("router");
  const code = buildSnippet(target, language, request, { gatewayBaseUrl, gatewayKeyRequired });

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = SNIPPET_LANGUAGES.indexOf(language);
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = SNIPPET_LANGUAGES[(index + step + SNIPPET_LANGUAGES.length) % SNIPPET_LANGUAGES.length] ?? "curl";
    setLanguage(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-zinc-200 dark:border-zinc-800">
      <header className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <h2 id={`${id}-title`} className="text-sm font-semibold">
          {title}
        </h2>
        <div role="tablist" aria-label="Language" className="flex gap-1">
          {SNIPPET_LANGUAGES.map((lang) => (
            <button
              key={lang}
              id={`${id}-tab-${lang}`}
              type="button"
              role="tab"
              aria-selected={lang === language}
              aria-controls={`${id}-panel`}
              tabIndex={lang === language ? 0 : -1}
              onClick={() => setLanguage(lang)}
              onKeyDown={onTabKey}
              className={`rounded-md px-2.5 py-1 text-xs font-medium ${
                lang === language
                  ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
                  : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
              }`}
            >
              {LANGUAGE_LABEL[lang]}
            </button>
          ))}
        </div>
        <fieldset className="ml-auto flex items-center gap-3 text-xs">
          <legend className="sr-only">Send the request to</legend>
          {TARGETS.map((t) => (
            <label key={t.value} className="flex items-center gap-1.5" title={t.hint}>
              <input
                type="radio"
                name={`${id}-target`}
                value={t.value}
                checked={t.value === target}
                onChange={() => setTarget(t.value)}
              />
              {t.label}
            </label>
          ))}
        </fieldset>
      </header>
      <div
        id={`${id}-panel`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-${language}`}
        className="flex flex-col gap-2 p-3"
      >
        <div className="flex items-start gap-2">
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {TARGETS.find((t) => t.value === target)?.hint}
            {target === "router" && routerNote ? ` ${routerNote}` : null}
          </p>
          <div className="ml-auto">
            <CopyButton text={code} label="Copy code">
              Copy code
            </CopyButton>
          </div>
        </div>
        <pre
          tabIndex={0}
          className="max-h-80 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed dark:border-zinc-800 dark:bg-zinc-900"
        >
          <code aria-label={`${LANGUAGE_LABEL[language]} code`}>{code}</code>
        </pre>
      </div>
    </section>
  );
}
