/**
 * What the methods fit from, computed once per history however many methods
 * (and `auto`) look at it: the observed weeks, the demand sizes, the season.
 */
import { type Sizes, sizesOf } from "./distribution";
import { type History, observedWeeks } from "./history";
import { type SeasonScore, scoreSeason, type SeasonKind } from "./seasonal";

/** Season lengths tried when the caller asks to choose (season 0): quarters, days, months, weeks. */
export const CHOSEN_PERIODS = [4, 7, 12, 52];

export class FitContext {
  private observedCache?: Float64Array;
  private sizesCache?: Sizes | null;
  private readonly seasons = new Map<string, SeasonScore | null>();

  /** `period`: the season length; 1 = none; 0 = choose among CHOSEN_PERIODS. */
  constructor(
    readonly history: History,
    readonly period: number,
  ) {}

  get observed(): Float64Array {
    return (this.observedCache ??= observedWeeks(this.history.y));
  }

  get sizes(): Sizes | undefined {
    if (this.sizesCache === undefined) this.sizesCache = sizesOf(this.history.y) ?? null;
    return this.sizesCache ?? undefined;
  }

  /** The best season (of one kind, or either), whether or not it beats none; undefined without two cycles. */
  season(kind?: SeasonKind): SeasonScore | undefined {
    const key = kind ?? "any";
    if (!this.seasons.has(key)) this.seasons.set(key, this.findSeason(kind) ?? null);
    return this.seasons.get(key) ?? undefined;
  }

  private findSeason(kind?: SeasonKind): SeasonScore | undefined {
    const periods = this.period === 0 ? CHOSEN_PERIODS : this.period >= 2 ? [this.period] : [];
    let best: SeasonScore | undefined;
    for (const m of periods) {
      const score = scoreSeason(this.history.y, m, kind);
      if (score && (!best || score.ratio < best.ratio)) best = score;
    }
    return best;
  }
}
