// `config` prints a snippet per client that parses (JSON, or TOML values that are JSON) and
// names this program by absolute path; manifest.json and server.json follow their schemas.
import { z } from "zod";
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { ROOT, runStart } from "./harness.ts";
import { clientSnippets, splitCommandLine, startFlags } from "../src/client_config.ts";
import { NAME, VERSION } from "../src/version.ts";
import { buildRegistry, selectTools } from "../src/tools/index.ts";
import { CONNECT_MODES } from "../src/cli.ts";

const config = (args: string[]) => runStart(["config", ...args]);

interface Entry {
  command: string;
  args: string[];
}

Deno.test("config --json: every client's snippet parses and starts this program by absolute path", async () => {
  const run = await config(["--json", "--allow-path", "/media/Footage", "--read-only"]);
  assertEquals(run.code, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assertEquals(Object.keys(out.clients), [
    "claude-desktop",
    "claude-code",
    "cursor",
    "vscode",
    "codex",
  ]);
  assertEquals(out.command, Deno.execPath());
  assert(out.command.startsWith("/"));
  // The serving flags given to config are repeated; config's own are not.
  assertEquals(out.args.slice(-3), ["--allow-path", "/media/Footage", "--read-only"]);
  assert(!out.args.includes("--json") && !out.args.includes("config"));
  const expected: Entry = { command: out.command, args: out.args };

  const desktop = JSON.parse(out.clients["claude-desktop"].snippet);
  assertEquals(desktop.mcpServers["davinci-resolve"], expected);
  const cursor = JSON.parse(out.clients.cursor.snippet);
  assertEquals(cursor.mcpServers["davinci-resolve"], expected);
  const vscode = JSON.parse(out.clients.vscode.snippet);
  assertEquals(vscode.servers["davinci-resolve"], { type: "stdio", ...expected });

  const code = out.clients["claude-code"];
  assertMatch(code.snippet, /^claude mcp add davinci-resolve -- /);
  assertEquals(splitCommandLine(code.snippet).slice(5), [expected.command, ...expected.args]);
  assertEquals(code.json.mcpServers["davinci-resolve"], expected);

  // Codex's TOML: each value is a JSON string or array of strings.
  const toml = out.clients.codex.snippet.split("\n");
  assertEquals(toml[0], "[mcp_servers.davinci-resolve]");
  const values = Object.fromEntries(
    toml.slice(1).map((l: string) => {
      const [key, ...rest] = l.split(" = ");
      return [key, JSON.parse(rest.join(" = "))];
    }),
  );
  assertEquals(values, expected);
});

Deno.test("config prints each client's snippet and then the doctor command; one client on request", async () => {
  const all = await config([]);
  assertEquals(all.code, 0);
  for (const title of ["Claude Desktop", "Claude Code", "Cursor", "VS Code", "Codex"]) {
    assertMatch(all.stdout, new RegExp(`## ${title}: `));
  }
  assertMatch(all.stdout, /Then check the set-up with:\n\n.* doctor$/m);
  const one = await config(["cursor"]);
  assertMatch(one.stdout, /## Cursor/);
  assert(!one.stdout.includes("## Codex"));
  const bad = await config(["notepad"]);
  assertEquals(bad.code, 2);
  assertMatch(bad.stderr, /config takes one of claude-desktop/);
});

Deno.test("snippets for a Windows executable keep backslashes and quote paths with spaces", () => {
  const exe = "D:\\Tools\\My Apps\\davinci-resolve-mcp.exe";
  const snippets = clientSnippets(
    { command: exe, args: [] },
    ["--allow-path", "E:\\Footage"],
    "windows",
  );
  const desktop = JSON.parse(snippets[0].snippet);
  assertEquals(desktop.mcpServers["davinci-resolve"].command, exe);
  assertMatch(snippets[0].where, /%APPDATA%\\Claude\\claude_desktop_config\.json/);
  assertEquals(
    snippets[1].snippet,
    'claude mcp add davinci-resolve -- "D:\\Tools\\My Apps\\davinci-resolve-mcp.exe" --allow-path E:\\Footage',
  );
});

Deno.test("the bundle's launch carries exactly the start task's permission flags", () => {
  const flags = startFlags();
  assert(flags.includes("--no-prompt"));
  assert(flags.some((f) => f.startsWith("--allow-run=python3,python,py,")));
  assert(!flags.some((f) => f === "--allow-run" || f === "--allow-env" || f === "-A"));
});

// MCP Bundle manifest, written from the published manifest schema (manifest_version 0.3/0.4).
const mcpConfig = z.strictObject({
  command: z.string(),
  args: z.array(z.string()).optional(),
  env: z.record(z.string(), z.string()).optional(),
  platform_overrides: z.partialRecord(
    z.enum(["darwin", "win32", "linux"]),
    z.strictObject({
      command: z.string().optional(),
      args: z.array(z.string()).optional(),
      env: z.record(z.string(), z.string()).optional(),
    }),
  ).optional(),
});
const manifestSchema = z.strictObject({
  $schema: z.string().optional(),
  manifest_version: z.enum(["0.3", "0.4"]),
  name: z.string().regex(/^[a-z0-9-]+$/),
  display_name: z.string().optional(),
  version: z.string().regex(/^\d+\.\d+\.\d+/),
  description: z.string().min(1),
  long_description: z.string().optional(),
  author: z.strictObject({
    name: z.string(),
    email: z.email().optional(),
    url: z.url().optional(),
  }),
  repository: z.strictObject({ type: z.string(), url: z.url() }).optional(),
  homepage: z.url().optional(),
  documentation: z.url().optional(),
  support: z.url().optional(),
  icon: z.string().optional(),
  icons: z.array(
    z.strictObject({ src: z.string(), size: z.string(), theme: z.string().optional() }),
  ).optional(),
  license: z.string().optional(),
  keywords: z.array(z.string()).optional(),
  server: z.strictObject({
    type: z.enum(["python", "node", "binary", "uv"]),
    entry_point: z.string(),
    mcp_config: mcpConfig,
  }),
  tools: z.array(z.strictObject({ name: z.string(), description: z.string().optional() }))
    .optional(),
  tools_generated: z.boolean().optional(),
  prompts_generated: z.boolean().optional(),
  compatibility: z.strictObject({
    claude_desktop: z.string().optional(),
    platforms: z.array(z.enum(["darwin", "win32", "linux"])).optional(),
    runtimes: z.strictObject({ python: z.string().optional(), node: z.string().optional() })
      .optional(),
  }).optional(),
  user_config: z.record(
    z.string(),
    z.strictObject({
      type: z.enum(["string", "number", "boolean", "directory", "file"]),
      title: z.string(),
      description: z.string(),
      required: z.boolean().optional(),
      default: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
      multiple: z.boolean().optional(),
      sensitive: z.boolean().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
    }),
  ).optional(),
});

Deno.test("manifest.json is a valid MCP Bundle manifest for the compiled executable", async () => {
  const manifest = JSON.parse(await Deno.readTextFile(`${ROOT}manifest.json`));
  const parsed = manifestSchema.safeParse(manifest);
  assert(parsed.success, JSON.stringify(parsed.error?.issues, null, 2));
  assertEquals(manifest.name, NAME);
  assertEquals(manifest.version, VERSION);
  assertEquals(manifest.server.type, "binary");
  assertEquals(manifest.server.mcp_config.command, `\${__dirname}/${manifest.server.entry_point}`);
  // Every user_config variable the config uses is declared.
  const text = JSON.stringify(manifest.server);
  for (const m of text.matchAll(/\$\{user_config\.(\w+)\}/g)) {
    assert(m[1] in manifest.user_config, `undeclared user_config.${m[1]}`);
  }
  // The tools it advertises are the default set the server lists.
  const defaults = selectTools(buildRegistry(), ["default"], false).map((t) => t.name);
  assertEquals(manifest.tools.map((t: { name: string }) => t.name), defaults);
  assert(CONNECT_MODES.includes(manifest.user_config.connection.default));
});

// server.json, written from the registry's published schema (2025-12-11).
const serverSchema = z.object({
  $schema: z.literal(
    "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
  ),
  name: z.string().regex(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/).min(3).max(200),
  description: z.string().min(1).max(100),
  version: z.string().max(255).refine((v) => !/^[\^~><=]|[x*]$/.test(v)),
  title: z.string().optional(),
  repository: z.object({ url: z.url(), source: z.string() }).optional(),
  websiteUrl: z.url().optional(),
  icons: z.array(z.strictObject({
    src: z.url(),
    mimeType: z.string().optional(),
    sizes: z.array(z.string()).optional(),
    theme: z.enum(["light", "dark"]).optional(),
  })).optional(),
  packages: z.array(
    z.strictObject({
      registryType: z.string(),
      registryBaseUrl: z.url().optional(),
      identifier: z.string(),
      version: z.string().min(1).refine((v) => v !== "latest"),
      fileSha256: z.string().regex(/^[a-f0-9]{64}$/).optional(),
      runtimeHint: z.string().optional(),
      transport: z.object({ type: z.literal("stdio") }),
    }).refine((p) => p.registryType !== "mcpb" || p.fileSha256, "mcpb needs fileSha256"),
  ),
});

Deno.test("server.json is valid for the MCP registry and matches the version", async () => {
  const server = JSON.parse(await Deno.readTextFile(`${ROOT}server.json`));
  const parsed = serverSchema.safeParse(server);
  assert(parsed.success, JSON.stringify(parsed.error?.issues, null, 2));
  assertMatch(server.name, /^io\.github\.[^/]+\/davinci-resolve-mcp$/);
  assertEquals(server.version, VERSION);
  for (const p of server.packages) {
    assertEquals(p.version, VERSION);
    assertMatch(p.identifier, new RegExp(`/releases/download/v${VERSION}/`));
  }
});
