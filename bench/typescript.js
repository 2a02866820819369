// The functions, the runtime and the Office adapter are browser-side TypeScript (not in
// lib/): requiring this lets a benchmark load them, compiled on the fly with TypeScript's
// transpileModule, with the `CustomFunctions.Error` Excel's runtime provides.
"use strict";
const fs = require("node:fs");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};

globalThis.CustomFunctions = {
  Error: class {
    constructor(code, message) {
      this.code = code;
      this.message = message;
    }
  },
};
