/*
 * What both bundles (the add-in's, the demo page's) do for a fast first load.
 */
const webpack = require("webpack");

/**
 * V8's explicit compile hint (Chromium 136 and later, so Edge's WebView2 too): every
 * function of the bundle is compiled while the script streams in, on a background
 * thread, instead of one by one on the page's thread when first called; almost all of
 * a pane's code runs on its first load. Added after minifying: the hint must be the
 * file's first line.
 */
const compileHints = (test) => new webpack.BannerPlugin({ banner: "//# allFunctionsCalledOnLoad", raw: true, test, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT });

module.exports = { compileHints };
