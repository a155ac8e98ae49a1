// The endpoints come from config.json, served next to the pages (chat-local serves its own, the deployment writes
// one for AWS): no URL is written into the pages.

/** Reads config.json: {"websocketUrl": "ws(s)://…", "broadcastUrl": "http(s)://…"}. Throws an Error in words. */
export async function loadConfig() {
  let answer;
  try {
    answer = await fetch("config.json", { cache: "no-store" });
  } catch (unreachable) {
    throw new Error("Could not load config.json: the server did not answer.");
  }
  if (!answer.ok) {
    throw new Error(`Could not load config.json: the server answered ${answer.status}.`);
  }
  let config;
  try {
    config = await answer.json();
  } catch (notJson) {
    throw new Error("config.json is not valid JSON.");
  }
  return {
    websocketUrl: url(config, "websocketUrl", ["ws:", "wss:"]),
    broadcastUrl: url(config, "broadcastUrl", ["http:", "https:"]),
  };
}

function url(config, field, protocols) {
  const value = config && config[field];
  let parsed;
  try {
    parsed = new URL(value);
  } catch (malformed) {
    throw new Error(`config.json needs "${field}": a ${protocols.join(" or ")} URL.`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new Error(`config.json's "${field}" must be a ${protocols.join(" or ")} URL, not ${parsed.protocol}`);
  }
  return parsed;
}
