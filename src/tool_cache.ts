// Tool descriptions built at build time: `deno task snapshot` (scripts/tool_surface.ts) writes
// the default set's tools/list entries to src/tool_cache.gen.json, so a starting server answers
// its first tools/list without converting ~60 zod schemas to JSON Schema (about 100 ms of the
// start-up, issue 14). An entry is used only while its fingerprint (the tool's definition, its
// input/output builders' source, the schema passes' source) matches; otherwise the server
// builds the description live. tests/tool_cache_test.ts fails when the file is stale.
import type { Tool } from "./sdk.ts";
import cache from "./tool_cache.gen.json" with { type: "json" };

/** What a cached entry's fingerprint covers besides the tool itself (set by src/tool.ts). */
let passes = "";

/** The source of the passes that turn a definition into its description (src/tool.ts). */
export function setSchemaPasses(...fns: ((...args: never[]) => unknown)[]): void {
  passes = fns.map((f) => f.toString()).join("\n");
}

/** The parts of a definition its description is made from. */
export interface Describable {
  name: string;
  title: string;
  description: string;
  readOnly: boolean;
  destructive?: boolean;
  asks?: boolean;
  idempotent?: boolean;
  openWorld?: boolean;
  either?: unknown;
  input: () => unknown;
  output: () => unknown;
}

/** FNV-1a over the text: a fingerprint, not a secret. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36) + text.length.toString(36);
}

let passesHash: string | undefined;

/** The fingerprint of a definition (and of the passes), as the cache file records it. */
export function fingerprint(def: Describable, extra = ""): string {
  passesHash ??= hash(passes);
  return passesHash + "." + hash(
    [
      def.name,
      def.title,
      def.description,
      def.readOnly,
      def.destructive ?? "",
      def.asks ?? "",
      def.idempotent ?? "",
      def.openWorld ?? "",
      JSON.stringify(def.either ?? null),
      def.input.toString(),
      def.output.toString(),
      extra,
    ].join("\u0000"),
  );
}

export interface CacheFile {
  tools: Record<string, { fingerprint: string; tool: Tool }>;
}

const entries = (cache as unknown as CacheFile).tools ?? {};
let disabled = false;

/** Builds every description live (the snapshot and its tests compare live with cached). */
export function disableToolCache(): void {
  disabled = true;
}

/** The built description of a definition, if the cache has it for this very definition. */
export function cachedTool(def: Describable, extra = ""): Tool | undefined {
  if (disabled) return undefined;
  const entry = entries[def.name];
  if (!entry || entry.fingerprint !== fingerprint(def, extra)) return undefined;
  return entry.tool;
}

/** The cache file's text for these definitions and their live descriptions. */
export function cacheText(tools: { def: Describable; tool: Tool; extra?: string }[]): string {
  const out: CacheFile = { tools: {} };
  for (const { def, tool, extra } of tools) {
    out.tools[def.name] = { fingerprint: fingerprint(def, extra), tool };
  }
  return JSON.stringify(out) + "\n";
}

export const TOOL_CACHE_PATH = new URL("./tool_cache.gen.json", import.meta.url);
