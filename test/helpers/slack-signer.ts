import { createHmac } from "node:crypto";

export interface SignedResponse {
  status: number;
  body: string;
}

/**
 * Acts as Slack towards the bot: every request is signed the way Slack signs it (v0 HMAC-SHA256
 * of `v0:{timestamp}:{raw body}` with the signing secret).
 */
export function createSlackSigner(eventsUrl: string, signingSecret: string) {
  async function post(
    body: string,
    contentType: string,
    options: { timestamp?: number; secret?: string; headers?: Record<string, string> } = {},
  ): Promise<SignedResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac("sha256", options.secret ?? signingSecret)
      .update(`v0:${timestamp}:${body}`)
      .digest("hex")}`;
    const response = await fetch(eventsUrl, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": signature,
        ...options.headers,
      },
      body,
    });
    return { status: response.status, body: await response.text() };
  }

  return {
    post,
    /** A slash command, as Slack posts it (form-encoded). */
    command(fields: Record<string, string>, options?: Parameters<typeof post>[2]) {
      const body = new URLSearchParams({
        token: "legacy-verification-token",
        team_id: "T1",
        team_domain: "test",
        channel_name: "general",
        api_app_id: "A1",
        trigger_id: "trigger-1",
        ...fields,
      }).toString();
      return post(body, "application/x-www-form-urlencoded", options);
    },
    /** block_actions or view_submission: a form field `payload` holding the JSON. */
    interaction(payload: Record<string, unknown>, options?: Parameters<typeof post>[2]) {
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      return post(body, "application/x-www-form-urlencoded", options);
    },
    /** An Events API delivery (event_callback envelope). */
    event(eventId: string, event: Record<string, unknown>, options?: Parameters<typeof post>[2]) {
      const body = JSON.stringify({
        token: "legacy-verification-token",
        team_id: "T1",
        api_app_id: "A1",
        type: "event_callback",
        event_id: eventId,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [
          { team_id: "T1", user_id: "UBOT", is_bot: true, enterprise_id: null, is_enterprise_install: false },
        ],
        event,
      });
      return post(body, "application/json", options);
    },
  };
}

export type SlackSigner = ReturnType<typeof createSlackSigner>;
