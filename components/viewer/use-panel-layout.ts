"use client";

import { useSession } from "next-auth/react";
import { useCallback, useEffect, useState } from "react";
import {
  DEFAULT_LAYOUT,
  layoutReducer,
  layoutStorageKey,
  parseLayout,
  type LayoutAction,
  type PanelLayout,
} from "@/lib/viewer/panel-layout";

/** The reader's panel layout, remembered per user in localStorage (read after mount, so server and client render alike). */
export function usePanelLayout(): [PanelLayout, (a: LayoutAction) => void] {
  const userId = useSession().data?.user.id ?? null;
  const [layout, setLayout] = useState<PanelLayout>(DEFAULT_LAYOUT);
  useEffect(() => {
    // Syncing from an external store (localStorage) once the user is known.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (userId) setLayout(parseLayout(window.localStorage.getItem(layoutStorageKey(userId))));
  }, [userId]);
  const dispatch = useCallback(
    (a: LayoutAction) =>
      setLayout((s) => {
        const next = layoutReducer(s, a);
        if (userId) window.localStorage.setItem(layoutStorageKey(userId), JSON.stringify(next));
        return next;
      }),
    [userId],
  );
  return [layout, dispatch];
}
