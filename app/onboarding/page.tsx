import type { Metadata } from "next";
import { OnboardingView } from "@/components/onboarding/onboarding-view";

export const metadata: Metadata = { title: "Set up · HF Model Picker" };

export default function OnboardingPage() {
  return <OnboardingView />;
}
