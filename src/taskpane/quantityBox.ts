import { useState } from "react";

/**
 * A box for a planner's quantity that shows a saved value: the text as typed (a new
 * value saved meanwhile, by this save or a co-author's edit, replaces it), and `commit`
 * (Enter, leaving the box), which saves what changed, blank for none, and puts the saved
 * value back when the save is refused.
 */
export function useQuantityBox(shown: string, save: (quantity: number | null) => Promise<unknown>) {
  const [text, setText] = useState(shown);
  // Adjusted while rendering, not in an effect.
  const [textFor, setTextFor] = useState(shown);
  if (shown !== textFor) {
    setTextFor(shown);
    setText(shown);
  }
  const commit = async () => {
    const trimmed = text.trim();
    if (trimmed === shown) return;
    if (!(await save(trimmed === "" ? null : Number(trimmed)))) setText(shown);
  };
  return { text, setText, commit };
}
