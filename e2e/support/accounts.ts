// The admin that `npm start` bootstraps for the e2e server (see playwright.config.ts).
export const E2E_ADMIN = { email: "admin@e2e.local", password: "e2e-admin-password" };
