import { z } from "zod";
import { AssignmentSchema } from "@/lib/schemas/assignment";
import {
  PacsConnectionSchema,
  PacsConnectionSummarySchema,
  PacsPullSchema,
  PacsStudySchema,
  PacsTestResultSchema,
} from "@/lib/schemas/pacs";
import { ApiTokenSchema, CreatedApiTokenSchema } from "@/lib/schemas/token";
import { UserSchema } from "@/lib/schemas/user";

// The response envelopes the web's hooks read, built from the entity schemas in lib/schemas; test/clients checks each
// against the production server, since only development builds validate them in the browser.
export const UserListResponse = z.object({ users: z.array(UserSchema) });
export const UserResponse = z.object({ user: UserSchema });
export const TokenListResponse = z.object({ tokens: z.array(ApiTokenSchema) });
export const CreatedTokenResponse = z.object({ token: CreatedApiTokenSchema });
export const TokenResponse = z.object({ token: ApiTokenSchema });
export const PacsConnectionListResponse = z.object({ connections: z.array(PacsConnectionSchema) });
export const PacsConnectionResponse = z.object({ connection: PacsConnectionSchema });
export const PacsTestResponse = z.object({ result: PacsTestResultSchema });
export const PacsSearchableResponse = z.object({ connections: z.array(PacsConnectionSummarySchema) });
export const PacsStudiesResponse = z.object({ studies: z.array(PacsStudySchema) });
export const PacsPullListResponse = z.object({ pulls: z.array(PacsPullSchema) });
export const PacsPullsRequestedResponse = z.object({
  pulls: z.array(z.object({ studyInstanceUid: z.string(), pullId: z.string(), jobId: z.string(), alreadyRunning: z.boolean() })),
});
export const AssignmentListResponse = z.object({ assignments: z.array(AssignmentSchema) });
export const AutoAssignResponse = z.object({ jobId: z.string(), alreadyQueued: z.boolean() });
