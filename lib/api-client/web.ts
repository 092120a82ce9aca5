import { isDevelopmentBuild } from "@/lib/build-mode";
import { createApiRequest } from "@/lib/api-client/request";

// The web's typed fetch: same-origin with the session cookie; responses validated against their schemas in development.
export const api = createApiRequest({ validate: isDevelopmentBuild });
