import { createServer, type Server } from "node:http";
import type { Route } from "../../src/platform-adapter.ts";

export function createHttpServer(routes: Route[], onError: (error: unknown) => void): Server {
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    Promise.resolve(route.handler(req, res)).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end("Internal error");
    });
  });
}

/** Starts listening; resolves with the port actually bound (PORT=0 picks a free one in tests). */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}
