"use client";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or an insecure origin): fall back to a selected textarea.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy ref". */
  label: string;
  children?: string;
  size?: "sm" | "md";
  variant?: "secondary" | "ghost";
}

/** Copies `text` and says so for a moment, visibly and to screen readers. */
export function CopyButton({ text, label, children, size = "sm", variant = "secondary" }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = window.setTimeout(() => setState("idle"), 1600);
    return () => window.clearTimeout(timer);
  }, [state]);
  const feedback = state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : null;
  return (
    <Button
      size={size}
      variant={variant}
      aria-label={label}
      title={label}
      onClick={() => void copyText(text).then((ok) => setState(ok ? "copied" : "failed"))}
    >
      <CopyIcon />
      <span aria-live="polite">{feedback ?? children ?? "Copy"}</span>
    </Button>
  );
}

function CopyIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 5.5v-2a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h2" />
    </svg>
  );
}
