/**
 * BENCHMARKS.md's "What each change bought": what each speed change did and what it measured when it
 * landed (the table above it has the figures of the run that writes the file).
 */
import type { ModelsFigures } from "./speed-http";
import { kb } from "./stats";

export function changesBought(at10k: ModelsFigures): string {
  return `- **\`/api/models\` built once** (\`lib/server/catalog/catalog-payload.ts\`): the merge, the JSON, the
  ETag and the brotli bytes happen once per live list and config version; a warm request is a few
  lookups and a write of the cached bytes, or a \`304\`.
  Before, each request re-read the config, re-merged and re-serialised the whole list (issue 10
  measured ≈ 4 MB per request at 10,000 models), and \`next start\` then gzipped ≈ 2 MB per request
  (0.13× \`/api/health\` in the run before this one); now the ratio is in the table.
- **Brotli compressed once** (\`lib/server/http/brotli-answer.ts\`, \`next.config.mjs\`): Next 16 drops
  a route handler's own \`Content-Encoding\`, so a \`headers()\` rule sets it for requests that accept
  br, and the route sends the bytes it compressed once (quality 10); other clients still get gzip
  from \`next start\` (${kb(at10k.gzip)} at 10,000 models).
- **Columnar wire shape** (\`lib/catalog/catalog-wire.ts\`, \`lib/catalog/wire-columns.ts\`, README "The
  catalog on the wire"): ids sharing prefixes, provider names once, one packed base-36 string per
  provider field. At 10,000 models the expanded shape is ${(at10k.expandedRaw / 1e6).toFixed(2)} MB (${kb(at10k.expandedGzip)} gzip); the row-per-model
  wire shape before this was 2.08 MB raw and 325 KB gzip sent; now ${(at10k.raw / 1e6).toFixed(2)} MB raw and ${kb(at10k.sent)} sent.
- **Gateway upstream over \`node:http\`** (\`lib/server/gateway/upstream-http.ts\`): keep-alive agents
  without a per-origin connection cap instead of the global \`fetch\`, whose WHATWG layers cost about
  twice the CPU per request (docs/ARCHITECTURE.md, "What a proxied chat costs per request"). The run
  before this one measured +17.7 ms added to the first byte (Next's floor +7.6 ms) and 2.16× direct
  for 300 streams; the table has the figures now.
- **The bench itself**: time to first byte was measured in separate sequential blocks of 25 whole
  streams per target, so load bursts fell on one target and not another (nginx came out at −18.7 ms
  "added"); it is now interleaved with pairwise differences. 300-stream batches reused pooled sockets
  the server was closing (resets, counted as failures); each batch now opens its own.
- **Stale-while-revalidate**: a page's catalog request waits at most 300 ms for the router, then gets
  the built-in (or last) list with "checking the router…"; before, it waited the whole
  \`ROUTER_TIMEOUT_MS\` (15 s). The 300 ms count from when the router was asked
  (\`LiveCache.pendingFor\`): while it hangs, later pages do not wait at all. Before that, every page
  waited its own 300 ms: 772 ms to the first row against 407 ms healthy (1.9×) in the run before.
- **Gateway without file reads** (\`lib/server/cache/file-memo.ts\`): settings and token are read and
  parsed once per file version; the environment is parsed once per change (issue 10 measured +9.0 ms
  added to the first byte before any of this).
- **No system call on a warm request** (\`lib/server/cache/file-watch.ts\`): the file caches (catalog
  overlay, gateway settings, token) trust \`fs.watch\` on their files' folders and stat only after a
  change (and once a second); the cached catalog bytes go out without the copy \`new Response(bytes)\`
  makes (\`lib/server/http/shared-body.ts\`). A CPU profile had put three \`stat\`s and a ~140 KB copy
  on every warm \`/api/models\` request: 0.75× \`/api/health\` at 10,000 models before, in a run of
  \`--only http\` on the same machine (with the usage ledger on).
- **One web stream per chat, not two** (\`lib/server/gateway/upstream-http.ts\`): the router's answer is
  read through a small reader over the socket's chunks instead of a \`Response\` and its byte stream,
  and what arrived while the gateway was busy goes on as one write. Before, with the usage ledger on:
  300 streams 2.16× direct, first byte +9.2 ms against Next's floor +4.8 ms (one \`--only http\` run).
- **Catalog page server-rendered with its data** (\`CatalogSeed\`, \`components/catalog/use-hydrated.ts\`):
  no request waterfall; the rows are in the first contentful paint. The hydration mismatch (React
  error 418) that had stopped it came from the status and settings queries the header fetched before
  the catalog hydrated. Above 1,000 models the HTML carries only the first screen of the view (the
  same search, filter and sort on the server, \`lib/catalog/catalog-results.ts\`) with the whole
  catalog's counts, and \`/api/models\` is preloaded: 10,000 models went from 2.22× the 150-model
  page (loaded machine) to the ratio in the table.
- **Search off the main thread above 1,000 models** (\`components/catalog/results-worker.ts\`): search,
  filter and sort in a module worker that sends back row positions (a transferable \`Int32Array\`);
  rows keyed by their slot in the window, so a keystroke or a scroll step updates rows' text instead
  of rebuilding them; the toolbar and filters left alone by the list's renders. Keystroke p95 was
  6.7× the bare input and scroll 8× a frame before (a loaded machine, \`--only keys\`), 498.8 ms and
  149.9 ms in the run that first had the page server-rendered.
- **First-load JS as a browser loads it**: Next's \`noModule\` polyfills (~39 KB gzip) were counted,
  though no module-capable browser fetches them; the details sheet is its own chunk (\`next/dynamic\`).
- **Markdown in its own chunk** (\`components/playground/lazy-markdown.tsx\`): react-markdown and
  remark-gfm load when the playground is idle or the first reply arrives, not with the page.
- **Scrolling: a fixed row window and leaner rows** (\`components/catalog/row-window.ts\`,
  \`model-row.tsx\`): a trace of the scroll showed the virtualizer's window alternating between 18
  and 19 rows as rows lined up with the viewport's edges; rows are keyed by index modulo that length,
  so every other frame re-assigned every slot (~125 text and ~76 attribute changes instead of ~45
  and ~26). The window now always has the most rows the viewport can show plus the overscan. Rows
  have 18 elements instead of ~24 (the list item is the row; units, the dot and the active edge are
  generated content), and the scroller is \`contain: strict\`, a layout boundary. Per scroll frame
  (trace, thread CPU, both builds side by side, two runs at load 8–10): main thread 12.8 → 11.1 and
  14.7 → 12.4 ms, raster 6.0 → 4.4 and 7.1 → 5.4 ms; \`--only keys\` back to back, scroll p95 7.0× →
  3.0× a frame (load 4 and 9).
- **Scrolling: rows keep their place in the DOM** (\`components/catalog/model-list.tsx\`,
  \`row-window.ts\`): in index order, the ~6 rows that scroll in each frame were moved by React to the
  other end of the list, and a moved row is restyled and rebuilt from scratch, with the whole
  document as the layout root (a trace: ~940 layout objects, 144 elements restyled per frame). While
  the list scrolls its rows are now in slot order, which the sliding window never changes, so only
  their text changes: 6 rows are the layout roots (~217 objects) and 27 elements are restyled; at
  rest, and while focus is in the list, they are in index order again (reading and tab order). The
  star is the button's background image instead of an \`<svg>\` in each row (15 elements, not 17).
  Per scroll frame (trace, thread CPU, both builds side by side, 10 pairs at load 5–7): main thread
  9.9–13.2 → 8.4–9.9 ms, 1.2–3.3 ms less in each pair (median −21%); style 1.3–1.7 → 0.6–0.7 ms.
  What is left per frame: React rendering the ~6 rows that scroll in (~2 ms), their layout (~1.8 ms)
  and Blink's layerization and paint (~3.2 ms).
- **Gateway chat routes as Pages API routes** (\`pages/api/v1/chat/completions.ts\`,
  \`lib/server/gateway/gateway-api-route.ts\`, \`node-answer.ts\`): Node's own request and response,
  so the router's chunks go to the client's socket with no web streams between them, and the
  headers leave with the first event in one write. In the same rounds Next's trivial Pages API route
  added +0.5 ms over bare Node against +2.1 ms for its trivial App Router route (load 3.8). As an App
  Router route the gateway added +5.6 ms against that floor's +3.1 ms (the run before this one);
  the table has both floors now. Per-stage marks in a production build (docs/ARCHITECTURE.md, "What a
  proxied chat costs per request"): Next's part up to the handler is the same as \`/api/ping\`'s; the
  two writes to the router and to the client (each wakes the other process) are what the bare Node
  proxy pays too; the gateway's own JavaScript is about 0.55 ms once warm (the body's JSON and zod
  0.10, building the \`node:http\` request 0.10, the first-event check 0.05, \`writeHead\` and the first
  write 0.08). No \`await\` on values already in hand and one parse of the first event took about
  0.05 ms off that. The bench times a fresh server's first 45 chats, when that code mostly runs
  unoptimised: a helper's harness saw 1.0–1.1 ms over the Pages floor after 3,000 chats, 1.3–1.9
  before. The bench now repeats its rounds after 1,000 unmeasured passes of every target (the table's
  "steady state"): warm code closes part of the gap, not all of it.
- **The first-byte bench in a random order, and a leaner gateway path** (\`scripts/bench-lib/http-bench.ts\`,
  \`lib/server/gateway/\`): the passes ran the targets in a rotated but fixed cyclic order, so each
  target always followed the same one. The gateway always came right after the direct call, to a
  dashboard idle since its last request, while \`/api/ping\` always came right after \`/api/health\`
  on the same dashboard, i.e. warm. A scratch harness (steady state, 25 samples a round): gateway −
  Pages floor 0.6 to 1.2 ms with the gateway right after the direct call, 0.2 to 0.6 when it followed a
  ping to its own server, 0.85 to 1.0 in a random order. Each pass now runs in a new seeded random
  order. Marks in a production build then showed every chat waiting ~0.06 ms for its body (Node marks a
  request \`complete\` only once its stream is read on, though all \`Content-Length\` bytes are
  buffered: now taken at once), and that code run once per request is ~10× slower than in a loop (one
  zod parse of a chat body: 37–42 µs as a request's first, 4–5 µs right after, 1.9 µs in a loop); so
  the usual chat body and first event are recognised by hand (the schema and the general check decide
  the rest), the token's check is kept for the last token, and a piece the meter cannot change goes
  out before the meter reads it. The gateway's marks before the router request went from 0.41–0.50 ms
  to ~0.37; side by side, wall-clock, the builds could not be told apart (gateway − Pages floor 0.58–0.87
  ms before, 0.55–0.81 after, six rounds each). One \`--only http\` run of both changes together:
  +2.3 ms fresh / +1.9 steady against the Pages floor's +1.4 / +1.1 (the last full run before them,
  rotated order: +2.9 / +2.7 against +1.2 / +0.9).
- **Keystrokes: a cheaper search and fewer requests** (\`lib/catalog/term-score.ts\`,
  \`catalog-results.ts\`, \`components/catalog/catalog-view.tsx\`): the typo check builds no strings
  (scoring a new term against the 10,156 models' words took 20–40 ms, now ~1.3 ms); the worker is
  asked from the keystroke's own event, before the address write and React's render, and answers
  with positions in the unsearched order it keeps per filters and sort; the icons are cached for a
  year and outside the proxy, since Chromium asks for the favicon after every address change, i.e.
  every keystroke. The bench types six queries (57 keys a round, so p95 is the third-worst key, not
  the second-worst of 24). A trace puts ~60 ms of page-thread work on a key (load 5–12): the input
  event 15–25 ms (the address write ~4.7 ms of it, kept synchronous so a reload keeps the last
  keystroke), rendering the answer's ~30 rows ~23 ms, then style, layout and paint; the worker takes
  1–20 ms.
- **Keystrokes: one render per key, and no address write** (\`components/catalog/search-box.tsx\`,
  \`use-catalog-url-state.ts\`, \`use-catalog-results.ts\`, \`catalog-view.tsx\`): the box keeps its own
  text (uncontrolled), so a key renders nothing but the box; the query waits unrendered for the
  worker's answer and is rendered with it, in one render instead of two. The address and Next's
  router follow when typing pauses (300 ms); until then the text is in sessionStorage, which a reload
  restores (the e2e "search typed just before a reload is kept" checks it). The rows' callbacks and
  the banner stay the same objects across answers. In one run, both builds interleaved, four
  rounds each (\`--only keys\` method, load 5–8 on 2 cores): page-thread task time per key 52.5 →
  21.1 ms, script 13.3 → 5.3 ms, keystroke p95 101.6 → 45.1 ms, i.e. 4.68× → 1.82× the bare input
  (medians of the rounds). A key now takes about two frames: the input paints in the first, the
  worker's answer (~5 ms after the keystroke's event) mostly lands after it and paints in the second.
- **Keystrokes: searched on the page's thread, painted with the key** (\`use-catalog-results.ts\`):
  timed per stage (keydown → posted → worker got it → searched → page got the answer → rendered →
  next frame), the worker searched in ~2 ms but its answer reached the page ~10 ms later: Chromium
  (\`DeferRendererTasksAfterInput\`, on by default, all task types) holds the page's tasks after a key
  until the frame that paints the key is drawn, so a worker's answer can never join that frame.
  With the feature switched off the wait fell to ~1 ms. So a keystroke is now searched on the page's
  thread, in its own input event (1–3 ms at 10,156 models), and its rows rendered there; the page
  builds its own index and warms the search up when the browser is idle after the catalog arrives,
  and the worker keeps filters, sort and any key typed before that. The bench's own measure
  (\`interaction\`), both builds served side by side, six rounds each, alternating (load ~2 on 2
  cores): keystroke median 31.4 → 16.2 ms (the bare input's 16.1), p95 37.1 → 27.8 ms, i.e. 2.05× →
  1.63× the bare input (medians of the rounds). Two \`--only keys --rounds 2\` runs after: 1.61× and
  2.11× (rounds 25.6/30.3 and 26.4/39.7 ms against the bare input's ~18.8): a key over one frame is
  one whose rows' render and the frame's layout and paint (10–15 ms in a trace, the list going from a
  few rows to many or back) outlast the frame. Per key, on a quiet machine (3 page loads of the
  bench's queries at 10,000 models): the worst keys were the first ones typed after the page loaded
  ("d" 47 and 46 ms, "de", "dee" 35–36 ms, while the median key took 15–18 ms like the bare input),
  i.e. the rows' render and layout running cold; later keys seldom passed 30 ms.
- **Keystrokes: the key's frame renders only the rows in view** (\`model-list.tsx\`, \`row-window.ts\`):
  traced per key (the page thread's CPU until the key's frame), the slow keys were the ones that
  change every row in view (a query's first letter, its clearing, "d" → "de", where 1,550 models match
  and their order changes): 19–24 ms against 10–14 for a typical key, about half of it the 19 rows'
  render, style, layout and paint; the first keys after a load also often pay a major garbage
  collection of the load's garbage (6–12 ms). A new list now renders the ~10 rows in view in its own
  render and the window's other 9 rows a task later, which Chromium runs once the key's frame is drawn:
  such keys 16–17 ms (medians of three traced page loads each). The bench's own measure
  (\`interaction\`), both builds served side by side, eight rounds each, alternating: keystroke p95 ÷
  the bare input's per round 1.43 1.90 1.56 1.64 1.89 2.07 2.26 3.13 before (median 1.90), 1.29 1.45
  1.17 1.23 1.47 2.20 1.67 1.43 after (median 1.45); six more rounds each, under more load: 2.25 2.33
  1.40 2.42 2.36 2.35 before (median 2.35), 1.53 1.62 1.68 1.71 1.72 1.76 after (median 1.71); an
  earlier pair of eight rounds under heavier load still: median 1.98 (up to 2.81) before, 1.80 (up to
  2.56) after. The worst keys of a round are still mostly its first ones ("d", "de": 20–68 ms). A
  throwaway render at idle, three times the search warm-up and V8 without bytecode flushing did not
  change them.
- **Next's floor for a proxy route, and fewer costly steps per chat** (\`lib/server/bench/proxy-floor.ts\`,
  \`lib/server/http/light-abort.ts\`, \`lib/server/gateway/\`): the session-18 finding that a trivial
  proxy inside Next costs no more than \`/api/ping\` came from the rotated order; in a random order a
  Pages API route that only pipes the chat to the router measured 0.35 to 0.63 ms over \`/api/ping\`
  (a scratch harness, 7 rounds of 40, steady, load below 1), the gateway 0.1 to 0.3 ms over it. That
  route is now in the bench (\`/api/floor/chat/completions\`, switched on by \`HF_PICKER_BENCH_FLOOR=1\`
  only in the bench's own server) as Next's floor for a proxy, with the gateway's verdict against both.
  On the gateway's path: no listener on an \`AbortSignal\` (4–5 µs per add and remove even in a hot
  loop; a chat did two of each), the last trusted \`Host\` and the last model's resolution kept,
  \`serverEnv()\` read once per request, the client's listeners after the first write. Marks: the
  access check 63 → 35 µs, the name resolution 48 → 21, the attempt's setup 43 → 17 (different runs).
  One \`--only http\` run: gateway +2.8 ms fresh / +2.2 steady, the trivial proxy route +2.5 / +2.0,
  \`/api/ping\` +1.7 / +1.3.
`;
}
