import { createHmac } from "node:crypto";

/** One signed slash-command request for autocannon, as Slack would post it. */
export function signedCommand(
  secret: string,
  fields: { command: string; text: string; user: string; channel: string; responseUrl: string },
  timestamp = Math.floor(Date.now() / 1000),
) {
  const body = new URLSearchParams({
    token: "legacy",
    team_id: "T1",
    team_domain: "bench",
    channel_id: fields.channel,
    channel_name: "bench",
    user_id: fields.user,
    user_name: fields.user.toLowerCase(),
    command: fields.command,
    text: fields.text,
    api_app_id: "A1",
    response_url: fields.responseUrl,
    trigger_id: "trigger",
  }).toString();
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return {
    method: "POST",
    path: "/slack/events",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signature,
    },
    body,
  };
}
