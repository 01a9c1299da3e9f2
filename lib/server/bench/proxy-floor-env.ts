/**
 * The environment variable that switches the bench's trivial proxy route on (proxy-floor.ts): `1` in
 * the environment of the server `npm run bench` starts; anything else leaves the route a 404. Its
 * own module, without `server-only`, so the bench script can name it too.
 */
export const PROXY_FLOOR_ENV = "HF_PICKER_BENCH_FLOOR";
