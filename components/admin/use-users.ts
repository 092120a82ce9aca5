"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UserListResponse, UserResponse } from "@/lib/api-client/responses";
import { api } from "@/lib/api-client/web";
import type { Role } from "@/lib/schemas/common";
import type { CreateUserBody } from "@/lib/schemas/user";

export const USERS_KEY = ["users"];

// The users resource (admin): the list, and the calls that change it; every change refreshes the list.
export function useUsers() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: USERS_KEY });
  const list = useQuery({ queryKey: USERS_KEY, queryFn: () => api(UserListResponse, "/api/v1/users") });
  const create = useMutation({
    mutationFn: (body: CreateUserBody) => api(UserResponse, "/api/v1/users", { json: body }),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: { role?: Role; disabled?: boolean } }) =>
      api(UserResponse, `/api/v1/users/${encodeURIComponent(id)}`, { method: "PATCH", json: body }),
    onSuccess: refresh,
  });
  return { list, create, update };
}
