import { afterEach, describe, expect, it } from "vitest";
import { checkSameOrigin } from "./origin-guard";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

function request(url: string, headers: Record<string, string> = {}): Request {
  return new Request(url, { method: "PUT", headers });
}

describe("checkSameOrigin", () => {
  it("lets requests without Origin through (curl, SDKs)", () => {
    expect(checkSameOrigin(request("http://127.0.0.1:3000/api/settings"))).toBeNull();
    expect(checkSameOrigin(request("http://localhost:3000/api/settings", { host: "localhost:3000" }))).toBeNull();
  });

  it("accepts the dashboard's own origin on loopback names and addresses", () => {
    expect(checkSameOrigin(request("http://127.0.0.1:3000/x", { origin: "http://127.0.0.1:3000" }))).toBeNull();
    expect(
      checkSameOrigin(request("http://[::1]:3000/x", { host: "[::1]:3000", origin: "http://[::1]:3000" })),
    ).toBeNull();
    expect(
      checkSameOrigin(request("http://localhost/x", { host: "localhost", origin: "http://localhost:80" })),
    ).toBeNull();
  });

  it("refuses a foreign Origin with 403", () => {
    const error = checkSameOrigin(request("http://127.0.0.1:3000/x", { origin: "https://evil.example" }));
    expect(error).toMatchObject({ code: "forbidden", status: 403 });
    expect(checkSameOrigin(request("http://127.0.0.1:3000/x", { origin: "http://127.0.0.1:4000" }))?.code).toBe(
      "forbidden",
    );
    expect(checkSameOrigin(request("http://127.0.0.1:3000/x", { origin: "null" }))?.code).toBe("forbidden");
  });

  it("refuses a Host that is not this server's, even with a matching Origin (DNS rebinding)", () => {
    const rebinding = request("http://127.0.0.1:3000/x", {
      host: "evil.example:3000",
      origin: "http://evil.example:3000",
    });
    expect(checkSameOrigin(rebinding)?.code).toBe("forbidden");
    expect(checkSameOrigin(request("http://127.0.0.1:3000/x", { host: "evil.example:3000" }))?.code).toBe("forbidden");
  });

  it("trusts the configured HOST, and any IP address when bound to every interface", () => {
    process.env.HOST = "picker.lan";
    expect(
      checkSameOrigin(
        request("http://picker.lan:3000/x", { host: "picker.lan:3000", origin: "http://picker.lan:3000" }),
      ),
    ).toBeNull();
    expect(checkSameOrigin(request("http://192.168.1.5:3000/x", { host: "192.168.1.5:3000" }))?.code).toBe("forbidden");
    process.env.HOST = "0.0.0.0";
    expect(
      checkSameOrigin(
        request("http://192.168.1.5:3000/x", { host: "192.168.1.5:3000", origin: "http://192.168.1.5:3000" }),
      ),
    ).toBeNull();
    expect(checkSameOrigin(request("http://picker.lan:3000/x", { host: "picker.lan:3000" }))?.code).toBe("forbidden");
  });

  it("judges a Host again when the bind address changes (the last trusted one is kept per HOST)", () => {
    process.env.HOST = "picker.lan";
    const lan = () => request("http://picker.lan:3000/x", { host: "picker.lan:3000" });
    expect(checkSameOrigin(lan())).toBeNull();
    expect(checkSameOrigin(lan())).toBeNull();
    process.env.HOST = "127.0.0.1";
    expect(checkSameOrigin(lan())?.code).toBe("forbidden");
    expect(checkSameOrigin(lan(), "picker.lan")).toBeNull();
  });
});
