// Run by `npm start` after migrations: creates the first admin and prints its one-time credentials.
import { ensureAdmin } from "@/lib/users/ensure-admin";
import { db } from "@/lib/db";

const r = await ensureAdmin();
if (r.created) {
  const line = "=".repeat(64);
  console.log(`\n${line}\n First admin created: ${r.email}`);
  console.log(
    r.password
      ? ` One-time password:   ${r.password}\n Change it after signing in (npm run users -- set-password).`
      : " Password: the ADMIN_PASSWORD you set.",
  );
  console.log(`${line}\n`);
}
await db.$disconnect();
