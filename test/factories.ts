import { randomUUID } from "node:crypto";
import { createUser } from "@/lib/users/manage-users";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import type { Role } from "@/lib/schemas/common";

export const TEST_PASSWORD = "correct horse battery";

// A user with a unique e-mail, created through the real service.
export function makeUser(role: Role = "radiologist") {
  return createUser(SYSTEM_ACTOR, {
    email: `${role}-${randomUUID().slice(0, 8)}@test.local`,
    name: `Test ${role}`,
    role,
    password: TEST_PASSWORD,
  });
}
