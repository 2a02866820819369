/*
 * The add-in's single bundle, loaded by taskpane.html in the shared runtime: the
 * ribbon's pane, the PLANSTER.* functions and the commands run in one page, so
 * they share one live model (src/functions/runtime.ts). Importing the functions
 * module registers them: the metadata plugin appends their
 * `CustomFunctions.associate` calls to it at build time.
 */
import "./functions/functions";
import { mountTaskpane } from "./taskpane/mount";

void Office.onReady(() => mountTaskpane());
