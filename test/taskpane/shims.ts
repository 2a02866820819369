import { configure } from "@testing-library/react";
import { TextDecoder, TextEncoder } from "node:util";

/** jsdom lacks a few browser APIs that Fluent UI and the integration module touch. */
const g = globalThis as Record<string, unknown>;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
g.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
if (typeof window !== "undefined") {
  // The pane brings what opens into view; jsdom lays nothing out.
  Element.prototype.scrollIntoView ??= function scrollIntoView() {};
  // Every box is 0 px wide in jsdom, so the tab bar would put every tab in its "More views" menu:
  // here boxes have room (the browser tests check the real widths).
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 1000 });
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
}

// Fluent's dialogs and popovers start hidden for their enter animation, which never runs in jsdom:
// queries look at hidden elements too. The browser tests check what is really visible.

configure({ defaultHidden: true });

// waitFor and findBy* give up after 1 s by default: too little for Fluent in jsdom on a loaded 2-core machine.
// They still return as soon as what they wait for is there.
configure({ asyncUtilTimeout: 20_000 });
