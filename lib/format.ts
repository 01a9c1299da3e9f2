/** Display formatting shared by the catalog, the details view and the playground. Unknown = "—". */

export const UNKNOWN = "—";

function trimNumber(value: number, digits: number): string {
  return value
    .toFixed(digits)
    .replace(/\.0+$/, "")
    .replace(/(\.\d*?)0+$/, "$1");
}

/**
 * Context window in tokens: 131072 -> "128K", 128000 -> "128K", 1048576 -> "1M".
 * Powers of two read in binary units, round decimal sizes in decimal ones, as model cards do.
 */
export function formatContext(tokens: number | null | undefined): string {
  if (tokens == null || !Number.isFinite(tokens) || tokens <= 0) return UNKNOWN;
  const unit = tokens % 1000 !== 0 && tokens % 1024 === 0 ? 1024 : 1000;
  if (tokens >= unit * unit) return `${trimNumber(tokens / (unit * unit), 1)}M`;
  if (tokens >= unit) return `${trimNumber(Math.round((tokens / unit) * 10) / 10, 1)}K`;
  return String(tokens);
}

/** USD per 1M tokens: "$0.15", "$2.10", "$0.015", "$0"; unknown "—". */
export function formatPrice(usd: number | null | undefined): string {
  if (usd == null || !Number.isFinite(usd) || usd < 0) return UNKNOWN;
  if (usd === 0) return "$0";
  if (usd >= 0.1) return `$${usd.toFixed(2)}`;
  return `$${trimNumber(Number(usd.toPrecision(2)), 6)}`;
}

/** "$0.15–$0.60", or one price when both ends agree. */
export function formatPriceRange(min: number | null | undefined, max: number | null | undefined): string {
  if (min == null) return formatPrice(max);
  if (max == null || max === min) return formatPrice(min);
  return `${formatPrice(min)}–${formatPrice(max)}`;
}

/** "45 tok/s", "1.2 tok/s". */
export function formatThroughput(tokensPerSecond: number | null | undefined): string {
  if (tokensPerSecond == null || !Number.isFinite(tokensPerSecond) || tokensPerSecond <= 0) return UNKNOWN;
  const digits = tokensPerSecond < 10 ? 1 : 0;
  return `${trimNumber(tokensPerSecond, digits)} tok/s`;
}

/** "588 ms", "1.49 s". */
export function formatLatency(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return UNKNOWN;
  if (ms >= 1000) return `${trimNumber(ms / 1000, 2)} s`;
  return `${Math.round(ms)} ms`;
}

// One formatter: `toLocaleString` with a locale builds a new one per call (~0.1 ms each, per render).
const counts = new Intl.NumberFormat("en-US");

/** "10,137" — fixed to en-US so server and browser render the same text. */
export function formatCount(count: number): string {
  return counts.format(count);
}

/** "just now", "5 min ago", "3 h ago", "2 days ago"; unknown "—". */
export function formatAge(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return UNKNOWN;
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return UNKNOWN;
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? "" : "s"} ago`;
}

/** "512 B", "3.4 KB", "20.1 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
