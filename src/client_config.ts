// `config`: the snippet to paste into each MCP client, with this program's own absolute
// path filled in (the compiled executable, the bundle run by deno, or the source tree).
import denoJson from "../deno.json" with { type: "json" };
import type { ClientName } from "./cli.ts";
import type { OsName } from "./discovery.ts";
import { NAME } from "./version.ts";

export const SERVER_KEY = "davinci-resolve";

/** How to start this program: a command and its arguments. */
export interface Launch {
  command: string;
  args: string[];
}

export interface ClientSnippet {
  client: ClientName;
  title: string;
  /** Where the snippet goes (a file, or a terminal). */
  where: string;
  /** What to paste or run. */
  snippet: string;
  /** The same server entry as JSON (for the shell-command and TOML forms too). */
  json: Record<string, unknown>;
}

/** Splits a task command line into words (double and single quotes group). */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let current = "";
  let last = -1;
  for (const m of line.matchAll(re)) {
    const text = m[1] ?? m[2] ?? m[3];
    // Adjacent pieces ("--allow-run=a,"b c") belong to one word.
    if (m.index === last && words.length) current = words.pop()! + text;
    else current = text;
    words.push(current);
    last = m.index! + m[0].length;
  }
  return words;
}

/** The permission flags of deno.json's start task (the same the compile tasks bake in). */
export function startFlags(
  tasks: Record<string, string> = denoJson.tasks,
  task = "start",
): string[] {
  return splitCommandLine(tasks[task]).filter((w) =>
    w.startsWith("--allow-") || w.startsWith("--deny-") || w === "--no-prompt" ||
    w.startsWith("--v8-flags=")
  );
}

/** This program's own launch command, from how it is running now. */
export function selfLaunch(): Launch {
  if (Deno.build.standalone) return { command: Deno.execPath(), args: [] };
  const main = Deno.mainModule.startsWith("file:")
    ? decodeURIComponent(new URL(Deno.mainModule).pathname).replace(/^\/([A-Za-z]:)/, "$1")
    : Deno.mainModule;
  if (main.endsWith(".js")) {
    return { command: Deno.execPath(), args: ["run", "--quiet", ...startFlags(), main] };
  }
  const configFile = main.replace(/main\.ts$/, "deno.json");
  return { command: Deno.execPath(), args: ["task", "--quiet", "--config", configFile, "start"] };
}

function quote(word: string, os: OsName): string {
  if (/^[\w@%+=:,./\\-]+$/.test(word)) return word;
  if (os === "windows") return `"${word.replace(/"/g, '\\"')}"`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function tomlString(value: string): string {
  return JSON.stringify(value); // a JSON string is a TOML basic string
}

export function clientSnippets(
  launch: Launch,
  serveArgs: string[],
  os: OsName,
): ClientSnippet[] {
  const args = [...launch.args, ...serveArgs];
  const entry = { command: launch.command, args };
  const stdioServers = { mcpServers: { [SERVER_KEY]: entry } };
  const desktopFile = os === "windows"
    ? "%APPDATA%\\Claude\\claude_desktop_config.json"
    : os === "darwin"
    ? "~/Library/Application Support/Claude/claude_desktop_config.json"
    : "~/.config/Claude/claude_desktop_config.json";
  const all: ClientSnippet[] = [
    {
      client: "claude-desktop",
      title: "Claude Desktop",
      where:
        `${desktopFile} (Settings > Developer > Edit Config); merge into "mcpServers", then restart Claude Desktop`,
      snippet: JSON.stringify(stdioServers, null, 2),
      json: stdioServers,
    },
    {
      client: "claude-code",
      title: "Claude Code",
      where: "a terminal (add --scope user to use it in every project)",
      snippet: ["claude", "mcp", "add", SERVER_KEY, "--", launch.command, ...args]
        .map((w) => quote(w, os)).join(" "),
      json: stdioServers,
    },
    {
      client: "cursor",
      title: "Cursor",
      where: '~/.cursor/mcp.json (or .cursor/mcp.json in a project); merge into "mcpServers"',
      snippet: JSON.stringify(stdioServers, null, 2),
      json: stdioServers,
    },
    {
      client: "vscode",
      title: "VS Code",
      where:
        '.vscode/mcp.json in the workspace (or "MCP: Open User Configuration"); merge into "servers"',
      snippet: JSON.stringify({ servers: { [SERVER_KEY]: { type: "stdio", ...entry } } }, null, 2),
      json: { servers: { [SERVER_KEY]: { type: "stdio", ...entry } } },
    },
    {
      client: "codex",
      title: "Codex",
      where: "~/.codex/config.toml",
      snippet: [
        `[mcp_servers.${SERVER_KEY}]`,
        `command = ${tomlString(launch.command)}`,
        `args = [${args.map(tomlString).join(", ")}]`,
      ].join("\n"),
      json: { mcp_servers: { [SERVER_KEY]: entry } },
    },
  ];
  return all;
}

export function formatConfig(
  snippets: ClientSnippet[],
  launch: Launch,
  os: OsName,
): string {
  const out: string[] = [];
  for (const s of snippets) {
    out.push(`## ${s.title}: ${s.where}`, "", s.snippet, "");
  }
  const doctor = [launch.command, ...launch.args, "doctor"].map((w) => quote(w, os)).join(" ");
  out.push(`Then check the set-up with:\n\n${doctor}`);
  return out.join("\n");
}

export function configOutput(
  options: { client?: ClientName; serveArgs: string[]; json: boolean },
  launch: Launch = selfLaunch(),
  os: OsName = Deno.build.os === "windows"
    ? "windows"
    : Deno.build.os === "darwin"
    ? "darwin"
    : "linux",
): string {
  const snippets = clientSnippets(launch, options.serveArgs, os)
    .filter((s) => !options.client || s.client === options.client);
  if (options.json) {
    return JSON.stringify(
      {
        name: NAME,
        command: launch.command,
        args: [...launch.args, ...options.serveArgs],
        clients: Object.fromEntries(snippets.map((s) => [s.client, s])),
      },
      null,
      2,
    );
  }
  return formatConfig(snippets, launch, os);
}
