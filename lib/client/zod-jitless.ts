import { z } from "zod";

// zod 4 compiles object parsers with `new Function` when it may, and probes for that with a
// `Function("")` call that the pages' Content-Security-Policy (no 'unsafe-eval') reports as a
// violation. The interpreted parsers are fast enough for the dashboard's small answers.
z.config({ jitless: true });
