import { describe, expect, it } from "vitest";
import { csvCell, csvHeader, csvLine } from "./usage-csv";
import type { UsageRow } from "./usage-types";

const row: UsageRow = {
  id: 1,
  at: "2025-01-02T03:04:05.000Z",
  client: "api",
  requested: "my, alias",
  ref: "huggingface/Qwen/Qwen3-8B:cheapest",
  provider: "together",
  status: 200,
  errorCode: null,
  stream: true,
  ttftMs: 120,
  totalMs: 900,
  promptTokens: 10,
  completionTokens: 20,
  tokensEstimated: false,
  costUsd: 0.000014,
  fallbackAttempts: 0,
};

describe("usage CSV", () => {
  it("writes a header and one line per request, empty cells for unknown values", () => {
    expect(csvHeader()).toBe(
      "at,client,requested,ref,provider,status,errorCode,stream,ttftMs,totalMs,promptTokens,completionTokens,tokensEstimated,costUsd,fallbackAttempts\r\n",
    );
    expect(csvLine(row)).toBe(
      '2025-01-02T03:04:05.000Z,api,"my, alias",huggingface/Qwen/Qwen3-8B:cheapest,together,200,,true,120,900,10,20,false,0.000014,0\r\n',
    );
  });

  it("quotes quotes and line breaks, and defuses spreadsheet formulas", () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell(-1)).toBe("-1");
    expect(csvCell(null)).toBe("");
  });
});
