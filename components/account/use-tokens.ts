"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client/web";
import { ApiTokenSchema, CreatedApiTokenSchema, type CreateTokenBody } from "@/lib/schemas/token";

const KEY = ["tokens"];

// The caller's API tokens: the list, create (the secret is in the answer, once) and revoke; each change refreshes.
export function useTokens() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: KEY });
  const list = useQuery({ queryKey: KEY, queryFn: () => api(z.object({ tokens: z.array(ApiTokenSchema) }), "/api/v1/tokens") });
  const create = useMutation({ mutationFn: (body: CreateTokenBody) => api(z.object({ token: CreatedApiTokenSchema }), "/api/v1/tokens", { json: body }), onSuccess: refresh });
  const revoke = useMutation({ mutationFn: (id: string) => api(z.object({ token: ApiTokenSchema }), `/api/v1/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }), onSuccess: refresh });
  return { list, create, revoke };
}
