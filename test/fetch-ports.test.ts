import { describe, expect, it } from "vitest";
import { fetchablePort, PORT_OFFSETS, testPorts } from "./fetch-ports";

describe("ports fetch connects to", () => {
  it("skips the ports fetch refuses, as Node's own fetch does", async () => {
    expect(fetchablePort(4190)).toBe(4191);
    expect(fetchablePort(6665)).toBe(6670);
    expect(fetchablePort(3190)).toBe(3190);
    // Node's fetch refuses 4190 before connecting, for the port alone.
    await expect(fetch("http://127.0.0.1:4190/")).rejects.toMatchObject({ cause: { message: "bad port" } });
  });

  it("gives every test server its own port fetch connects to", () => {
    expect(testPorts(3100)).toMatchObject({ live: 3100, fresh: 3101, offline: 3102, fakeRouter: 3110, stress: 3190 });
    // 4100 + 90 = 4190 is refused; 6665..6669 are refused and must not collapse onto one port.
    expect(testPorts(4100).stress).toBe(4191);
    const crowded = testPorts(6664);
    expect(crowded).toMatchObject({ live: 6664, fresh: 6670, offline: 6671 });
    for (let base = 1; base < 11_000; base += 7) {
      const ports = Object.values(testPorts(base));
      expect(new Set(ports).size).toBe(Object.keys(PORT_OFFSETS).length);
      for (const port of ports) expect(fetchablePort(port)).toBe(port);
    }
  });
});
