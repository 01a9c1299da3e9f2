import { test, type Locator, type Page } from "@playwright/test";

/** What the page shows once a change arrived: text anywhere on it, or an input holding a value. */
export type Arrival = { text: string } | { input: Locator; value: string };

type Clock = Window & { __arrivedAt?: number };

/**
 * Starts a clock in the page, just before the test makes a change: each animation frame checks
 * `arrival` and keeps the wall-clock time it first holds. The test asserts the change with the
 * default timeout (a loaded machine may be slow; the figure is reported, never asserted), then
 * reads the figure with `reportLatency`.
 */
export async function watchArrival(page: Page, arrival: Arrival): Promise<void> {
  if ("input" in arrival) {
    await arrival.input.evaluate((element, value) => {
      const clock = window as Clock;
      delete clock.__arrivedAt;
      const tick = () => {
        if ((element as HTMLInputElement).value === value) clock.__arrivedAt = Date.now();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, arrival.value);
    return;
  }
  await page.evaluate((text) => {
    const clock = window as Clock;
    delete clock.__arrivedAt;
    const tick = () => {
      if (document.body.innerText.includes(text)) clock.__arrivedAt = Date.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, arrival.text);
}

/** Milliseconds from `start` (Date.now() when the change was made) to the arrival; kept as an annotation and logged. */
export async function reportLatency(page: Page, start: number, what: string): Promise<number> {
  const arrivedAt = await page.evaluate(() => (window as Clock).__arrivedAt);
  if (arrivedAt === undefined) throw new Error(`the page never recorded the arrival of ${what}`);
  const ms = arrivedAt - start;
  test.info().annotations.push({ type: "latency", description: `${what}: ${ms} ms` });
  console.log(`[latency] ${what}: ${ms} ms`);
  return ms;
}
