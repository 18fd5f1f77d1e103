// The MCP features clients use now (spec 2025-11-25), over stdio against the simulator:
// completions, resource subscriptions and list changes, resource links, tasks.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { withFixture } from "./fixture.ts";
import { waitFor } from "./harness.ts";
import { types } from "../src/sdk.ts";
import { promptArguments } from "../src/prompts.ts";
import { RESOURCE_TEMPLATES } from "../src/resources.ts";

/** Checks until it holds (at most 30 s): for state read back through the tools. */
async function until(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

type Content = { type: string; uri?: string; name?: string; mimeType?: string };

Deno.test("completion/complete answers for every prompt argument and resource template", async () => {
  await withFixture(async (t, _f, dir) => {
    await t.ok("create_bin", { path: "Dailies/Day 1" });
    const complete = async (
      ref: types.CompleteRequest["params"]["ref"],
      name: string,
      value = "",
    ) => (await t.client.complete({ ref, argument: { name, value } })).completion;
    // What each kind must offer on this project (the fixture's timeline, clips, bins...).
    const expected: Record<string, string> = {
      bin_path: "Master/Dailies/Day 1",
      timeline_name: "Cut",
      clip_name: "a.mp4",
      render_format: "mp4",
      page: "color",
      folder: dir,
    };
    const args = promptArguments();
    assert(args.length >= 8);
    for (const { prompt, argument, kind } of args) {
      const { values } = await complete({ type: "ref/prompt", name: prompt }, argument);
      if (kind === "text") {
        assertEquals(values, [], `${prompt}.${argument} is free text`);
      } else if (kind === "render_preset") {
        assert(values.length > 0, `${prompt}.${argument}: render presets`);
      } else {
        assert(values.includes(expected[kind]), `${prompt}.${argument} (${kind}): ${values}`);
      }
    }
    // What the user typed narrows the values.
    const pages = await complete({ type: "ref/prompt", name: "grade_scene" }, "page", "fa");
    assertEquals(pages.values, ["fairlight"]);
    const none = await complete({ type: "ref/prompt", name: "grade_scene" }, "page", "zzz");
    assertEquals([none.values, none.total], [[], 0]);

    // Every template's id variable has values: timeline ids and bin ids.
    const { timelines } = await t.ok<{ timelines: { id: string; name: string }[] }>(
      "list_timelines",
    );
    const cutId = timelines.find((x) => x.name === "Cut")!.id;
    const templates = RESOURCE_TEMPLATES.map((r) => r.uriTemplate);
    assert(templates.length >= 3);
    for (const uri of templates.filter((u) => u.startsWith("resolve://timeline/{id}"))) {
      const { values } = await complete({ type: "ref/resource", uri }, "id");
      assert(values.includes(cutId), `${uri}: ${values}`);
    }
    const bins = await complete({ type: "ref/resource", uri: "resolve://bin/{id}" }, "id");
    assert(bins.values.length >= 3, `bin ids: ${bins.values}`);
    // A bin id completed is one resources/read accepts.
    const bin = await t.client.readResource({ uri: `resolve://bin/${bins.values[0]}` });
    assert(JSON.parse((bin.contents[0] as { text: string }).text).id === bins.values[0]);
  });
});

Deno.test("resource subscriptions: the current timeline and the render queue tell their changes", async () => {
  await withFixture(async (t, _f, dir) => {
    const updated: string[] = [];
    let listChanged = 0;
    t.client.setNotificationHandler(types.ResourceUpdatedNotificationSchema, (n) => {
      updated.push(n.params.uri);
    });
    t.client.setNotificationHandler(types.ResourceListChangedNotificationSchema, () => {
      listChanged++;
    });
    const caps = t.client.getServerCapabilities()!;
    assertEquals(caps.resources?.subscribe, true);
    await t.client.subscribeResource({ uri: "resolve://timeline/current" });
    await t.client.subscribeResource({ uri: "resolve://render/queue" });

    // A marker changes the timeline's content, not the list of resources.
    await t.ok("add_marker", { frame: 10, color: "Blue", name: "note" });
    assert(await waitFor(() => updated.includes("resolve://timeline/current")), "timeline updated");
    assertEquals(updated, ["resolve://timeline/current"]);
    assertEquals(listChanged, 0, "a marker does not change the resource list");
    // A read changes nothing: no notice.
    await t.ok("list_markers");
    // A render job changes the queue.
    await t.ok("set_render_settings", { settings: { TargetDir: dir, CustomName: "sub" } });
    await t.ok("add_render_job");
    assert(await waitFor(() => updated.includes("resolve://render/queue")), "queue updated");
    assertEquals(updated.filter((u) => u === "resolve://timeline/current").length, 1);
    assertEquals(listChanged, 0);
    // A new timeline is a new resource: the list changed (once).
    await t.ok("create_timeline", { name: "Second" });
    assert(await waitFor(() => listChanged === 1), "list changed");
    const { resources } = await t.client.listResources();
    assert(resources.some((r) => r.title === 'Timeline "Second"'));
    // Unsubscribed: no more updates of the queue.
    await t.client.unsubscribeResource({ uri: "resolve://render/queue" });
    const queueUpdates = updated.filter((u) => u === "resolve://render/queue").length;
    await t.ok("add_render_job");
    const timelineUpdates = updated.length - queueUpdates;
    await t.ok("add_marker", { frame: 11, color: "Red" });
    assert(await waitFor(() => updated.length - queueUpdates > timelineUpdates), "timeline again");
    assertEquals(updated.filter((u) => u === "resolve://render/queue").length, queueUpdates);
    // Another project is another list of resources.
    await t.ok("create_project", { name: "Other" });
    assert(await waitFor(() => listChanged === 2), "list changed with the project");
  });
});

Deno.test("resource subscriptions: a subscribed render queue tells its progress while it renders", async () => {
  await withFixture(async (t, _f, dir) => {
    await t.ok("set_render_settings", { settings: { TargetDir: dir, CustomName: "watched" } });
    const { job_id } = await t.ok<{ job_id: string }>("add_render_job");
    let updates = 0;
    t.client.setNotificationHandler(types.ResourceUpdatedNotificationSchema, (n) => {
      if (n.params.uri === "resolve://render/queue") updates++;
    });
    await t.client.subscribeResource({ uri: "resolve://render/queue" });
    await t.ok("start_render", { wait: false });
    // No tool call from here on: the updates come from the server watching the render.
    assert(await waitFor(() => updates >= 3, 30_000), `${updates} updates`);
    const read = await t.client.readResource({ uri: "resolve://render/queue" });
    const queue = JSON.parse((read.contents[0] as { text: string }).text);
    assert(queue.jobs.some((j: { JobId: string }) => j.JobId === job_id));
  }, { RESOLVE_SIM_RENDER_SECONDS: "5" });
});

Deno.test("resource links: an exported EDL and a new timeline are linked in the result", async () => {
  await withFixture(async (t, _f, dir) => {
    const exported = await t.call("export_timeline", { format: "edl", path: `${dir}/cut.edl` });
    assert(!exported.isError, JSON.stringify(exported.content));
    const links = (exported.content as Content[]).filter((c) => c.type === "resource_link");
    assertEquals(links.map((l) => [l.uri, l.name, l.mimeType]), [
      [new URL(`file://${dir}/cut.edl`).href, "cut.edl", "text/plain"],
    ]);
    assert(Deno.statSync(`${dir}/cut.edl`).size > 0);

    const created = await t.call("create_timeline", { name: "Linked" });
    const link = (created.content as Content[]).find((c) => c.type === "resource_link")!;
    const id = (created.structuredContent as { id: string }).id;
    assertEquals(link.uri, `resolve://timeline/${encodeURIComponent(id)}`);
    // The link is a resource the server reads.
    const read = await t.client.readResource({ uri: link.uri! });
    assertEquals(JSON.parse((read.contents[0] as { text: string }).text).name, "Linked");
    // Reading tools name no file: no links.
    const listed = await t.call("list_timelines");
    assert(!(listed.content as Content[]).some((c) => c.type === "resource_link"));
  });
});

interface Task {
  taskId: string;
  status: string;
}

async function startTask(
  t: Parameters<Parameters<typeof withFixture>[0]>[0],
  name: string,
  args: Record<string, unknown>,
  progress: number[] = [],
): Promise<Task> {
  const created = await t.client.request(
    { method: "tools/call", params: { name, arguments: args, task: { ttl: 60_000 } } },
    types.CreateTaskResultSchema,
    { onprogress: (p) => progress.push(p.progress) },
  );
  return created.task;
}

const taskResult = (t: Parameters<Parameters<typeof withFixture>[0]>[0], taskId: string) =>
  t.client.request({ method: "tasks/result", params: { taskId } }, types.CallToolResultSchema);

const taskStatus = async (t: Parameters<Parameters<typeof withFixture>[0]>[0], taskId: string) =>
  (await t.client.request({ method: "tasks/get", params: { taskId } }, types.GetTaskResultSchema))
    .status;

Deno.test("tasks: a render runs as a task to its end, with progress and status", async () => {
  await withFixture(async (t, _f, dir) => {
    const caps = t.client.getServerCapabilities()!;
    assert(caps.tasks?.requests?.tools?.call, "the server runs tool calls as tasks");
    const tool = (await t.client.listTools()).tools.find((x) => x.name === "start_render")!;
    assertEquals(tool.execution?.taskSupport, "optional");
    await t.ok("set_render_settings", { settings: { TargetDir: dir, CustomName: "task" } });
    await t.ok("add_render_job");
    const progress: number[] = [];
    // max_wait_seconds 0: the plain call would return at once; the task follows to the end.
    const task = await startTask(t, "start_render", { max_wait_seconds: 0 }, progress);
    assert(["working", "completed"].includes(task.status), task.status);
    const listed = await t.client.request(
      { method: "tasks/list", params: {} },
      types.ListTasksResultSchema,
    );
    assert(listed.tasks.some((x) => x.taskId === task.taskId));
    const result = await taskResult(t, task.taskId);
    assert(!result.isError, JSON.stringify(result.content));
    const done = result.structuredContent as { in_progress: boolean; jobs: { status: string }[] };
    assertEquals([done.in_progress, done.jobs.map((j) => j.status)], [false, ["Complete"]]);
    assertEquals(await taskStatus(t, task.taskId), "completed");
    assert(progress.length >= 1, "progress notifications on the call's token");
    assert(Deno.statSync(`${dir}/task.mov`).size > 0);
    // The plain call stays the fallback, and a tool without task support refuses a task.
    assert(!(await t.call("render_status")).isError);
    let refused = "";
    await startTask(t, "list_timelines", {}).catch((e: Error) => refused = e.message);
    assertMatch(refused, /does not run as a task/);
  }, { RESOLVE_SIM_RENDER_SECONDS: "1" });
});

Deno.test("tasks: a failed render is a failed task; a cancelled one stops the render", async () => {
  await withFixture(async (t, _f, dir) => {
    await t.ok("set_render_settings", { settings: { TargetDir: dir, CustomName: "bad" } });
    const bad = (await t.ok("add_render_job")).job_id as string;
    const failing = await startTask(t, "start_render", { job_ids: [bad] });
    const failed = await taskResult(t, failing.taskId);
    assert(failed.isError);
    assertMatch(JSON.stringify(failed.content), /RENDER_FAILED/);
    assertEquals(await taskStatus(t, failing.taskId), "failed");

    await t.ok("set_render_settings", { settings: { TargetDir: dir, CustomName: "long" } });
    const long = (await t.ok("add_render_job")).job_id as string;
    const task = await startTask(t, "start_render", { job_ids: [long], max_wait_seconds: 0 });
    assert(await until(async () => (await t.ok("render_status")).in_progress === true));
    const cancelled = await t.client.request(
      { method: "tasks/cancel", params: { taskId: task.taskId } },
      types.CancelTaskResultSchema,
    );
    assertEquals(cancelled.status, "cancelled");
    // Cancelling the task stopped the render itself.
    const stopped = async () => {
      const status = await t.ok<
        { in_progress: boolean; jobs: { job_id: string; status: string }[] }
      >(
        "render_status",
      );
      return !status.in_progress &&
        status.jobs.find((j) => j.job_id === long)?.status === "Cancelled";
    };
    assert(await until(stopped), "the render was stopped");
    assertEquals(await taskStatus(t, task.taskId), "cancelled");
  }, { RESOLVE_SIM_RENDER_SECONDS: "6", RESOLVE_SIM_RENDER_FAIL: "bad" });
});
