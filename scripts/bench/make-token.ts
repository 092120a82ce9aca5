// Prints a fresh predict-scoped API token for the first admin of the database in DATABASE_URL (benchmarks only).
import { db } from "@/lib/db";
import { createToken } from "@/lib/tokens/manage-tokens";

const admin = await db.user.findFirstOrThrow({ where: { role: "admin" } });
const t = await createToken({ id: admin.id, email: admin.email }, { name: "bench", scopes: ["predict"] });
console.log(t.token);
await db.$disconnect();
