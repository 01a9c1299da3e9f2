import "server-only";
/**
 * What the token routes do: the token's state as the browser may see it (masked), and saving or
 * removing the token saved in `<state dir>/.env` after the checks that keep a working token safe.
 */
import { HF_NEW_TOKEN_URL } from "@/lib/hf-urls";
import { checkTokenInput } from "@/lib/settings/token-rules";
import type { TokenSaveResult, TokenState } from "@/lib/settings/settings-types";
import { invalidateCatalog } from "@/lib/server/catalog/catalog-service";
import { describeFsError } from "@/lib/server/config-file/atomic-write";
import { AppError } from "@/lib/server/http/errors";
import { envFilePath } from "@/lib/server/paths";
import { RouterError, routerFetch } from "@/lib/server/router/router-client";
import { maskToken, removeTokenFromEnvFile, resolveToken, saveTokenToEnvFile } from "./token-store";

/** Whether a token is set, where it comes from and its mask; never the token. */
export async function tokenState(): Promise<TokenState> {
  const token = await resolveToken();
  return { present: token !== null, source: token?.source ?? null, masked: token ? maskToken(token.value) : null };
}

/** The trimmed token, or a 400 saying what is wrong with it (never echoing it); the saved token stays. */
function cleanToken(raw: string): string {
  const { token, problem } = checkTokenInput(raw);
  if (problem) throw new AppError("validation", problem, [{ path: "token", message: problem }]);
  return token;
}

/** A token in the server's environment wins over the saved one, so saving or removing would change nothing. */
async function refuseEnvToken(): Promise<void> {
  const current = await resolveToken();
  if (!current?.source.startsWith("env:")) return;
  const name = current.source.slice("env:".length);
  throw new AppError(
    "token_from_env",
    `The token comes from the ${name} environment variable of the dashboard server, which wins over a saved one. Change or unset ${name} there and restart the dashboard.`,
  );
}

/** Asks the router whether the token works: a 401/403 refuses it, an unreachable router only warns. */
async function checkTokenWithRouter(token: string): Promise<{ warning?: string }> {
  let response: Response;
  try {
    response = await routerFetch("/models", { token, headers: { accept: "application/json" } });
  } catch (error) {
    if (error instanceof RouterError && error.kind === "bad_token") {
      const message = "This token cannot be sent in an HTTP header: paste only the token, as Hugging Face shows it.";
      throw new AppError("validation", message, [{ path: "token", message }]);
    }
    if (!(error instanceof RouterError)) throw error;
    return { warning: `${error.message} The token was saved without being checked.` };
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

function unwritable(error: unknown): AppError {
  return new AppError("config_unwritable", describeFsError(error, envFilePath()));
}

/**
 * `PUT /api/token`: cleans the token, refuses when the environment's token would win anyway,
 * checks it with the router, saves it as `HF_TOKEN=…` and drops the catalog the old token fetched.
 */
export async function checkAndSaveToken(raw: string): Promise<TokenSaveResult> {
  const token = cleanToken(raw);
  await refuseEnvToken();
  const { warning } = await checkTokenWithRouter(token);
  await saveTokenToEnvFile(token).catch((error: unknown) => {
    throw unwritable(error);
  });
  invalidateCatalog();
  return { token: await tokenState(), ...(warning ? { warning } : {}) };
}

/** `DELETE /api/token`: removes the saved token (not one from the environment) and drops the catalog. */
export async function removeSavedToken(): Promise<TokenState> {
  await refuseEnvToken();
  await removeTokenFromEnvFile().catch((error: unknown) => {
    throw unwritable(error);
  });
  invalidateCatalog();
  return tokenState();
}
