/*
 * `npm start`: builds and serves, over HTTPS on https://localhost:3000 (another port
 * with `PORT=N npm start`), the add-in (the Excel developer's webpack.config.js, when
 * present) and the standalone demo page (webpack.demo.js) from one dev server. Run
 * after `npm run build` (the demo's xlsx loader and `planster sample` use lib/). When
 * the development certificates cannot be made it serves plain HTTP and says so.
 */
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");

const root = path.resolve(__dirname, "../..");
const PORT = port(process.env.PORT);

function port(text) {
  if (text === undefined || text === "") return 3000;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    console.error(`PORT must be a port number from 1 to 65535, not "${text}".`);
    process.exit(2);
  }
  return n;
}

async function configs(argv) {
  const list = [];
  const addinConfig = path.join(root, "webpack.config.js");
  if (fs.existsSync(addinConfig)) {
    const exported = require(addinConfig);
    const made = await (typeof exported === "function" ? exported({ WEBPACK_SERVE: true }, argv) : exported);
    list.push(...(Array.isArray(made) ? made : [made]));
  } else {
    console.log("webpack.config.js (the add-in's build) is not in this checkout yet: serving the demo page only.");
  }
  list.push(require(path.join(root, "webpack.demo.js"))({}, argv));
  return list;
}

/** Dev certificates for localhost; trusting their CA needs an administrator prompt, which we do not attempt. */
async function httpsOptions() {
  const certs = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  if (!fs.existsSync(defaults.localhostCertificatePath) || !certs.verifyCertificates()) {
    await certs.generateCertificates();
  }
  if (!certs.isCaCertificateInstalled()) {
    console.log(
      `Dev certificates are in ${defaults.certificateDirectory}, but their CA is not trusted by this machine: ` +
        "installing it needs an administrator prompt (npx office-addin-dev-certs install). Browsers will warn once; Excel needs it trusted to sideload.",
    );
  }
  return { ca: fs.readFileSync(defaults.caCertificatePath), cert: fs.readFileSync(defaults.localhostCertificatePath), key: fs.readFileSync(defaults.localhostKeyPath) };
}

/**
 * The dev server's options: the add-in config's own, on our port and HTTPS. No
 * `Access-Control-Allow-Origin` header: the pages are same-origin, and a wildcard
 * would let any web page the user opens read what this server serves (the sample
 * workbook, the bundle).
 */
function serverOptions(own, https) {
  return { ...own, port: PORT, server: own.server ?? { type: "https", options: https }, static: own.static ?? false, open: false };
}

async function main() {
  if (!fs.existsSync(path.join(root, "samples/demo.xlsx"))) {
    execFileSync(process.execPath, [path.join(root, "bin/planster.js"), "sample", "samples/demo.xlsx", "--seed", "42"], { cwd: root, stdio: "inherit" });
  }
  const argv = { mode: "development" };
  const list = await configs(argv);
  const own = list.find((c) => c.devServer)?.devServer ?? {};
  for (const config of list) delete config.devServer;
  const options = serverOptions(own, own.server ? undefined : await httpsOptions());
  const server = new WebpackDevServer(options, webpack(list));
  await server.start();
  const origin = `${options.server.type === "https" ? "https" : "http"}://localhost:${PORT}`;
  console.log(`\nPlanster is served on ${origin}/`);
  console.log(`  Demo page (no Excel needed): ${origin}/demo.html`);
  if (list.length > 1) console.log(`  Add-in for sideloading:      manifest.xml → ${origin}/taskpane.html${PORT === 3000 ? "" : " (manifest.xml names port 3000)"}`);
}

module.exports = { serverOptions };

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
