import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles every view uses, from Fluent's tokens: the pane is 320–450 px wide, so things wrap rather than overflow. */
export const useShared = makeStyles({
  /** Read by screen readers, not shown. */
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  /** Controls side by side, wrapping onto the next line when the pane is narrow. */
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  /** A view's parts one under another. */
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  /** A heading inside a view. */
  subheading: { marginTop: tokens.spacingVerticalM },
  /** A table that never grows wider than the pane: its columns share the width. */
  table: { tableLayout: "fixed", width: "100%" },
  /** Header and body cells of narrow tables: less padding than Fluent's default. */
  cell: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  /** Cells of several lines start level with each other. */
  top: { verticalAlign: "top", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  /** Numbers line up on their right edge. */
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  /** A list without bullets or indent. */
  plainList: { listStyleType: "none", paddingLeft: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  /** Quantities below safety stock. */
  short: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  /** A field that fills the pane's width. */
  wide: { width: "100%", minWidth: 0 },
});
