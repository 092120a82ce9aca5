// A real Orthanc PACS (Debian's `orthanc` + `orthanc-dicomweb`) for tests: its own free ports and a temporary
// storage folder, DICOMweb plugin on, started and stopped by the test. Never a mock of the PACS.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { freePort } from "@/test/faults/support/free-port";

export const ORTHANC_BIN = "/usr/sbin/Orthanc";
export const ORTHANC_DICOMWEB_PLUGIN = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

export type OrthancModality = { aet: string; host: string; port: number };
export type OrthancDicomWebServer = { url: string; username?: string; password?: string; headers?: Record<string, string> };

export type OrthancOptions = {
  aeTitle?: string;
  /** DICOM peers Orthanc may C-STORE to / accept from, by name (e.g. the app's SCP). */
  modalities?: Record<string, OrthancModality>;
  /** DICOMweb servers Orthanc can push to (e.g. the app's STOW-RS endpoint). */
  dicomWebServers?: Record<string, OrthancDicomWebServer>;
  /** HTTP basic credentials; none means an open server (loopback only). */
  users?: Record<string, string>;
};

export type Orthanc = {
  httpUrl: string;
  dicomWebUrl: string;
  dicomPort: number;
  aeTitle: string;
  /** Orthanc's REST API (JSON), with the configured credentials. */
  rest<T = unknown>(pathname: string, init?: RequestInit): Promise<T>;
  restRaw(pathname: string, init?: RequestInit): Promise<Response>;
  /** Uploads a DICOM file through the REST API (the quickest way to seed the PACS). */
  upload(bytes: Uint8Array): Promise<{ ID: string; ParentStudy: string }>;
  stop(): Promise<void>;
  /** SIGKILL, for "PACS down" scenarios; start() brings it back on the same ports and storage. */
  kill(): Promise<void>;
  start(): Promise<void>;
};

export function orthancAvailable(): boolean {
  return fs.existsSync(ORTHANC_BIN) && fs.existsSync(ORTHANC_DICOMWEB_PLUGIN);
}

export const ORTHANC_MISSING = "Orthanc is not installed (apt-get install -y orthanc orthanc-dicomweb); npm test installs it";

export async function startOrthanc(opts: OrthancOptions = {}): Promise<Orthanc> {
  if (!orthancAvailable()) throw new Error(ORTHANC_MISSING);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxr-orthanc-"));
  const httpPort = await freePort();
  const dicomPort = await freePort();
  const aeTitle = opts.aeTitle ?? "ORTHANC";
  const users = opts.users ?? {};
  const config = {
    Name: "cxr-test-orthanc",
    StorageDirectory: path.join(dir, "storage"),
    IndexDirectory: path.join(dir, "index"),
    HttpPort: httpPort,
    DicomPort: dicomPort,
    DicomAet: aeTitle,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: Object.keys(users).length > 0,
    RegisteredUsers: users,
    DicomCheckCalledAet: false,
    DicomAlwaysAllowEcho: true,
    DicomAlwaysAllowStore: true,
    DicomAlwaysAllowFind: true,
    DicomAlwaysAllowMove: true,
    UnknownSopClassAccepted: true,
    StableAge: 1,
    HttpTimeout: 30,
    Plugins: [ORTHANC_DICOMWEB_PLUGIN],
    DicomModalities: Object.fromEntries(Object.entries(opts.modalities ?? {}).map(([k, m]) => [k, [m.aet, m.host, m.port]])),
    DicomWeb: {
      Enable: true,
      Root: "/dicom-web/",
      EnableWado: true,
      Ssl: false,
      StudiesMetadata: "Full",
      Servers: Object.fromEntries(
        Object.entries(opts.dicomWebServers ?? {}).map(([k, s]) => [
          k,
          {
            Url: s.url,
            ...(s.username ? { Username: s.username, Password: s.password } : {}),
            ...(s.headers ? { HttpHeaders: s.headers } : {}),
          },
        ]),
      ),
    },
  };
  const configFile = path.join(dir, "orthanc.json");
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  const httpUrl = `http://127.0.0.1:${httpPort}`;
  const [user, password] = Object.entries(users)[0] ?? [];
  const auth: Record<string, string> = user ? { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` } : {};
  let child: ChildProcess | undefined;

  const restRaw = (p: string, init: RequestInit = {}) =>
    fetch(`${httpUrl}${p}`, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
  const start = async () => {
    const log = fs.openSync(path.join(dir, "orthanc.log"), "a");
    const started = spawn(ORTHANC_BIN, [configFile], { stdio: ["ignore", log, log] });
    child = started;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (started.exitCode !== null)
        throw new Error(`Orthanc exited (${started.exitCode}): ${fs.readFileSync(path.join(dir, "orthanc.log"), "utf8").slice(-2000)}`);
      if (
        (await restRaw("/system").then(
          (r) => r.status,
          () => 0,
        )) === 200
      )
        return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("Orthanc did not answer /system within 30 s");
  };
  const exit = async (signal: NodeJS.Signals) => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => c.once("exit", () => resolve()));
    c.kill(signal);
    await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
    if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  };
  await start();

  return {
    httpUrl,
    dicomWebUrl: `${httpUrl}/dicom-web`,
    dicomPort,
    aeTitle,
    async rest<T>(p: string, init?: RequestInit) {
      const res = await restRaw(p, init);
      if (!res.ok) throw new Error(`Orthanc ${init?.method ?? "GET"} ${p}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    restRaw,
    async upload(bytes) {
      const res = await restRaw("/instances", {
        method: "POST",
        body: Buffer.from(bytes),
        headers: { "content-type": "application/dicom" },
      });
      if (!res.ok) throw new Error(`Orthanc upload: ${res.status} ${await res.text()}`);
      return (await res.json()) as { ID: string; ParentStudy: string };
    },
    async stop() {
      await exit("SIGTERM");
      fs.rmSync(dir, { recursive: true, force: true });
    },
    kill: () => exit("SIGKILL"),
    start,
  };
}

/** DCMTK's command-line tools (storescu, echoscu, findscu, dsrdump, dcmdump) — the modality side in tests. */
export function dcmtkAvailable(): boolean {
  return spawnSync("which", ["storescu"]).status === 0;
}
