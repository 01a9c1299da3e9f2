// Preloaded into the dashboard by `npm run test:stress` (with --expose-gc): on SIGUSR2 it collects
// garbage and writes process.memoryUsage() to STRESS_MEMORY_FILE, so a scenario can compare the
// server's memory after GC instead of whatever the collector happened to leave.
import fs from "node:fs";

const file = process.env.STRESS_MEMORY_FILE;
if (file && typeof globalThis.gc === "function") {
  process.on("SIGUSR2", () => {
    let rounds = 0;
    const collect = () => {
      globalThis.gc();
      if (++rounds < 4) return setTimeout(collect, 50);
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
      fs.renameSync(`${file}.tmp`, file);
    };
    collect();
  });
}
