/**
 * CLI: `npx tsx test/fake-router/main.ts [--port 4010] [--host 127.0.0.1] [--token X]
 * [--extra 0] [--chunk-delay 15] [--anonymous-limit N]`. Used by `npm run demo` and Playwright.
 */
import { parseArgs } from "node:util";
import { DEFAULT_FAKE_TOKEN, startFakeRouter } from "./server";

const USAGE =
  "usage: tsx test/fake-router/main.ts [--port 4010] [--host 127.0.0.1] [--token TOKEN] [--extra N] [--chunk-delay MS] [--anonymous-limit N]";

function intOption(name: string, value: string | undefined, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) {
    console.error(`fake router: --${name} must be a whole number, got "${value}"\n${USAGE}`);
    process.exit(2);
  }
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      token: { type: "string" },
      extra: { type: "string" },
      "chunk-delay": { type: "string" },
      "anonymous-limit": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const router = await startFakeRouter({
    port: intOption("port", values.port, 4010),
    host: values.host ?? "127.0.0.1",
    token: values.token ?? process.env.FAKE_ROUTER_TOKEN ?? DEFAULT_FAKE_TOKEN,
    extraModels: intOption("extra", values.extra, 0),
    chunkDelayMs: intOption("chunk-delay", values["chunk-delay"], 15),
    anonymousModelLimit: intOption("anonymous-limit", values["anonymous-limit"], undefined),
  });
  console.log(`fake router listening on ${router.url} (${router.modelCount} models)`);

  const stop = (signal: NodeJS.Signals) => {
    router.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`fake router: error while stopping on ${signal}`, error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error("fake router: could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
