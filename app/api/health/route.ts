export const dynamic = "force-dynamic";

// GET /api/health — the process is alive (no dependencies checked, no auth).
export function GET() {
  return Response.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) });
}
