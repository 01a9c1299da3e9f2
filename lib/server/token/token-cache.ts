import "server-only";
import { fileMemo } from "@/lib/server/cache/file-memo";
import { envFilePath } from "@/lib/server/paths";
import { resolveToken, TOKEN_VARS, type ResolvedToken } from "./token-store";

const memo = fileMemo<ResolvedToken | null>({
  files: () => [envFilePath()],
  key: () => TOKEN_VARS.map((name) => process.env[name] ?? "").join("\0"),
  load: () => resolveToken(),
});

/**
 * The token as resolveToken() finds it, read again only when `<state dir>/.env` or the token
 * variables change: the per-request paths (gateway, catalog) do a stat, not a file read.
 */
export function cachedToken(): Promise<ResolvedToken | null> {
  return memo.get();
}

/** cachedToken() without a promise once it is loaded (the gateway's hot path). */
export function cachedTokenNow(): ResolvedToken | null | Promise<ResolvedToken | null> {
  return memo.peek();
}
