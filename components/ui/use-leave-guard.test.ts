// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { leavingLink } from "./use-leave-guard";

const HERE = new URL("http://127.0.0.1:3000/settings");

function clickOn(href: string, init: MouseEventInit = {}, attributes: Record<string, string> = {}): MouseEvent {
  const anchor = document.createElement("a");
  anchor.href = href;
  for (const [name, value] of Object.entries(attributes)) anchor.setAttribute(name, value);
  const inner = document.createElement("span");
  anchor.append(inner);
  document.body.append(anchor);
  const event = new MouseEvent("click", { bubbles: true, cancelable: true, button: 0, ...init });
  Object.defineProperty(event, "target", { value: inner });
  return event;
}

afterEach(() => document.body.replaceChildren());

describe("leavingLink", () => {
  it("is the page a plain click on a link to another page of ours goes to", () => {
    expect(leavingLink(clickOn("http://127.0.0.1:3000/playground"), HERE)?.pathname).toBe("/playground");
    expect(leavingLink(clickOn("http://127.0.0.1:3000/settings?tab=x"), HERE)?.search).toBe("?tab=x");
  });

  it("is null when this page stays: same page, a new tab or window, another site, a download", () => {
    expect(leavingLink(clickOn("http://127.0.0.1:3000/settings#history"), HERE)).toBeNull();
    expect(leavingLink(clickOn("http://127.0.0.1:3000/playground", { metaKey: true }), HERE)).toBeNull();
    expect(leavingLink(clickOn("http://127.0.0.1:3000/playground", { button: 1 }), HERE)).toBeNull();
    expect(leavingLink(clickOn("http://127.0.0.1:3000/playground", {}, { target: "_blank" }), HERE)).toBeNull();
    expect(leavingLink(clickOn("https://huggingface.co/models"), HERE)).toBeNull();
    expect(leavingLink(clickOn("http://127.0.0.1:3000/api/settings", {}, { download: "" }), HERE)).toBeNull();
  });
});
