// A signed-in session through next-auth's real credentials flow, as a cookie header for plain fetch.
export type Session = { cookie: string; fetch(path: string, init?: RequestInit): Promise<Response> };

function collectCookies(res: Response, jar: Map<string, string>) {
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
}

const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Returns the session, or the sign-in response's status when the credentials were refused. */
export async function signIn(url: string, email: string, password: string): Promise<Session> {
  const res = await trySignIn(url, email, password);
  if (typeof res === "number") throw new Error(`sign-in as ${email} failed with ${res}`);
  return res;
}

export async function trySignIn(url: string, email: string, password: string): Promise<Session | number> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  collectCookies(csrfRes, jar);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, json: "true" });
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { cookie: header(jar), "content-type": "application/x-www-form-urlencoded", origin: url },
  });
  collectCookies(res, jar);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) return res.status >= 400 ? res.status : 401;
  const cookie = header(jar);
  return {
    cookie,
    fetch: (p, init = {}) =>
      fetch(`${url}${p}`, { ...init, headers: { origin: url, ...(init.headers as Record<string, string>), cookie } }),
  };
}

/** next-auth's real sign-out (CSRF token + POST), as the browser's "Sign out" button does it. */
export async function signOut(url: string, session: Session): Promise<void> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`, { headers: { cookie: session.cookie } });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers
    .getSetCookie()
    .map((l) => l.split(";")[0])
    .join("; ");
  const res = await fetch(`${url}/api/auth/signout`, {
    method: "POST",
    body: new URLSearchParams({ csrfToken, json: "true" }),
    redirect: "manual",
    headers: {
      cookie: [session.cookie, csrfCookie].filter(Boolean).join("; "),
      "content-type": "application/x-www-form-urlencoded",
      origin: url,
    },
  });
  if (res.status >= 400) throw new Error(`sign-out failed with ${res.status}`);
}
