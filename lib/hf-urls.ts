/** Hugging Face addresses the dashboard names in its code, its messages and its snippets. */

/** The router's OpenAI-compatible base URL; the server's default for `HF_ROUTER_URL`. */
export const HF_ROUTER_URL = "https://router.huggingface.co/v1";

/** Where a token is created; named in error messages that ask for a better token. */
export const HF_NEW_TOKEN_URL = "https://huggingface.co/settings/tokens/new";

/** The same form with a fine-grained token and "Make calls to Inference Providers" already ticked. */
export const HF_NEW_INFERENCE_TOKEN_URL = `${HF_NEW_TOKEN_URL}?ownUserPermissions=inference.serverless.write&tokenType=fineGrained`;
