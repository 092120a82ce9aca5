"use client";

import { useState } from "react";
import { PacsSearchPanel } from "@/components/pacs/pacs-search-panel";
import { Button } from "@/components/ui/button";

// The worklist's "Search PACS" button; the panel mounts (and queries) only when opened.
export function PacsSearchToggle() {
  const [open, setOpen] = useState(false);
  return (
    <div className="space-y-3">
      <Button variant="secondary" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="pacs-search-toggle">
        {open ? "Close PACS search" : "Search PACS"}
      </Button>
      {open && <PacsSearchPanel />}
    </div>
  );
}
