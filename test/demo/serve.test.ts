import { join } from "node:path";

const root = join(__dirname, "../..");

/* eslint-disable @typescript-eslint/no-require-imports */
describe("the dev server", () => {
  it("sends no Access-Control-Allow-Origin header: no other web page may read what it serves", async () => {
    const makeConfig = require(join(root, "webpack.config.js")) as (env: object, argv: object) => Promise<{ devServer: { headers?: Record<string, string> } }>;
    const { devServer } = await makeConfig({}, { mode: "development" });
    const { serverOptions } = require(join(root, "src/demo/serve.js")) as { serverOptions(own: object, https: object): { headers?: Record<string, string> } };
    for (const options of [devServer, serverOptions(devServer, {}), serverOptions({}, {})]) {
      const names = Object.keys(options.headers ?? {}).map((name) => name.toLowerCase());
      expect(names).not.toContain("access-control-allow-origin");
    }
  });
});
