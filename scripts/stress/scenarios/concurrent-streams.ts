import { streamChat } from "../chat";
import type { Scenario } from "../types";

/** Many streamed chats at once through the gateway: every one completes, none gets a 5xx. */
export const scenario: Scenario = {
  name: "concurrent streams",
  async run({ scale, target }) {
    const count = scale === "full" ? 500 : 40;
    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: count }, (_, i) => streamChat(target, i, false)));
    const seconds = (performance.now() - started) / 1000;
    const completed = outcomes.filter((o) => o.status === 200 && o.done && !o.streamError).length;
    const serverErrors = outcomes.filter((o) => o.status >= 500).length;
    const problems: string[] = [];
    if (completed !== count) problems.push(`${count - completed} of ${count} streams did not complete`);
    if (serverErrors > 0) problems.push(`${serverErrors} answers were 5xx`);
    return {
      figures: { streams: count, completed, "5xx": serverErrors, seconds: seconds.toFixed(1) },
      problems,
    };
  },
};
