// parseFlags against node:util's parseArgs (strict, with tokens), which it replaces: the same
// values, positionals and tokens for accepted arguments, an error for the same refused ones.
import { parseArgs } from "node:util";
import { throws } from "node:assert";
import { assertEquals } from "./assert.ts";
import { parseFlags } from "../src/flags.ts";

const SPEC = {
  simulator: { type: "boolean" },
  python: { type: "string" },
  "allow-path": { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" },
} as const;

function node(args: string[]) {
  const r = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    tokens: true,
    options: {
      simulator: { type: "boolean", default: false },
      python: { type: "string" },
      "allow-path": { type: "string", multiple: true, default: [] },
      help: { type: "boolean", short: "h", default: false },
      version: { type: "boolean", short: "V", default: false },
    },
  });
  return {
    values: { ...r.values },
    positionals: r.positionals,
    tokens: r.tokens!.map((t) =>
      t.kind === "option"
        ? { kind: t.kind, index: t.index, name: t.name }
        : t.kind === "positional"
        ? { kind: t.kind, index: t.index, value: t.value }
        : { kind: t.kind, index: t.index }
    ),
  };
}

function ours(args: string[]) {
  const r = parseFlags(args, SPEC);
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.values)) if (v !== undefined) values[k] = v;
  return { values, positionals: r.positionals, tokens: r.tokens };
}

const PIECES = [
  "--simulator",
  "--python",
  "/usr/bin/python3",
  "--python=/opt/py",
  "--allow-path",
  "/a",
  "--allow-path=/b",
  "-h",
  "-V",
  "-hV",
  "doctor",
  "/media",
  "--",
  "-",
  "--unknown",
  "-x",
  "--simulator=yes",
];

Deno.test("parseFlags accepts and refuses what node's parseArgs does (random argument lists)", () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < 2000; n++) {
    const args = Array.from(
      { length: Math.floor(random() * 6) },
      () => PIECES[Math.floor(random() * PIECES.length)],
    );
    let expected: ReturnType<typeof node> | undefined;
    try {
      expected = node(args);
    } catch { /* refused */ }
    if (expected) assertEquals(ours(args), expected, JSON.stringify(args));
    else throws(() => ours(args), Error, JSON.stringify(args));
  }
});

Deno.test("parseFlags names the flag it refuses", () => {
  throws(() => parseFlags(["--nope"], SPEC), /Unknown option '--nope'/);
  throws(() => parseFlags(["--python"], SPEC), /'--python <value>' argument missing/);
  throws(() => parseFlags(["--simulator=1"], SPEC), /does not take an argument/);
  throws(() => parseFlags(["--python", "--simulator"], SPEC), /'--python=--simulator'/);
});
