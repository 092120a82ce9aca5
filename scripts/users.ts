// npm run users -- <command>: manage users from the command line (same services as the admin page, audited as "cli").
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { AppError, isAppError, isZodError } from "@/lib/errors";
import { generatePassword } from "@/lib/auth/password";
import { createUserBodySchema, updateUserBodySchema } from "@/lib/schemas/user";
import { createUser, listUsers, updateUser } from "@/lib/users/manage-users";

const USAGE = `usage: npm run users -- <command> [options]
  list
  add --email E --name N --role radiologist|annotator|admin [--password P]   (prints a generated password if none given)
  set-role --email E --role R
  disable --email E | enable --email E
  set-password --email E [--password P]`;

const CLI_ACTOR = { id: null, email: "cli" };

async function idOf(email: string | undefined): Promise<string> {
  if (!email) throw new AppError("bad_request", "--email is required.");
  const u = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!u) throw new AppError("not_found", `No user with e-mail ${email}.`);
  return u.id;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, password: { type: "string" } },
  });
  const cmd = positionals[0];
  switch (cmd) {
    case "list":
      for (const u of await listUsers())
        console.log(`${u.email.padEnd(32)} ${u.role.padEnd(12)} ${u.disabled ? "disabled" : "active"}  ${u.name}`);
      return 0;
    case "add": {
      const password = values.password ?? generatePassword();
      const body = createUserBodySchema.parse({ email: values.email, name: values.name, role: values.role, password });
      const u = await createUser(CLI_ACTOR, body);
      console.log(`added ${u.email} (${u.role})${values.password ? "" : `; one-time password: ${password}`}`);
      return 0;
    }
    case "set-role":
      await updateUser(CLI_ACTOR, await idOf(values.email), updateUserBodySchema.parse({ role: values.role }));
      console.log(`${values.email} is now ${values.role}`);
      return 0;
    case "disable":
    case "enable":
      await updateUser(CLI_ACTOR, await idOf(values.email), { disabled: cmd === "disable" });
      console.log(`${values.email} ${cmd}d`);
      return 0;
    case "set-password": {
      const password = values.password ?? generatePassword();
      await updateUser(CLI_ACTOR, await idOf(values.email), updateUserBodySchema.parse({ password }));
      console.log(`password set${values.password ? "" : `: ${password}`}`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (isZodError(e)) console.error(`error: ${e.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}`);
  else if (isAppError(e)) console.error(`error: ${e.message}`);
  else if (e instanceof Error && e.message.startsWith("Unknown option")) console.error(`error: ${e.message}\n${USAGE}`);
  else throw e;
  process.exitCode = 2;
} finally {
  await db.$disconnect();
}
