import { HF_NEW_INFERENCE_TOKEN_URL } from "@/lib/hf-urls";
import { Step } from "./step";

export function CreateTokenStep({ done }: { done: boolean }) {
  return (
    <Step number={1} title="Create a token" done={done}>
      <p className="text-zinc-600 dark:text-zinc-400">
        On Hugging Face, create a <strong>fine-grained</strong> token with the permission{" "}
        <strong>“Make calls to Inference Providers”</strong>. The link below opens the form with that permission already
        ticked.
      </p>
      <p>
        <a
          href={HF_NEW_INFERENCE_TOKEN_URL}
          target="_blank"
          rel="noopener noreferrer"
          className="inline-flex items-center gap-1 font-medium text-accent-700 underline underline-offset-2 hover:text-accent-600 dark:text-accent-400"
        >
          Create a token<span className="sr-only"> (opens huggingface.co in a new tab)</span>
          <span aria-hidden>↗</span>
        </a>
      </p>
    </Step>
  );
}
