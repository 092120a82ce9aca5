"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client/web";
import { AgreementReportSchema } from "@/lib/schemas/double-reading";

const KEY = ["agreement"];

/** Inter-reader agreement of double-read studies (admin), and fusing a study's two reads into its consensus. */
export function useAgreement() {
  const qc = useQueryClient();
  const report = useQuery({ queryKey: KEY, queryFn: () => api(AgreementReportSchema, "/api/v1/admin/agreement") });
  const fuse = useMutation({
    mutationFn: (studyId: string) => api(z.unknown(), `/api/v1/studies/${encodeURIComponent(studyId)}/consensus`, { json: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  return { report, fuse };
}
