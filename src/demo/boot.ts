import { openSampleEarly } from "./early";

/*
 * The demo page's first script, without React or Fluent UI: the sample's read and plan
 * run while the browser still loads and compiles the libraries' script, instead of
 * after it (index.tsx, the page's views, shows what they made).
 */
openSampleEarly();
