/*
 * The standalone demo page (src/demo): the task pane on samples/demo.xlsx (or a
 * workbook the user opens) held in memory, beside a grid of its sheets. `npm start`
 * serves it with the add-in.
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");
const { compileHints } = require("./webpack.startup");

module.exports = (env = {}, argv = {}) => ({
  name: "demo",
  mode: argv.mode ?? "development",
  devtool: argv.mode === "production" ? false : "source-map",
  // boot.ts, without React or Fluent UI, runs first and begins reading the sample; the views (index.tsx) share its modules.
  entry: { boot: "./src/demo/boot.ts", demo: { import: "./src/demo/index.tsx", dependOn: "boot" } },
  output: {
    path: path.resolve(__dirname, env.demoOut ?? "dist"),
    filename: "[name].[contenthash:8].js",
    // exceljs (opening a workbook) and the new-workbook writer (downloading one) load on demand.
    chunkFilename: "[name].[contenthash:8].js",
    publicPath: "",
    clean: false,
  },
  resolve: { extensions: [".tsx", ".ts", ".js"] },
  module: {
    rules: [
      { test: /\.tsx?$/, loader: "ts-loader", options: { configFile: "tsconfig.web.json", transpileOnly: true, compilerOptions: { noEmit: false } }, exclude: /node_modules/ },
      { test: /\.xlsx$/, loader: path.resolve(__dirname, "src/demo/xlsxLoader.js"), type: "javascript/auto" },
    ],
  },
  plugins: [
    // The workbook's script too: compiled lazily, on the page's thread, its function would scan its megabytes of text again.
    compileHints(/^(book|boot|demo|vendor)\./),
    new HtmlWebpackPlugin({ template: "src/demo/demo.html", filename: "demo.html", chunks: ["boot", "demo"] }),
    // `--env book=FILE.xlsx` runs the demo on another workbook (the benchmark's 5,000 SKUs).
    ...(env.book ? [new webpack.NormalModuleReplacementPlugin(/samples[\\/]demo\.xlsx$/, path.resolve(env.book))] : []),
  ],
  optimization: {
    // The workbook and the libraries are scripts of their own, which the browser loads and compiles beside the page's code (on a core each), not after it.
    splitChunks: {
      cacheGroups: {
        book: { test: /\.xlsx$/, name: "book", chunks: "initial", enforce: true },
        // Only the views' libraries: one boot.ts needs (decimal.js) stays in its script, which must not wait for React's.
        vendor: { test: /[\\/]node_modules[\\/]/, name: "vendor", chunks: (chunk) => chunk.name === "demo", enforce: true },
      },
    },
  },
  performance: { hints: false },
});
