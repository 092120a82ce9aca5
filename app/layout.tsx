import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

// Every page is rendered per request: its scripts carry the response's CSP nonce (proxy.ts), which a prerendered page
// could not, and the browser would refuse to run them.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "CXR Review",
  description: "Chest X-ray review with AI assistance. The reader decides; the AI only proposes.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
