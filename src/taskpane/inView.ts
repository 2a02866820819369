import { useEffect, useRef } from "react";

/**
 * Brings an element into the pane's view when `active` turns true (a row's details or
 * an order opened below the fold), and focuses it for screen readers when it is
 * focusable (tabIndex -1). In a 320 px pane what opens must not open out of sight.
 */
export function useIntoView<T extends HTMLElement>(active: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!active || !element) return;
    element.scrollIntoView({ block: "nearest" });
    if (element.hasAttribute("tabindex")) element.focus({ preventScroll: true });
  }, [active]);
  return ref;
}
