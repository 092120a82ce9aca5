import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/auth-sessions";
import { toUserDto } from "@/lib/users/user-dto";
import type { CreateUserBody, UpdateUserBody, UserDto } from "@/lib/schemas/user";

export async function listUsers(): Promise<UserDto[]> {
  const rows = await db.user.findMany({ orderBy: [{ disabled: "asc" }, { email: "asc" }] });
  return rows.map(toUserDto);
}

export async function getUserOrThrow(id: string): Promise<UserDto> {
  const u = await db.user.findUnique({ where: { id } });
  if (!u) throw new AppError("not_found", "No such user.");
  return toUserDto(u);
}

export async function createUser(actor: Actor, body: CreateUserBody): Promise<UserDto> {
  const existing = await db.user.findUnique({ where: { email: body.email } });
  if (existing) throw new AppError("conflict", `A user with e-mail ${body.email} already exists.`);
  const passwordHash = await hashPassword(body.password);
  const user = await db.$transaction(async (tx) => {
    const u = await tx.user.create({ data: { email: body.email, name: body.name, role: body.role, passwordHash } });
    await recordAudit(tx, { actor, action: "user.created", targetType: "user", targetId: u.id, details: { email: u.email, role: u.role } });
    return u;
  });
  return toUserDto(user);
}

export async function updateUser(actor: Actor, id: string, body: UpdateUserBody): Promise<UserDto> {
  const before = await db.user.findUnique({ where: { id } });
  if (!before) throw new AppError("not_found", "No such user.");
  const demotesOrDisablesAdmin =
    before.role === "admin" && !before.disabled && ((body.role && body.role !== "admin") || body.disabled === true);
  if (demotesOrDisablesAdmin) await assertAnotherActiveAdmin(id);
  const passwordHash = body.password ? await hashPassword(body.password) : undefined;
  const user = await db.$transaction(async (tx) => {
    const u = await tx.user.update({
      where: { id },
      data: { name: body.name, role: body.role, disabled: body.disabled, passwordHash },
    });
    if (body.role && body.role !== before.role)
      await recordAudit(tx, {
        actor,
        action: "user.role_changed",
        targetType: "user",
        targetId: id,
        details: { from: before.role, to: body.role },
      });
    if (body.disabled !== undefined && body.disabled !== before.disabled)
      await recordAudit(tx, { actor, action: body.disabled ? "user.disabled" : "user.enabled", targetType: "user", targetId: id });
    if (body.name && body.name !== before.name) await recordAudit(tx, { actor, action: "user.renamed", targetType: "user", targetId: id });
    if (passwordHash) await recordAudit(tx, { actor, action: "user.password_set", targetType: "user", targetId: id });
    // Who the sessions were opened as no longer holds: they end now, in the same transaction as the change.
    const why = passwordHash
      ? "password_changed"
      : body.disabled === true
        ? "disabled"
        : body.role && body.role !== before.role
          ? "role_changed"
          : null;
    if (why) await revokeUserSessions(tx, id, why);
    return u;
  });
  return toUserDto(user);
}

// An install must never lock itself out of administration.
async function assertAnotherActiveAdmin(exceptId: string): Promise<void> {
  const others = await db.user.count({ where: { role: "admin", disabled: false, id: { not: exceptId } } });
  if (others === 0) throw new AppError("conflict", "This is the last active admin; add another admin first.");
}
