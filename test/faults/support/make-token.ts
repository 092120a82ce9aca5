// Prints a fresh API token of the first admin in DATABASE_URL with the scopes given as argv[2] (comma-separated).
import { db } from "@/lib/db";
import { createToken } from "@/lib/tokens/manage-tokens";

const scopes = (process.argv[2] ?? "predict").split(",");
const admin = await db.user.findFirstOrThrow({ where: { role: "admin" } });
const t = await createToken({ id: admin.id, email: admin.email }, { name: `faults-${Date.now()}`, scopes: scopes as never });
console.log(t.token);
await db.$disconnect();
