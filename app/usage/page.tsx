import type { Metadata } from "next";
import { UsagePage } from "@/components/usage/usage-page";

export const metadata: Metadata = { title: "Usage · HF Model Picker" };

export default function Usage() {
  return <UsagePage />;
}
