import { proxyFloor } from "@/lib/server/bench/proxy-floor";

/**
 * A bench floor, off by default (404): Next's trivial proxy route, measured beside the gateway by
 * `npm run bench` (lib/server/bench/proxy-floor.ts).
 */
export default proxyFloor;

export const config = { api: { bodyParser: false, responseLimit: false } };
