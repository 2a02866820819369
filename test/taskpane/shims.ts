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
