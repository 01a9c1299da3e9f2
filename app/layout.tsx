import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Nav } from "@/components/nav";
import { Providers } from "@/components/providers";
import { TokenBadge } from "@/components/token-badge";
import "./globals.css";

export const metadata: Metadata = {
  title: "HF Model Picker",
  description: "Pick Hugging Face Inference Providers models for OpenClaw and any OpenAI-compatible client",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: Next puts the nonce of proxy.ts's Content-Security-Policy on its scripts,
  // and a page prerendered at build time would carry none.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>
          <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
            <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:gap-6">
              <Link
                href="/"
                className="flex shrink-0 items-center gap-2 font-semibold"
                aria-label="HF Model Picker home"
              >
                <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6">
                  <circle cx="12" cy="12" r="11" className="fill-accent-400" />
                  <circle cx="8.5" cy="10" r="1.6" className="fill-zinc-900" />
                  <circle cx="15.5" cy="10" r="1.6" className="fill-zinc-900" />
                  <path
                    d="M7.5 14.5c1.2 1.8 2.7 2.6 4.5 2.6s3.3-.8 4.5-2.6"
                    className="fill-none stroke-zinc-900"
                    strokeWidth="1.6"
                    strokeLinecap="round"
                  />
                </svg>
                <span className="hidden whitespace-nowrap sm:inline">HF Model Picker</span>
              </Link>
              <Nav />
              <div className="ml-auto shrink-0">
                <TokenBadge />
              </div>
            </div>
          </header>
          <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
