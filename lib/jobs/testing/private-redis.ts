import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

// A redis-server of the test's own on a free loopback port, so a test can stop (SIGSTOP), resume or kill it, or
// give it a password, without touching the machine's shared Redis.
export type PrivateRedis = { url: string; port: number; pause(): void; resume(): void; stop(): Promise<void> };

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
const tcpUp = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1", () => (s.destroy(), resolve(true)));
    s.on("error", () => resolve(false));
  });

/** `tls`: serve TLS only (rediss://) with this certificate and key (PEM files). */
export async function startPrivateRedis(o: { password?: string; tls?: { cert: string; key: string } } = {}): Promise<PrivateRedis> {
  const port = await freePort();
  const listen = o.tls
    ? [
        "--port",
        "0",
        "--tls-port",
        String(port),
        "--tls-cert-file",
        o.tls.cert,
        "--tls-key-file",
        o.tls.key,
        "--tls-ca-cert-file",
        o.tls.cert,
        "--tls-auth-clients",
        "no",
      ]
    : ["--port", String(port)];
  const args = ["--bind", "127.0.0.1", ...listen, "--save", "", "--appendonly", "no", ...(o.password ? ["--requirepass", o.password] : [])];
  const child: ChildProcess = spawn("redis-server", args, { stdio: "ignore" });
  const deadline = Date.now() + 10_000;
  while (!(await tcpUp(port))) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("redis-server not up within 10 s");
    await new Promise((r) => setTimeout(r, 50));
  }
  const auth = o.password ? `:${encodeURIComponent(o.password)}@` : "";
  return {
    url: `${o.tls ? "rediss" : "redis"}://${auth}127.0.0.1:${port}`,
    port,
    pause: () => void child.kill("SIGSTOP"),
    resume: () => void child.kill("SIGCONT"),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGCONT");
      child.kill("SIGKILL");
      await gone;
    },
  };
}
