"use client";

import { createContext, useContext, useState } from "react";

type Announcement = { kind: "ok" | "error"; text: string };

const AnnounceContext = createContext<((message: Announcement) => void) | null>(null);

/**
 * A page-level place for the outcome of an action taken on an item of a list. On a queue, a
 * decision usually takes the item off the list when the page refreshes, and a confirmation shown
 * inside the item would go with it; shown here, above the list, it stays until the next action.
 */
export function ActionAnnouncer({ children }: { children: React.ReactNode }) {
  const [message, setMessage] = useState<Announcement | null>(null);
  return (
    <AnnounceContext.Provider value={setMessage}>
      <div aria-live="polite" data-testid="action-outcome">
        {message ? (
          <div className={`alert ${message.kind}`} role={message.kind === "error" ? "alert" : "status"}>
            {message.text}
          </div>
        ) : null}
      </div>
      {children}
    </AnnounceContext.Provider>
  );
}

/** The page's announcer, or null where the component is not on a list page. */
export function useAnnounce() {
  return useContext(AnnounceContext);
}
