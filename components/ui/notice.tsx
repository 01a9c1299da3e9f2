import type { ReactNode } from "react";

type Tone = "info" | "success" | "warning" | "error";

const TONES: Record<Tone, string> = {
  info: "border-zinc-200 bg-zinc-50 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300",
  success:
    "border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-300",
  warning: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-300",
  error: "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300",
};

/** An inline message; errors and warnings are announced (`role="alert"`), the rest politely. */
export function Notice({
  tone = "info",
  children,
  className = "",
  id,
}: {
  tone?: Tone;
  children: ReactNode;
  className?: string;
  /** For `aria-describedby` of the field the notice is about. */
  id?: string;
}) {
  const role = tone === "error" || tone === "warning" ? "alert" : "status";
  return (
    <div id={id} role={role} className={`rounded-md border px-3 py-2 text-sm ${TONES[tone]} ${className}`}>
      {children}
    </div>
  );
}
