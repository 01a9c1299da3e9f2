import { Button } from "@/components/ui/button";
import { ROW_COLUMNS, ROW_HEIGHT, STAR_COLUMN } from "./layout-constants";

const bar = "rounded bg-zinc-200/80 dark:bg-zinc-800";

/** Placeholder rows with the real row height and columns, so nothing jumps when data arrives. */
export function SkeletonRows({ count = 10 }: { count?: number }) {
  return (
    <div aria-hidden className="animate-pulse">
      {Array.from({ length: count }, (_, index) => (
        <div
          key={index}
          className="flex items-center border-b border-zinc-100 dark:border-zinc-800/70"
          style={{ height: ROW_HEIGHT }}
        >
          <span className={`${STAR_COLUMN} flex justify-center`}>
            <span className={`size-4 ${bar}`} />
          </span>
          <span className={`${ROW_COLUMNS} flex-1 items-center gap-x-4 pr-4`}>
            <span className="flex flex-col gap-2">
              <span className={`h-3.5 ${bar}`} style={{ width: `${40 + ((index * 17) % 35)}%` }} />
              <span className={`h-2.5 w-1/2 ${bar}`} />
            </span>
            <span className={`ml-auto h-3 w-10 ${bar}`} />
            <span className={`ml-auto hidden h-3 w-28 sm:block ${bar}`} />
            <span className={`ml-auto hidden h-3 w-10 md:block ${bar}`} />
          </span>
        </div>
      ))}
    </div>
  );
}

/** The whole page while the route's search params resolve (Suspense fallback). */
export function CatalogSkeleton() {
  return (
    <div
      className="flex h-[calc(100dvh-6.5rem-1px)] min-h-[30rem] flex-col gap-3"
      aria-busy="true"
      aria-label="Loading the catalog"
    >
      <div className={`h-11 animate-pulse ${bar}`} />
      <div className={`h-9 animate-pulse ${bar}`} />
      <div className="min-h-0 flex-1 overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
        <SkeletonRows />
      </div>
    </div>
  );
}

export function CatalogError({
  message,
  onRetry,
  retrying,
}: {
  message: string;
  onRetry: () => void;
  retrying: boolean;
}) {
  return (
    <div role="alert" className="flex flex-col items-center gap-3 px-6 py-16 text-center">
      <p className="text-sm font-semibold">The catalog could not be loaded</p>
      <p className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">{message}</p>
      <Button onClick={onRetry} disabled={retrying}>
        {retrying ? "Retrying…" : "Retry"}
      </Button>
    </div>
  );
}

export function CatalogEmpty({ query, onClear }: { query: string; onClear: () => void }) {
  return (
    <div className="flex flex-col items-center gap-3 px-6 py-16 text-center">
      <p className="text-sm font-semibold">No models match</p>
      <p className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">
        {query ? <>Nothing matches “{query}” with the current filters. </> : <>No model passes the current filters. </>}
        Try fewer filters or another spelling.
      </p>
      <Button onClick={onClear}>Clear search and filters</Button>
    </div>
  );
}
