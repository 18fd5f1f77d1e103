// The start task's command line as [executable, args], for tools that need the server
// process itself (its pid, signals, timing without the task runner's own process).

/** Splits a task string like a POSIX shell does for words and double/single quotes. */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (quote === '"' && c === "\\" && '"\\$`'.includes(text[i + 1])) word += text[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

export function startCommand(extra: string[] = []): [string, string[]] {
  const config = new URL("../deno.json", import.meta.url);
  const [deno, ...args] = shellWords(JSON.parse(Deno.readTextFileSync(config)).tasks.start);
  if (deno !== "deno") throw new Error("the start task should begin with deno");
  return [Deno.execPath(), [...args, ...extra]];
}

/** A raw JSON-RPC initialize request, for tools that speak the protocol without the SDK. */
export const INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: {
    protocolVersion: "2025-06-18",
    capabilities: {},
    clientInfo: { name: "raw", version: "1" },
  },
};
