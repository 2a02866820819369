import { useEffect, useRef } from "react";

/**
 * Brings an element into the pane's view each time `when` changes to something (a
 * week's why just asked for, an order just opened below the fold), and focuses it for
 * screen readers when it takes focus (tabIndex -1). In a 320 px pane what opens must
 * not open out of sight.
 */
export function useIntoView<T extends HTMLElement>(when: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!when || !element) return;
    element.scrollIntoView({ block: "nearest" });
    if (element.hasAttribute("tabindex")) element.focus({ preventScroll: true });
  }, [when]);
  return ref;
}
