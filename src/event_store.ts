// Resumable HTTP streams: every message the server sends on an SSE stream gets an event id
// and is kept here, so a client whose connection dropped during a long call reconnects with
// `Last-Event-ID` and receives what it missed (the result included) instead of losing it.
// One store per MCP session, in memory, holding the last MAX_EVENTS events.
import type { types } from "./sdk.ts";

type Message = types.JSONRPCMessage;

const MAX_EVENTS = 2000;

export class MemoryEventStore {
  #events = new Map<string, { stream: string; message: Message }>();
  #next = 0;

  storeEvent(streamId: string, message: Message): Promise<string> {
    const id = `${streamId}.${++this.#next}`;
    this.#events.set(id, { stream: streamId, message });
    // The oldest go first (a Map keeps insertion order).
    while (this.#events.size > MAX_EVENTS) {
      this.#events.delete(this.#events.keys().next().value!);
    }
    return Promise.resolve(id);
  }

  getStreamIdForEventId(eventId: string): Promise<string | undefined> {
    return Promise.resolve(this.#events.get(eventId)?.stream);
  }

  async replayEventsAfter(
    lastEventId: string,
    { send }: { send: (eventId: string, message: Message) => Promise<void> },
  ): Promise<string> {
    const last = this.#events.get(lastEventId);
    if (!last) throw new Error(`unknown or expired event id ${lastEventId}`);
    let after = false;
    for (const [id, event] of this.#events) {
      if (id === lastEventId) {
        after = true;
        continue;
      }
      // The priming event of a stream (an empty message) only carries an id: nothing to send.
      if (after && event.stream === last.stream && "jsonrpc" in event.message) {
        await send(id, event.message);
      }
    }
    return last.stream;
  }
}
