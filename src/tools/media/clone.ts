// Media Storage clone tool (Resolve 21.1): copy a card or folder to one or more destinations
// with checksum verification, followed through its own job status.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool, type ToolContext } from "../../tool.ts";
import {
  call,
  constant,
  type Handle,
  jobStatusOf,
  joinPath,
  pollJob,
  requireVersion,
  VERSION_LOOKUP,
} from "../../resolve/index.ts";

const CHECKSUMS = {
  none: "CLONE_CHECKSUM_TYPE_NONE",
  filesize: "CLONE_CHECKSUM_TYPE_FILESIZE",
  crc32: "CLONE_CHECKSUM_TYPE_CRC32",
  md5: "CLONE_CHECKSUM_TYPE_MD5",
  sha256: "CLONE_CHECKSUM_TYPE_SHA256",
  sha512: "CLONE_CHECKSUM_TYPE_SHA512",
  xxh64: "CLONE_CHECKSUM_TYPE_XXH_64",
} as const;

const statusOutput = {
  status: z.string().describe(
    "Resolve's JobStatus: 'Cloning', 'Complete', 'Cancelled' or 'Failed'. 'Complete' is also what Resolve says when no clone ever ran.",
  ),
  percent: z.number().describe("CompletionPercentage, 0-100."),
  error: z.string().describe("Resolve's error text when Failed, else ''."),
  in_progress: z.boolean().describe("True while the clone is still copying."),
};

const waitInput = (what: string) =>
  z.number().int().min(0).max(600).optional().describe(
    `Seconds to wait for the clone to end, with progress notifications (${what}). 0 returns at once. Default 25; the clone goes on after the wait.`,
  );

async function storage(ctx: ToolContext): Promise<Handle> {
  return await ctx.resolve.call(await ctx.resolve.root(), "GetMediaStorage") as Handle;
}

async function follow(ctx: ToolContext, ms: Handle, seconds: number) {
  return await pollJob(
    ctx,
    async () => jobStatusOf(await ctx.resolve.call(ms, "GetCloneStatus")),
    "clone",
    seconds * 1000,
  );
}

function statusData(s: { status: string; percent: number; error: string }) {
  return {
    status: s.status,
    percent: s.percent,
    error: s.error,
    in_progress: s.status === "Cloning",
  };
}

export const cloneMedia = defineTool({
  name: "clone_media",
  title: "Clone media",
  description:
    "Copies a source folder (e.g. a camera card) to one or more existing destination folders with Resolve's Clone Tool, verifying each copy with a checksum (md5 by default). With preserve_folder_name the copy lands in <target>/<source folder name>, else directly in the target. Replacing files in a destination that already holds media needs confirmation. Starts the clone, then waits up to max_wait_seconds with progress notifications. clone_media_status follows a clone still running and stop_clone_media stops it (media toolset: enable_toolset). Needs Resolve 21.1+; older versions answer VERSION_UNSUPPORTED.",
  toolset: "media",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    source: z.string().min(1).max(4096).describe("The folder to copy (absolute path)."),
    targets: z.array(z.string().min(1).max(4096)).min(1).max(8).describe(
      "Existing destination folders (absolute paths), 1-8.",
    ),
    checksum: z.enum(Object.keys(CHECKSUMS) as [keyof typeof CHECKSUMS]).optional().describe(
      "Verification of each copied file: none, filesize, crc32, md5 (default), sha256, sha512, xxh64.",
    ),
    preserve_folder_name: z.boolean().optional().describe(
      "Copy into <target>/<source folder name> instead of into the target itself. Default false.",
    ),
    max_wait_seconds: waitInput("default 25"),
  }),
  output: () => ({
    source: z.string().describe("The source folder, resolved."),
    targets: z.array(z.string()).describe("Where the copies land (resolved)."),
    checksum: z.string().describe("Checksum used."),
    ...statusOutput,
  }),
  apiMethods: [
    ...VERSION_LOOKUP,
    "Resolve.GetMediaStorage",
    "MediaStorage.GetSubFolderList",
    "MediaStorage.GetFileList",
    "MediaStorage.GetCloneStatus",
    "MediaStorage.SetCloneToolSettings",
    "MediaStorage.StartCloneMedia",
  ],
  async handler(args, ctx) {
    const { resolve, paths } = ctx;
    await requireVersion(resolve, "21.1", "clone_media");
    const [src] = await paths.checkRead([args.source]);
    if (!src.exists || !src.isDir) {
      fail("NO_SUCH_DIRECTORY", `${args.source} is not an existing folder`);
    }
    const name = src.path.replace(/[\\/]+$/, "").split(/[\\/]/).pop() ?? "";
    const targets = [];
    for (const t of args.targets) {
      const checked = await paths.checkWrite(t);
      if (!checked.exists || !checked.isDir) {
        fail("NO_SUCH_DIRECTORY", `${t} is not an existing folder`, "Create it first.");
      }
      const inside = (a: string, b: string) =>
        a === b || a.startsWith(b + "/") ||
        a.startsWith(b + "\\");
      if (inside(checked.path, src.path) || inside(src.path, checked.path)) {
        fail(
          "INVALID_ARGUMENTS",
          `${t} and the source ${src.path} contain one another`,
          "Clone into a folder outside the source.",
        );
      }
      targets.push(checked.path);
    }
    const ms = await storage(ctx);
    const before = jobStatusOf(await resolve.call(ms, "GetCloneStatus"));
    if (before.status === "Cloning") {
      fail(
        "CLONE_IN_PROGRESS",
        `a clone is running (${before.percent}%)`,
        "Follow it with clone_media_status or stop it with stop_clone_media.",
      );
    }
    const dests = targets.map((t) => args.preserve_folder_name ? joinPath(t, name) : t);
    const existing = (await paths.checkRead(dests)).map((d) => d.exists && d.isDir);
    const listings = await resolve.batch(
      dests.flatMap((d, i) =>
        existing[i] ? [call(ms, "GetSubFolderList", d), call(ms, "GetFileList", d)] : []
      ),
    );
    const busy = dests.filter((_, i) => existing[i]).filter((_, i) =>
      (Array.isArray(listings[2 * i]) && (listings[2 * i] as unknown[]).length > 0) ||
      (Array.isArray(listings[2 * i + 1]) && (listings[2 * i + 1] as unknown[]).length > 0)
    );
    if (busy.length) {
      await ctx.confirm(
        `Cloning ${src.path} into ${
          busy.join(", ")
        }, which already hold media or folders: files with the same names will be replaced. Continue?`,
      );
    }
    const checksum = args.checksum ?? "md5";
    const [set, started] = await resolve.batch([
      call(ms, "SetCloneToolSettings", {
        PreserveFolderName: args.preserve_folder_name ?? false,
        ChecksumType: constant(CHECKSUMS[checksum]),
      }),
      call(ms, "StartCloneMedia", src.path, targets),
    ]);
    if (set !== true) {
      fail("CLONE_REFUSED", "Resolve refused the clone settings", "Try another checksum type.");
    }
    if (started !== true) {
      fail(
        "CLONE_REFUSED",
        `Resolve refused to clone ${src.path}`,
        "The Clone Tool needs an existing source and existing destination folders on mounted volumes (on Windows, paths with backslashes); the Media page may need to be open.",
      );
    }
    const s = await follow(ctx, ms, args.max_wait_seconds ?? 25);
    if (s.status === "Failed") {
      fail("CLONE_FAILED", `the clone of ${src.path} failed: ${s.error || "no reason given"}`);
    }
    if (s.status === "Cancelled") {
      fail("CLONE_FAILED", `the clone of ${src.path} was stopped at ${s.percent}%`);
    }
    return {
      summary: s.status === "Cloning"
        ? `Cloning ${src.path} to ${dests.length} destination(s): ${s.percent}% so far (clone_media_status follows it).`
        : `Cloned ${src.path} to ${dests.join(", ")} with ${checksum} verification.`,
      data: { source: src.path, targets: dests, checksum, ...statusData(s) },
    };
  },
});

export const cloneMediaStatus = defineTool({
  name: "clone_media_status",
  title: "Clone media status",
  description:
    "Status of the Clone Tool's current or last job (started by clone_media), optionally waiting for it to end with progress notifications. Resolve answers 'Complete' also when no clone ever ran. Needs Resolve 21.1+; older versions answer VERSION_UNSUPPORTED.",
  toolset: "media",
  readOnly: true,
  input: () => ({
    max_wait_seconds: waitInput("default 0: report at once"),
  }),
  output: () => statusOutput,
  apiMethods: [...VERSION_LOOKUP, "Resolve.GetMediaStorage", "MediaStorage.GetCloneStatus"],
  async handler(args, ctx) {
    await requireVersion(ctx.resolve, "21.1", "clone_media_status");
    const s = await follow(ctx, await storage(ctx), args.max_wait_seconds ?? 0);
    return {
      summary: `Clone Tool: ${s.status} (${s.percent}%)${s.error ? `: ${s.error}` : ""}.`,
      data: statusData(s),
    };
  },
});

export const stopCloneMedia = defineTool({
  name: "stop_clone_media",
  title: "Stop clone media",
  description:
    "Stops the running Clone Tool job (files copied so far stay, the current one may be partial), after confirmation. Does nothing when no clone is running. Needs Resolve 21.1+; older versions answer VERSION_UNSUPPORTED.",
  toolset: "media",
  readOnly: false,
  destructive: true,
  input: () => ({}),
  output: () => ({
    was_cloning: z.boolean().describe("Whether a clone was running."),
    ...statusOutput,
  }),
  apiMethods: [
    ...VERSION_LOOKUP,
    "Resolve.GetMediaStorage",
    "MediaStorage.GetCloneStatus",
    "MediaStorage.StopCloneMedia",
  ],
  async handler(_args, ctx) {
    await requireVersion(ctx.resolve, "21.1", "stop_clone_media");
    const ms = await storage(ctx);
    const before = jobStatusOf(await ctx.resolve.call(ms, "GetCloneStatus"));
    if (before.status !== "Cloning") {
      return {
        summary: `No clone is running (last: ${before.status}).`,
        data: { was_cloning: false, ...statusData(before) },
      };
    }
    await ctx.confirm(
      `Stop the clone at ${before.percent}%? Files copied so far stay; the one being copied may be incomplete.`,
    );
    const [stopped, after] = await ctx.resolve.batch([
      call(ms, "StopCloneMedia"),
      call(ms, "GetCloneStatus"),
    ]);
    const s = jobStatusOf(after);
    return {
      summary: stopped === true ? `Stopped the clone: ${s.status}.` : `Clone: ${s.status}.`,
      data: { was_cloning: true, ...statusData(s) },
    };
  },
});
