/*
 * The Excel add-in: one bundle (src/addin.ts) shared by the task pane, the
 * PLANSTER.* functions and the ribbon command, the functions' metadata generated
 * from their JSDoc (functions.json), the page, the icons and the manifest.
 *   npm run build:web   production build into dist/
 *   npm run serve       https://localhost:3000 with the Office dev certificates
 */
const fs = require("node:fs");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { compileHints } = require("./webpack.startup");

const PORT = 3000;

/** HTTPS options from office-addin-dev-certs, or undefined (with the reason printed) to serve plain HTTP. */
async function devServerHttps() {
  try {
    const certs = require("office-addin-dev-certs");
    const paths = require("office-addin-dev-certs/lib/defaults");
    const have = () => [paths.caCertificatePath, paths.localhostCertificatePath, paths.localhostKeyPath].every((file) => fs.existsSync(file));
    // generateCertificates() works offline; getHttpsServerOptions() would run sudo to trust the CA.
    if (!have()) await certs.generateCertificates();
    return {
      ca: fs.readFileSync(paths.caCertificatePath),
      cert: fs.readFileSync(paths.localhostCertificatePath),
      key: fs.readFileSync(paths.localhostKeyPath),
    };
  } catch (error) {
    console.warn(`Serving over HTTP: the development certificates could not be made (${error && error.message ? error.message : error}). Excel needs HTTPS to load the add-in.`);
    return undefined;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const https = env.WEBPACK_SERVE ? await devServerHttps() : undefined;
  return {
    name: "addin",
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: { addin: "./src/addin.ts" },
    output: {
      path: path.resolve(__dirname, "dist"),
      // A fixed name: the manifest points Excel's functions runtime at addin.js.
      filename: "[name].js",
      publicPath: "",
      clean: false,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          loader: "ts-loader",
          options: { configFile: "tsconfig.web.json", transpileOnly: true, compilerOptions: { noEmit: false } },
          exclude: /node_modules/,
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      compileHints(/^addin\.js$/),
      new HtmlWebpackPlugin({ template: "src/taskpane/taskpane.html", filename: "taskpane.html", chunks: ["addin"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: PORT,
      host: "localhost",
      hot: false,
      server: https ? { type: "https", options: https } : { type: "http" },
      static: false,
    },
  };
};
