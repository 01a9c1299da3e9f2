"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/input-classes";
import { Notice } from "@/components/ui/notice";
import { useSaveToken } from "@/lib/client/token";
import type { TokenSaveResult } from "@/lib/settings/settings-types";
import { checkTokenInput } from "@/lib/settings/token-rules";

export interface TokenFormProps {
  label?: string;
  submitLabel: string;
  onSaved?: (result: TokenSaveResult) => void;
}

/** Password field that sends the token to the server, which checks it with the router before saving it. */
export function TokenForm({ label = "Hugging Face token", submitLabel, onSaved }: TokenFormProps) {
  const inputId = useId();
  const problemId = useId();
  const [value, setValue] = useState("");
  const save = useSaveToken();
  // The server runs the same check; here it answers before anything is sent.
  const { token, problem: rawProblem } = checkTokenInput(value);
  const problem = token === "" ? null : rawProblem;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (problem) return;
    save.mutate(token, {
      onSuccess: (result) => {
        setValue("");
        onSaved?.(result);
      },
    });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <label htmlFor={inputId} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="hf_…"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            if (save.isError) save.reset();
          }}
          aria-invalid={problem !== null || save.isError}
          aria-describedby={problem ? problemId : undefined}
          className={inputClasses(problem !== null || save.isError, "max-w-md font-mono")}
        />
        <Button type="submit" variant="primary" disabled={token === "" || problem !== null || save.isPending}>
          {save.isPending ? "Checking…" : submitLabel}
        </Button>
      </div>
      {problem ? (
        <Notice tone="error" id={problemId}>
          Not a token: {problem} The saved token stays as it is.
        </Notice>
      ) : (
        <TokenSaveOutcome error={save.error} result={save.data} />
      )}
    </form>
  );
}

function TokenSaveOutcome({ error, result }: { error: Error | null; result: TokenSaveResult | undefined }) {
  if (error) return <Notice tone="error">Token not saved: {error.message}</Notice>;
  if (!result) return null;
  if (result.warning) {
    return (
      <Notice tone="warning">
        Token saved, but it could not be checked: {result.warning}. It will be used as is; if calls fail with 401,
        replace it.
      </Notice>
    );
  }
  return <Notice tone="success">Token checked with the router and saved ({result.token.masked}).</Notice>;
}
