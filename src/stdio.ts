// The stdio transport. It reads stdin from the first moment, so main.ts can answer
// `initialize` before the MCP SDK and the tools have loaded; messages that arrive meanwhile
// wait in a queue until the SDK's Server connects. Only JSON-RPC goes to stdout.

// deno-lint-ignore no-explicit-any
type Message = Record<string, any>;

export class StdioTransport {
  onmessage?: (message: Message) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;

  #queue: Message[] = [];
  #started = false;
  #closed = false;
  #answered = new Set<string | number>();
  #writes: Promise<void> = Promise.resolve();
  #encoder = new TextEncoder();
  #firstMessage: Promise<Message | undefined>;
  #resolveFirst!: (m: Message | undefined) => void;

  constructor() {
    this.#firstMessage = new Promise((r) => this.#resolveFirst = r);
    this.#read();
  }

  /** The first message the client sent (undefined if stdin closed first). */
  firstMessage(): Promise<Message | undefined> {
    return this.#firstMessage;
  }

  /** Answers a request now; the Server's own later answer to it is dropped. */
  answerEarly(id: string | number, result: unknown): void {
    this.#answered.add(id);
    this.#write({ jsonrpc: "2.0", id, result });
  }

  start(): Promise<void> {
    this.#started = true;
    for (const message of this.#queue.splice(0)) this.onmessage?.(message);
    if (this.#closed) this.onclose?.();
    return Promise.resolve();
  }

  send(message: Message): Promise<void> {
    if ("id" in message && !("method" in message) && this.#answered.delete(message.id)) {
      return Promise.resolve();
    }
    return this.#write(message);
  }

  close(): Promise<void> {
    this.#closed = true;
    this.onclose?.();
    return this.#writes;
  }

  #write(message: unknown): Promise<void> {
    const bytes = this.#encoder.encode(JSON.stringify(message) + "\n");
    this.#writes = this.#writes.then(async () => {
      let offset = 0;
      while (offset < bytes.length) offset += await Deno.stdout.write(bytes.subarray(offset));
    }).catch((e) => this.onerror?.(e));
    return this.#writes;
  }

  #deliver(line: string) {
    let message: Message;
    try {
      message = JSON.parse(line);
    } catch {
      this.#write({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (typeof message !== "object" || message === null || Array.isArray(message)) {
      this.#write({
        jsonrpc: "2.0",
        id: null,
        error: { code: -32600, message: "Invalid Request" },
      });
      return;
    }
    this.#resolveFirst(message);
    if (this.#started) this.onmessage?.(message);
    else this.#queue.push(message);
  }

  async #read() {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of Deno.stdin.readable) {
        buffer += decoder.decode(chunk, { stream: true });
        let newline;
        while ((newline = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, newline).trim();
          buffer = buffer.slice(newline + 1);
          if (line) this.#deliver(line);
        }
      }
    } catch (e) {
      this.onerror?.(e as Error);
    }
    this.#resolveFirst(undefined);
    this.#closed = true;
    if (this.#started) this.onclose?.();
  }
}
