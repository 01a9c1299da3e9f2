/**
 * The dashboard's gateway key (DASHBOARD_API_KEY), needed only when the dashboard listens beyond
 * loopback. Kept in sessionStorage for this tab: never the HF token, which never reaches the browser.
 */
const STORAGE_KEY = "hf-model-picker.gateway-key";
const listeners = new Set<() => void>();

export function readGatewayKey(): string {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? "";
  } catch {
    return "";
  }
}

export function writeGatewayKey(key: string): void {
  try {
    if (key) sessionStorage.setItem(STORAGE_KEY, key);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled: the key lasts until the next render only, which is still usable.
  }
  for (const listener of listeners) listener();
}

export function subscribeGatewayKey(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Error codes of the gateway that mean "send the dashboard key". */
export const GATEWAY_KEY_CODES: readonly string[] = ["invalid_api_key", "gateway_key_not_configured"];
