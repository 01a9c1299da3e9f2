/**
 * Ports `fetch` refuses to connect to ("bad port" in the Fetch standard, as Node's undici has it).
 * A test server on one of them cannot be reached: fetch rejects at once, every time.
 */
const BLOCKED = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** `port`, or the next one above it that fetch will connect to. */
export function fetchablePort(port: number): number {
  let candidate = port;
  while (BLOCKED.has(candidate)) candidate++;
  return candidate;
}

/** Each test server's place above `E2E_PORT_BASE`: every port a run listens on, in one list. */
export const PORT_OFFSETS = {
  live: 0,
  fresh: 1,
  offline: 2,
  fakeRouter: 10,
  gatewayAbort: 21,
  catalogLarge: 22,
  compatRoute: 40,
  stress: 90,
} as const;

export type PortName = keyof typeof PORT_OFFSETS;

/**
 * The ports of a run on `base`: base + each offset, moved up past the ports fetch refuses, and
 * never onto a port an earlier name already took (6665 and 6666 both skip to 6670 otherwise).
 */
export function testPorts(base: number): Record<PortName, number> {
  const names = (Object.keys(PORT_OFFSETS) as PortName[]).sort((a, b) => PORT_OFFSETS[a] - PORT_OFFSETS[b]);
  const ports = {} as Record<PortName, number>;
  let taken = -1;
  for (const name of names) {
    let candidate = fetchablePort(Math.max(base + PORT_OFFSETS[name], taken + 1));
    while (candidate <= taken) candidate = fetchablePort(candidate + 1);
    ports[name] = candidate;
    taken = candidate;
  }
  return ports;
}

/** This run's ports (`E2E_PORT_BASE`, 3100 unless set). */
export function runPorts(): Record<PortName, number> {
  return testPorts(Number(process.env.E2E_PORT_BASE) || 3100);
}
