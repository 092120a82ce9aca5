"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CreatedTokenResponse, TokenListResponse, TokenResponse } from "@/lib/api-client/responses";
import { api } from "@/lib/api-client/web";
import type { CreateTokenBody } from "@/lib/schemas/token";

const KEY = ["tokens"];

// The caller's API tokens: the list, create (the secret is in the answer, once) and revoke; each change refreshes.
export function useTokens() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: KEY });
  const list = useQuery({ queryKey: KEY, queryFn: () => api(TokenListResponse, "/api/v1/tokens") });
  const create = useMutation({
    mutationFn: (body: CreateTokenBody) => api(CreatedTokenResponse, "/api/v1/tokens", { json: body }),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(TokenResponse, `/api/v1/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  return { list, create, revoke };
}
