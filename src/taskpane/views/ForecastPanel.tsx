import { Text } from "@fluentui/react-components";
import { useMemo } from "react";
import { accuracySentence, demandSentence, overriddenSentence, safetyStockSentence } from "../../core/demandText";
import { accuracyRow } from "../../core/forecastRows";
import type { ItemLocation } from "../../core/model";
import type { Settings } from "../../core/settings";
import { useShared } from "../styles";
import { ForecastChart } from "./ForecastChart";

/**
 * An item-location's demand: where it comes from (and the method), its history next to
 * the forecast with the 10–90 % band, the backtest accuracy, and what sets its safety stock.
 */
export function ForecastPanel({ item, settings }: { item: ItemLocation; settings: Settings }) {
  const shared = useShared();
  // The backtest fits the history again (a millisecond or two): once per item and state.
  const accuracy = useMemo(() => (item.demandSource === "sales-history" ? accuracyRow(item) : undefined), [item]);
  const overridden = overriddenSentence(item, settings);
  return (
    <div className={shared.stack} role="region" aria-label="Demand" data-testid="forecast-panel">
      <Text size={200} block data-testid="demand-source">
        {demandSentence(item)}
      </Text>
      {overridden && (
        <Text size={200} block>
          {overridden}
        </Text>
      )}
      {(item.inputs.history || item.demandSource !== "none") && <ForecastChart item={item} settings={settings} />}
      {accuracy && (
        <Text size={200} block data-testid="forecast-accuracy">
          {accuracySentence(accuracy)}
        </Text>
      )}
      <Text size={200} block data-testid="safety-stock-rule">
        {safetyStockSentence(item, settings)}
      </Text>
    </div>
  );
}
