"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/field";
import { ROLES, type Role } from "@/lib/schemas/common";
import { useUsers } from "./use-users";

export function UserTable({ currentUserId }: { currentUserId: string }) {
  const [error, setError] = useState("");
  const { list: users, update: updateUser } = useUsers();
  const update = {
    isPending: updateUser.isPending,
    mutate: (v: { id: string; body: { role?: Role; disabled?: boolean } }) =>
      updateUser.mutate(v, { onSuccess: () => setError(""), onError: (e) => setError(e.message) }),
  };

  if (users.isPending) return <p className="text-slate-400">Loading users…</p>;
  if (users.isError) return <ErrorText>{users.error.message}</ErrorText>;

  return (
    <div className="space-y-2">
      <ErrorText>{error}</ErrorText>
      <table className="w-full max-w-4xl text-left text-sm" data-testid="user-table">
        <thead className="text-slate-400">
          <tr>
            <th className="py-2">E-mail</th>
            <th>Name</th>
            <th>Role</th>
            <th>Last sign-in</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {users.data.users.map((u) => (
            <tr key={u.id} className="border-t border-slate-800" data-testid={`user-row-${u.email}`}>
              <td className="py-2">{u.email}</td>
              <td>{u.name}</td>
              <td>
                <select
                  aria-label={`Role of ${u.email}`}
                  value={u.role}
                  disabled={u.id === currentUserId || update.isPending}
                  onChange={(e) => update.mutate({ id: u.id, body: { role: e.target.value as Role } })}
                  className="rounded border border-slate-700 bg-slate-900 px-1 py-0.5"
                >
                  {ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </td>
              <td className="text-slate-400">{u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString() : "never"}</td>
              <td>
                <div className="flex items-center gap-3 py-1">
                  <span className={u.disabled ? "text-rose-300" : "text-emerald-300"} data-testid="user-status">
                    {u.disabled ? "disabled" : "active"}
                  </span>
                  <Button
                    variant={u.disabled ? "secondary" : "danger"}
                    disabled={u.id === currentUserId || update.isPending}
                    onClick={() => update.mutate({ id: u.id, body: { disabled: !u.disabled } })}
                  >
                    {u.disabled ? "Enable" : "Disable"}
                  </Button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
