"use client";

import type { ButtonHTMLAttributes } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * A button whose work is all in script (`onClick`): disabled in the server's HTML and until the
 * page has hydrated. Before then a click would do nothing, and the user could not tell why.
 * tests/unit/buttons-hydrated.test.ts keeps every such button on this component.
 */
export function ScriptButton({ disabled, ...props }: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type">) {
  const hydrated = useHydrated();
  return <button {...props} type="button" disabled={!hydrated || disabled} />;
}
