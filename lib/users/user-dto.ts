import type { User } from "@/generated/prisma/client";
import type { Role } from "@/lib/schemas/common";
import type { UserDto } from "@/lib/schemas/user";

export function toUserDto(u: User): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    disabled: u.disabled,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}
