import "server-only";
import { checkChain } from "@/lib/catalog/chain-check";
import type { ChainCheck, ChainInput, ChainTest } from "@/lib/catalog/chain-types";
import { tryNormaliseRef } from "@/lib/refs";
import { getCatalog } from "@/lib/server/catalog/catalog-service";
import { readSettings } from "@/lib/server/config-file/config-store";
import { serverEnv } from "@/lib/server/env";
import { AppError } from "@/lib/server/http/errors";
import { resolveToken } from "@/lib/server/token/token-store";
import { testChain } from "./chain-tester";

/** The chain sent (unsaved edits), or the one in the saved config file. */
async function chainOf(body: ChainInput | undefined): Promise<ChainInput> {
  if (body) return body;
  const state = await readSettings();
  return { primary: state.primary, fallbacks: state.fallbacks };
}

/** `POST /api/settings/check`: findings about the chain, from today's catalog. */
export async function runChainCheck(body: ChainInput | undefined): Promise<ChainCheck> {
  return checkChain(await chainOf(body), await getCatalog());
}

/** `POST /api/settings/check/test`: one tiny request through each candidate that parses, in order. */
export async function runChainTest(body: ChainInput | undefined, signal: AbortSignal): Promise<ChainTest> {
  const chain = await chainOf(body);
  const candidates = [chain.primary, ...chain.fallbacks].flatMap((raw, position) => {
    const ref = raw === null ? null : tryNormaliseRef(raw);
    return ref ? [{ ref, position }] : [];
  });
  if (candidates.length === 0) throw new AppError("bad_request", "There is no model in the chain to test.");
  const token = await resolveToken();
  if (!token) {
    throw new AppError("bad_request", "No Hugging Face token is set: add one above to test the chain.");
  }
  const env = serverEnv();
  return testChain({
    candidates,
    token: token.value,
    routerUrl: env.HF_ROUTER_URL,
    timeoutMs: env.ROUTER_TIMEOUT_MS,
    signal,
  });
}
