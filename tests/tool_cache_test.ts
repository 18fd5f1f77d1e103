// The build-time tool descriptions (src/tool_cache.gen.json, written by `deno task snapshot`):
// fresh for the default set, and never served for a definition that changed since.
import { toolCacheText } from "../scripts/tool_surface.ts";
import { liveDescription } from "../src/tool.ts";
import { type CacheFile, fingerprint, TOOL_CACHE_PATH } from "../src/tool_cache.ts";
import { buildRegistry, selectTools } from "../src/tools/index.ts";
import { assert, assertEquals } from "./assert.ts";

Deno.test("the tool cache holds the default set's live descriptions (else run deno task snapshot)", async () => {
  const committed = JSON.parse(await Deno.readTextFile(TOOL_CACHE_PATH)) as CacheFile;
  const now = JSON.parse(toolCacheText()) as CacheFile;
  const stale = Object.keys({ ...committed.tools, ...now.tools }).filter((name) =>
    JSON.stringify(committed.tools[name]) !== JSON.stringify(now.tools[name])
  );
  assertEquals(stale, [], "stale entries of src/tool_cache.gen.json: run `deno task snapshot`");
  const defaults = selectTools(buildRegistry(), ["default"], false).map((t) => t.name);
  assertEquals(Object.keys(now.tools).sort(), [...defaults].sort());
});

Deno.test("a cached description is used only for the definition it was built from", () => {
  const def = selectTools(buildRegistry(), ["default"], false)[0];
  const { tool, extra } = liveDescription(def);
  const entry = JSON.parse(toolCacheText()).tools[def.name];
  assertEquals(entry.tool, JSON.parse(JSON.stringify(tool)));
  assertEquals(entry.fingerprint, fingerprint(def, extra));
  // Any change to what the description is built from changes the fingerprint.
  for (
    const changed of [
      { ...def, description: `${def.description} More.` },
      { ...def, title: `${def.title}!` },
      { ...def, readOnly: !def.readOnly },
      { ...def, input: () => ({}) },
      { ...def, output: () => ({}) },
    ]
  ) {
    assert(fingerprint(changed, extra) !== entry.fingerprint, "the fingerprint must change");
  }
  assert(fingerprint(def, `${extra}x`) !== entry.fingerprint, "the extra part counts too");
});
