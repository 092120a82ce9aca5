import { db } from "@/lib/db";
import { isAppError, isZodError } from "@/lib/errors";

// Runs a CLI's main: bad options and domain errors become one readable line (with the usage where it helps) and
// exit code 2, never a stack trace; the database connection is closed either way.
export function runCli(main: (argv: string[]) => Promise<number>, usage: string): void {
  main(process.argv.slice(2))
    .then((code) => (process.exitCode = code))
    .catch((e) => {
      if (isZodError(e))
        console.error(`invalid options: ${e.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; ")}\n\n${usage}`);
      else if ((e as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") console.error(`${(e as Error).message}\n\n${usage}`);
      else if (isAppError(e)) console.error(`error: ${e.message}`);
      else console.error(e instanceof Error ? e.message : e);
      process.exitCode = 2;
    })
    .finally(() => db.$disconnect());
}
