import "server-only";
import type { TokenState } from "@/lib/settings/settings-types";
import { HF_NEW_TOKEN_URL } from "@/lib/hf-urls";
import { AppError } from "@/lib/server/http/errors";
import { RouterError, routerFetch } from "@/lib/server/router/router-client";
import { maskToken, resolveToken } from "./token-store";

export async function tokenState(): Promise<TokenState> {
  const token = await resolveToken();
  return { present: token !== null, source: token?.source ?? null, masked: token ? maskToken(token.value) : null };
}

/** The trimmed token, or a 400 saying what is wrong with it (never echoing it). */
export function cleanToken(raw: string): string {
  const token = raw.trim();
  const refuse = (message: string) => new AppError("validation", message, [{ path: "token", message }]);
  if (token === "") throw refuse("Paste a Hugging Face token.");
  if (token.length > 512) throw refuse("This is too long to be a Hugging Face token.");
  if (/[\s"'`#\\\u0000-\u001f]/.test(token))
    throw refuse("A token has no spaces, quotes or line breaks: paste only the token.");
  return token;
}

/** A token in the server's environment wins over the saved one, so saving or removing would change nothing. */
export async function refuseEnvToken(): Promise<void> {
  const current = await resolveToken();
  if (!current?.source.startsWith("env:")) return;
  const name = current.source.slice("env:".length);
  throw new AppError(
    "token_from_env",
    `The token comes from the ${name} environment variable of the dashboard server, which wins over a saved one. Change or unset ${name} there and restart the dashboard.`,
  );
}

/** Asks the router whether the token works: a 401/403 refuses it, an unreachable router only warns. */
export async function checkTokenWithRouter(token: string): Promise<{ warning?: string }> {
  let response: Response;
  try {
    response = await routerFetch("/models", { token, headers: { accept: "application/json" } });
  } catch (error) {
    const reason = error instanceof RouterError ? error.message : "The router is not reachable.";
    return { warning: `${reason} The token was saved without being checked.` };
  }
  await response.body?.cancel().catch(() => undefined);
  if (response.status === 401 || response.status === 403) {
    throw new AppError(
      "token_rejected",
      `The router rejected this token (${response.status}). Create a fine-grained token with the “Make calls to Inference Providers” permission at ${HF_NEW_TOKEN_URL} and paste it here.`,
    );
  }
  if (!response.ok)
    return {
      warning: `The router answered ${response.status} while checking the token; it was saved without being checked.`,
    };
  return {};
}
