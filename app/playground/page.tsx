import type { Metadata } from "next";
import { PlaygroundView } from "@/components/playground/playground-view";

export const metadata: Metadata = { title: "Playground · HF Model Picker" };

export default async function PlaygroundPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { model } = await searchParams;
  return <PlaygroundView initialModel={typeof model === "string" ? model : null} />;
}
