import { expect, test } from "@playwright/test";
import { e2e } from "./env";
import { CatalogPage } from "./pages/catalog-page";

test("tests every live backend of a model after showing the estimate, and shows what it measured", async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const catalog = new CatalogPage(page);
  await catalog.goto(e2e.live.url, `?model=${encodeURIComponent("Qwen/Qwen3-8B")}`);
  await expect(catalog.details.getByRole("heading", { name: "Qwen3 8B", level: 2 })).toBeVisible();
  const probe = catalog.details.getByRole("region", { name: "Test every backend" });
  // The estimate comes first: four live backends, one of them without a price.
  await expect(probe).toContainText("to each of the 4 live backends at once. Estimated cost: at most $0.");
  await expect(probe).toContainText("plus featherless-ai (no price known)");

  await probe.getByRole("button", { name: "Test every backend" }).click();
  const results = probe.getByRole("table", { name: /Test results/ });
  await expect(results).toContainText("4 of 4 answered");
  for (const provider of ["novita", "featherless-ai", "nscale", "hf-inference"]) {
    const row = results.getByRole("row", { name: new RegExp(`^${provider} `) });
    await expect(row.getByRole("cell").first()).toHaveText("ok");
  }
  await expect(
    results
      .getByRole("row", { name: /^hf-inference / })
      .getByRole("cell")
      .last(),
  ).toHaveText("$0");

  // The provider table puts what was just measured beside the router's figures.
  const providers = catalog.details.getByRole("table", { name: /Providers of this model/ });
  await expect(providers.getByRole("row", { name: /^novita / })).toContainText("you ");

  // Stored in the ledger as probe requests.
  const usage = (await (await request.get("/api/usage")).json()) as { recent: { client: string; requested: string }[] };
  const probes = usage.recent.filter((row) => row.client === "probe").map((row) => row.requested);
  expect(probes).toEqual(
    expect.arrayContaining(
      ["novita", "featherless-ai", "nscale", "hf-inference"].map((p) => `huggingface/Qwen/Qwen3-8B:${p}`),
    ),
  );
});
