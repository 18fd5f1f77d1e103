// The Resolve hosts this server drives (--resolve-host NAME=ADDRESS): which answer, and
// what each is doing.
import { z } from "zod";
import { ToolError } from "../../errors.ts";
import { defineTool, type ToolContext } from "../../tool.ts";
import { call, isHandle, ref } from "../../resolve/index.ts";
import { databaseLabel } from "./plan.ts";

export const HOST_SURVEY = [
  "Resolve.GetProductName",
  "Resolve.GetVersionString",
  "Resolve.GetProjectManager",
  "ProjectManager.GetCurrentDatabase",
  "ProjectManager.GetCurrentProject",
  "Project.GetName",
  "Project.GetUniqueId",
  "Project.IsRenderingInProgress",
  "Project.GetRenderJobList",
];

export interface HostState {
  name: string;
  reachable: boolean;
  product: string | null;
  version: string | null;
  edition: "studio" | "free" | null;
  database: { type: string; name: string; ip_address: string | null } | null;
  database_label: string | null;
  project: string | null;
  project_id: string | null;
  rendering: boolean;
  queue_length: number;
  error_code: string | null;
  error: string | null;
}

/** What one host reports, or why it does not answer (never throws). */
export async function surveyHost(ctx: ToolContext, name: string): Promise<HostState> {
  const empty: HostState = {
    name,
    reachable: false,
    product: null,
    version: null,
    edition: null,
    database: null,
    database_label: null,
    project: null,
    project_id: null,
    rendering: false,
    queue_length: 0,
    error_code: null,
    error: null,
  };
  try {
    const { resolve } = ctx.onHost(name);
    const root = await resolve.root();
    const [product, version, , db, project] = await resolve.batch([
      call(root, "GetProductName"),
      call(root, "GetVersionString"),
      call(root, "GetProjectManager"),
      call(ref(2), "GetCurrentDatabase"),
      call(ref(2), "GetCurrentProject"),
    ]);
    const info = (db ?? {}) as Record<string, unknown>;
    const state: HostState = {
      ...empty,
      reachable: true,
      product: String(product ?? ""),
      version: String(version ?? ""),
      edition: /studio/i.test(String(product ?? "")) ? "studio" : "free",
      database: db
        ? {
          type: String(info.DbType ?? ""),
          name: String(info.DbName ?? ""),
          ip_address: info.IpAddress ? String(info.IpAddress) : null,
        }
        : null,
      database_label: db ? databaseLabel(info) : null,
    };
    if (isHandle(project)) {
      const [projectName, id, rendering, jobs] = await resolve.batch([
        call(project, "GetName"),
        call(project, "GetUniqueId"),
        call(project, "IsRenderingInProgress"),
        call(project, "GetRenderJobList"),
      ]);
      state.project = String(projectName ?? "");
      state.project_id = String(id ?? "");
      state.rendering = rendering === true;
      state.queue_length = Array.isArray(jobs) ? jobs.length : 0;
    }
    return state;
  } catch (e) {
    if (!(e instanceof ToolError)) throw e;
    return { ...empty, error_code: e.code, error: e.message };
  }
}

const hostSchema = z.object({
  name: z.string().describe("The host's name (the tools' host argument)."),
  reachable: z.boolean().describe("Whether its Resolve answered."),
  product: z.string().nullable().describe("Product name, e.g. DaVinci Resolve Studio."),
  version: z.string().nullable().describe("Resolve's version, e.g. 21.0.4.5."),
  edition: z.enum(["studio", "free"]).nullable().describe("Studio or the free edition."),
  database: z.object({
    type: z.string().describe("Disk or PostgreSQL."),
    name: z.string(),
    ip_address: z.string().nullable().describe("The project server's address (PostgreSQL)."),
  }).nullable().describe("The project database it is connected to."),
  project: z.string().nullable().describe("The project open there (null: none)."),
  project_id: z.string().nullable().describe("That project's unique id."),
  rendering: z.boolean().describe("Whether it is rendering now."),
  queue_length: z.number().describe("Jobs in that project's render queue."),
  error_code: z.string().nullable().describe("Why it did not answer (e.g. RESOLVE_UNAVAILABLE)."),
  error: z.string().nullable().describe("The error, in words."),
});

export const listHosts = defineTool({
  name: "list_hosts",
  title: "List Resolve hosts",
  description:
    "Lists the Resolve machines this server drives (--resolve-host NAME=ADDRESS, the first the default of every host argument): for each, whether it answers, its version and edition, the project database and project it has open, whether it renders or is idle, and its render queue length. A host that does not answer is reported (with why), never an error. Call it before distribute_render to see which machines are free.",
  toolset: "hosts",
  readOnly: true,
  input: () => ({}),
  output: () => ({
    hosts: z.array(hostSchema).describe("Every configured host, the default one first."),
    default_host: z.string().describe("The host tools act on when host is omitted."),
  }),
  apiMethods: HOST_SURVEY,
  async handler(_args, ctx) {
    const names = ctx.hostNames();
    // Each host has its own bridge: asking them all at once costs the slowest one only.
    const states = await Promise.all(names.map((name) => surveyHost(ctx, name)));
    const hosts = states.map(({ database_label: _, ...rest }) => rest);
    const up = states.filter((s) => s.reachable);
    const busy = up.filter((s) => s.rendering).length;
    return {
      summary: `${up.length} of ${names.length} host(s) answer: ${
        states.map((s) =>
          `${s.name} ${
            s.reachable
              ? `${s.rendering ? "rendering" : "idle"}${s.project ? ` in "${s.project}"` : ""}`
              : `unreachable (${s.error_code})`
          }`
        ).join("; ")
      }${busy ? `; ${busy} rendering` : ""}.`,
      data: { hosts, default_host: names[0] },
    };
  },
});
