/** The browser figures of scripts/bench-speed.ts: first row, keystrokes, scrolling, first-load JS. */
import { figure, median, percentile, type Figure } from "./stats";
import { firstLoadJs, firstRow, interaction, launch, sharedJs } from "./page-bench";

export interface PageTargets {
  rounds: number;
  dash150: string;
  dash10k: string;
  dashHang: string;
  /** Only the keystrokes and scrolling at 10,000 models (`npm run bench -- --only keys`); the rest is NaN. */
  keysOnly?: boolean;
}

export interface PageFigures {
  firstRow150: Figure;
  fcp150: Figure;
  /** Per round: first row ÷ FCP at 150 models. */
  rowOverFcp150: Figure;
  firstRow10k: Figure;
  firstRowHang: Figure;
  keyP95: Figure;
  bareKeyP95: Figure;
  scrollP95: Figure;
  idleFrameMedian: Figure;
  /** The same page's idle frames at p95: how often this machine's load alone drops a frame. */
  idleFrameP95: Figure;
  js: { route: string; bytes: number }[];
  sharedJs: number;
}

/** 57 keystrokes a round (each query typed, then cleared): its p95 is the 3rd-worst, not the 2nd of 24. */
const QUERIES = ["deepsek r1", "lama 70", "qwen", "gpt oss 120b", "glm 4.7", "qwen3 coder"];
const ROUTES = ["/", "/settings", "/onboarding", "/playground", "/usage"];

export async function measurePages(targets: PageTargets): Promise<PageFigures> {
  const browser = await launch();
  try {
    const runs = { row150: [] as number[], fcp150: [] as number[], ratio: [] as number[] };
    const row10k: number[] = [];
    const hang: number[] = [];
    for (let round = 0; round < (targets.keysOnly ? 0 : targets.rounds); round++) {
      console.log(`  navigation → first row, round ${round + 1}/${targets.rounds}`);
      // Three navigations per round and dashboard; the round's figure is their median.
      const at150 = [await firstRow(browser, targets.dash150), await firstRow(browser, targets.dash150)];
      at150.push(await firstRow(browser, targets.dash150));
      runs.row150.push(median(at150.map((r) => r.firstRowMs)));
      runs.fcp150.push(median(at150.map((r) => r.fcpMs)));
      runs.ratio.push(median(at150.map((r) => r.firstRowMs / r.fcpMs)));
      const big = [];
      for (let i = 0; i < 3; i++) big.push((await firstRow(browser, targets.dash10k)).firstRowMs);
      row10k.push(median(big));
      const hanging = [];
      for (let i = 0; i < 3; i++) hanging.push((await firstRow(browser, targets.dashHang)).firstRowMs);
      hang.push(median(hanging));
    }
    const keys: number[] = [];
    const bare: number[] = [];
    const scroll: number[] = [];
    const idle: number[] = [];
    const idleP95: number[] = [];
    for (let round = 0; round < targets.rounds; round++) {
      console.log(`  keystrokes and scrolling at 10,000 models, round ${round + 1}/${targets.rounds}`);
      const result = await interaction(browser, targets.dash10k, QUERIES);
      keys.push(percentile(result.keys, 0.95));
      bare.push(percentile(result.bareKeys, 0.95));
      scroll.push(percentile(result.scrollFrames, 0.95));
      idle.push(median(result.idleFrames));
      idleP95.push(percentile(result.idleFrames, 0.95));
    }
    const js = [];
    const lists = [];
    for (const route of targets.keysOnly ? [] : ROUTES) {
      const { scripts, bytes } = await firstLoadJs(targets.dash150, route);
      js.push({ route, bytes });
      lists.push(scripts);
    }
    return {
      firstRow150: figure(runs.row150),
      fcp150: figure(runs.fcp150),
      rowOverFcp150: figure(runs.ratio),
      firstRow10k: figure(row10k),
      firstRowHang: figure(hang),
      keyP95: figure(keys),
      bareKeyP95: figure(bare),
      scrollP95: figure(scroll),
      idleFrameMedian: figure(idle),
      idleFrameP95: figure(idleP95),
      js,
      sharedJs: targets.keysOnly ? Number.NaN : await sharedJs(targets.dash150, lists),
    };
  } finally {
    await browser.close();
  }
}
