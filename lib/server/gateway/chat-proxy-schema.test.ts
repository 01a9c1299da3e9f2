import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gatewayChatBodySchema, quickChatBody } from "./chat-proxy-schema";

/** Bodies near the schema's edges: right and wrong types, lengths around the limits, extra fields. */
const anyValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()));
const modelArb = fc.oneof(fc.string({ maxLength: 5 }), fc.string({ minLength: 298, maxLength: 302 }), anyValue);
const messageArb = fc.oneof(
  fc.record({ role: fc.oneof(fc.constantFrom("user", "system", "assistant", ""), anyValue), content: anyValue }),
  fc.record({ content: fc.string() }),
  anyValue,
);
const bodyArb = fc.oneof(
  fc.record(
    {
      model: modelArb,
      models: fc.oneof(fc.array(fc.string({ maxLength: 5 }), { maxLength: 6 }), anyValue),
      messages: fc.oneof(fc.array(messageArb, { maxLength: 4 }), anyValue),
      stream: fc.oneof(fc.boolean(), anyValue),
      max_tokens: anyValue,
    },
    { requiredKeys: [] },
  ),
  anyValue,
);

describe("quickChatBody", () => {
  it("recognises only bodies the schema accepts, and gives what the schema would", () => {
    fc.assert(
      fc.property(bodyArb, (body) => {
        const json: unknown = JSON.parse(JSON.stringify(body));
        const quick = quickChatBody(json);
        if (quick === null) return;
        const parsed = gatewayChatBodySchema.safeParse(json);
        expect(parsed.success).toBe(true);
        expect(quick).toEqual(parsed.data);
      }),
      { numRuns: 3000 },
    );
  });

  it("recognises the usual chat bodies", () => {
    const bodies = [
      { model: "huggingface/Qwen/Qwen3-8B", stream: true, messages: [{ role: "user", content: "hi" }] },
      {
        messages: [
          { role: "system", content: "be brief" },
          { role: "user", content: [{ type: "text", text: "x" }] },
        ],
      },
      { model: null, stream: null, tools: [], messages: [{ role: "user", content: "hi" }] },
    ];
    for (const body of bodies) expect(quickChatBody(body)).toBe(body);
  });

  it("leaves everything else to the schema", () => {
    for (const body of [
      null,
      [],
      { messages: [] },
      { messages: [{ role: "" }] },
      { messages: [null] },
      { model: 3, messages: [{ role: "user" }] },
      { model: "m".repeat(301), messages: [{ role: "user" }] },
      { stream: "yes", messages: [{ role: "user" }] },
      { models: ["a"], messages: [{ role: "user" }] },
    ])
      expect(quickChatBody(body)).toBeNull();
  });
});
