/** Shared look of text inputs; `invalid` adds the error border. */
export function inputClasses(invalid = false, extra = ""): string {
  const border = invalid ? "border-red-500 dark:border-red-500" : "border-zinc-300 dark:border-zinc-700";
  return `h-9 w-full rounded-md border ${border} bg-white px-2.5 text-sm text-zinc-900 placeholder:text-zinc-400 disabled:bg-zinc-100 disabled:text-zinc-500 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-600 dark:disabled:bg-zinc-900 ${extra}`;
}
