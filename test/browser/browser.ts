import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import webpack from "webpack";

const root = path.resolve(__dirname, "../..");
export const RESULTS = path.join(root, "test-results");
export const CHROMIUM = "/usr/bin/chromium";

/** Builds the demo page (webpack.demo.js) into a fresh folder; answers the file URL of demo.html. */
export async function buildDemo(): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), "planster-demo-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(root, "webpack.demo.js"))({ demoOut: out }, { mode: "development" });
  config.devtool = false;
  config.context = root;
  await new Promise<void>((resolve, reject) =>
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
  return pathToFileURL(path.join(out, "demo.html")).href;
}

/** Debian's Chromium, headless, without a sandbox and without background traffic. */
export function launch(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "planster-chromium-")), {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`) });
}

/** Retries an assertion until it holds (the pane re-plans asynchronously), up to `ms`. */
export async function eventually(assertion: () => Promise<void>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
