/** What the fake HF router of the e2e run serves, asked directly. */
import { e2e, FAKE_TOKEN } from "../env";

/** How many models the router's `/v1/models` lists. */
export async function routerModelCount(): Promise<number> {
  const response = await fetch(`${e2e.fakeRouterUrl}/models`, { headers: { authorization: `Bearer ${FAKE_TOKEN}` } });
  const body = (await response.json()) as { data: unknown[] };
  return body.data.length;
}
