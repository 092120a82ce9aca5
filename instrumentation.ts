// Next.js calls register() once per server process: start background work in the Node.js runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startBackground } = await import("@/lib/server/start-background");
    await startBackground();
  }
}
