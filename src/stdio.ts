// The stdio transport. It reads stdin from the first moment, so main.ts can answer
// `initialize` before the MCP SDK and the tools have loaded; messages that arrive meanwhile
// wait in a queue until the SDK's Server connects. Only JSON-RPC goes to stdout.
// Lines are split on bytes, in time linear in their length; a line longer than
// MAX_MESSAGE_BYTES is refused and its bytes dropped as they arrive, never held in memory.
import { concatBytes } from "./bytes.ts";

// deno-lint-ignore no-explicit-any
type Message = Record<string, any>;

/** The longest message (one line, in bytes) the server reads from stdin: 4 MiB. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
const NEWLINE = 10;
/** Bytes kept from each end of a refused line, where its "id" may be. */
const EDGE = 256;

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

  /** Answers a line over MAX_MESSAGE_BYTES, with its id if one ends of it shows it. */
  #refuse(size: number, head: Uint8Array, tail: Uint8Array) {
    const decoder = new TextDecoder();
    const id = idAt(decoder.decode(head), HEAD_ID) ?? idAt(decoder.decode(tail), TAIL_ID) ?? null;
    this.#write({
      jsonrpc: "2.0",
      id,
      error: {
        code: -32600,
        message: `Invalid Request: the message is ${size} bytes, over the limit of ` +
          `${MAX_MESSAGE_BYTES} bytes (4 MiB); send less in one request ` +
          "(for example fewer items per call, or a file path rather than file contents)",
      },
    });
  }

  async #read() {
    const decoder = new TextDecoder();
    // The current line: its pieces (each byte is searched once, and decoded once, at the
    // newline), or, once it is too long, only its size and first and last bytes.
    let pieces: Uint8Array[] = [];
    let size = 0;
    let head: Uint8Array | undefined;
    let tail = new Uint8Array(0);
    // Read with the plain read op into one buffer, not through Deno.stdin.readable: the web
    // stream machinery cost ~0.1 ms a message (profiled). Every piece kept past a read is
    // copied (slice), so the buffer can be reused.
    const buffer = new Uint8Array(64 * 1024);
    try {
      for (;;) {
        const n = await Deno.stdin.read(buffer);
        if (n === null) break;
        const chunk = buffer.subarray(0, n);
        let start = 0;
        while (start <= chunk.length) {
          const newline = chunk.indexOf(NEWLINE, start);
          const piece = chunk.subarray(start, newline < 0 ? chunk.length : newline);
          size += piece.length;
          if (head === undefined && size > MAX_MESSAGE_BYTES) {
            const line = concatBytes([...pieces, piece]);
            head = line.slice(0, EDGE);
            tail = line.slice(-EDGE);
            pieces = [];
          } else if (head !== undefined) {
            tail = concatBytes([tail, piece.subarray(-EDGE)]).slice(-EDGE);
          } else if (piece.length) pieces.push(newline < 0 ? piece.slice() : piece);
          if (newline < 0) break;
          if (head !== undefined) this.#refuse(size, head, tail);
          else if (size > 0) {
            const line = decoder.decode(concatBytes(pieces)).trim();
            if (line) this.#deliver(line);
          }
          pieces = [];
          size = 0;
          head = undefined;
          tail = new Uint8Array(0);
          start = newline + 1;
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

// A top-level "id" is the first member (`{"jsonrpc":"2.0","id":7,...`, as most clients write
// it) or the last (`...,"id":7}`, as the TypeScript SDK writes it).
const ID = String.raw`("(?:[^"\\]|\\.){0,100}"|-?\d{1,15})`;
const HEAD_ID = new RegExp(
  String.raw`^\s*\{\s*(?:"jsonrpc"\s*:\s*"2\.0"\s*,\s*)?"id"\s*:\s*` + ID + String.raw`\s*[,}]`,
);
const TAIL_ID = new RegExp(String.raw`[,{]\s*"id"\s*:\s*` + ID + String.raw`\s*\}\s*$`);

function idAt(text: string, pattern: RegExp): string | number | undefined {
  const match = pattern.exec(text);
  return match ? JSON.parse(match[1]) : undefined;
}
