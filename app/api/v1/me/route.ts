import { withAuth } from "@/lib/api/with-auth";

// GET /api/v1/me — who the caller is (session or API token with the 'read' scope).
export const GET = withAuth(
  async ({ principal }) =>
    Response.json({
      user: { id: principal.userId, email: principal.email, name: principal.name, role: principal.role },
      via: principal.via,
    }),
  { tokenScope: "read" },
);
