import type { IncomingMessage, ServerResponse } from "node:http";

/** One HTTP route: Slack's receiver, the Teams endpoint and /health share the one PORT. */
export interface Route {
  method: string;
  path: string;
  handler(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

/**
 * What main.ts needs from a running platform connection, and all it needs: the routes to serve,
 * a health check for /health, and a way to stop. Inbound requests reach the bot through the
 * adapter's own routes or socket; outbound messages go through the `ChatGateway` it registers.
 */
export interface PlatformAdapter {
  /** Served by main.ts on the shared PORT (empty when the platform connects out, as Socket Mode does). */
  routes: Route[];
  /** True while the platform accepts us; /health answers 503 when any is false. */
  healthy(): Promise<boolean>;
  /** Stops taking requests; those already accepted are finished first. */
  stop(): Promise<void>;
}
