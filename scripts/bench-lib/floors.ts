/** The floors measured beside each figure: a bare Node server, nginx as a reverse proxy, a server that never answers. */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { start } from "./procs";

export interface Closable {
  close(): Promise<void>;
}

/** Bare Node: `{ ok: true }`, the same answer as the dashboard's `/api/health`. */
export async function bareNode(port: number): Promise<Closable> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The least a Node proxy can do: a bare `node:http` server passing each request to `upstream` over a
 * keep-alive agent and piping the answer back (no checks, no parsing). What it adds over calling the
 * upstream directly is what one more Node hop costs, the gateway's work aside.
 */
export async function bareNodeProxy(port: number, upstream: string): Promise<Closable> {
  const target = new URL(upstream);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const forward = http.request(
      { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    close: () => {
      agent.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A router that accepts every request and never answers: what a hanging HF router looks like. */
export async function hangingRouter(port: number): Promise<Closable> {
  const server = http.createServer(() => {
    // Never answers.
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function nginxBinary(): string | null {
  const found = spawnSync("sh", ["-c", "command -v nginx || ls /usr/sbin/nginx"], { encoding: "utf8" });
  return found.status === 0 ? (found.stdout.trim().split("\n")[0] ?? null) : null;
}

/** nginx proxying to `upstream` unbuffered (as a streaming gateway must), or null when not installed. */
export async function nginxProxy(port: number, upstream: string, dir: string): Promise<Closable | null> {
  const binary = nginxBinary();
  if (!binary) return null;
  fs.mkdirSync(path.join(dir, "logs"), { recursive: true });
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream router { server ${upstream}; keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://router;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
    }
  }
}
`,
  );
  execFileSync(binary, ["-t", "-c", conf, "-p", dir], { stdio: "ignore" });
  const child = start(binary, ["-c", conf, "-p", dir]);
  return {
    close: async () => {
      if (child.pid && child.exitCode === null) child.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 200));
    },
  };
}
