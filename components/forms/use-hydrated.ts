"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and until React has hydrated the page, true from then on. A button
 * whose work is all in script is disabled until then: a click before the page's JavaScript has
 * run would otherwise do nothing, and the user could not tell.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
