// `deno task demo`: an AI-client-style session against the simulated Resolve. It starts the
// real server (`deno task start --simulator`) through the MCP SDK client, makes its own sample
// media, and walks through a short editing session, printing each call and its result.
import { Client, StdioClientTransport } from "../src/sdk_client.ts";
import type { CallToolResult } from "../src/sdk.ts";
import { writePng, writeWav } from "./sample_media.ts";

const root = new URL("..", import.meta.url).pathname;
const color = Deno.noColor
  ? (_: number, s: string) => s
  : (c: number, s: string) => `\x1b[${c}m${s}\x1b[0m`;
const bold = (s: string) => color(1, s);
const dim = (s: string) => color(2, s);
const green = (s: string) => color(32, s);
const yellow = (s: string) => color(33, s);

function env(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ["PATH", "HOME", "DENO_DIR", "TMPDIR", "SYSTEMROOT", "USERPROFILE"]) {
    const v = Deno.env.get(name);
    if (v) out[name] = v;
  }
  return out;
}

const media = await Deno.realPath(await Deno.makeTempDir({ prefix: "resolve-mcp-demo-" }));
writeWav(`${media}/interview_tone.wav`, 6, 48000, 2);
writeWav(`${media}/room_tone.wav`, 3, 48000, 1);
await writePng(`${media}/title_card.png`, 1920, 1080, [20, 20, 30]);
await writePng(`${media}/lower_third.png`, 1280, 720, [200, 120, 30]);

console.log(bold("DaVinci Resolve MCP server: demo session on the simulated Resolve"));
console.log(dim(`sample media in ${media}\n`));

const transport = new StdioClientTransport({
  command: Deno.execPath(),
  args: [
    "task",
    "--quiet",
    "start",
    "--simulator",
    "--allow-path",
    media,
    "--log-level",
    "warning",
  ],
  cwd: root,
  env: env(),
  stderr: "inherit",
});
const client = new Client({ name: "demo", version: "1.0.0" });
let failures = 0;
// The frames the demo looks at are kept (the sample media is removed at the end).
const frames = await Deno.realPath(await Deno.makeTempDir({ prefix: "resolve-mcp-demo-frames-" }));
let lastImages: { data: string; mimeType: string }[] = [];

/** Saves the image the last step returned; its path is printed. */
function saveImage(name: string) {
  const [image] = lastImages;
  if (!image) return;
  const path = `${frames}/${name}.${image.mimeType === "image/png" ? "png" : "jpg"}`;
  Deno.writeFileSync(path, Uint8Array.fromBase64(image.data));
  console.log(dim(`    saved ${path}`));
  console.log();
}

async function step(
  intent: string,
  name: string,
  args: Record<string, unknown>,
  expectError = false,
) {
  console.log(`${bold("›")} ${intent}`);
  console.log(dim(`  ${name}(${JSON.stringify(args)})`));
  // Long tools (a render) report progress; show it as it comes, as a client would.
  let shown = -1;
  const onprogress = ({ progress, total }: { progress: number; total?: number }) => {
    const percent = Math.round(total ? (progress / total) * 100 : progress);
    if (percent < shown + 20 && percent < 100) return;
    shown = percent;
    console.log(dim(`    … ${percent}%`));
  };
  const result = await client.callTool(
    { name, arguments: args },
    undefined,
    { onprogress },
  ) as CallToolResult;
  const text = (result.content[0] as { text: string }).text.split("\n");
  lastImages = result.content.filter((c) => c.type === "image") as typeof lastImages;
  if (result.isError) {
    console.log(`  ${expectError ? yellow("refused, as expected:") : "FAILED:"} ${text[0]}`);
    if (text[1]) console.log(dim(`  ${text[1]}`));
    if (!expectError) failures++;
  } else {
    console.log(`  ${green("✓")} ${text[0]}`);
    if (expectError) failures++;
  }
  console.log();
  return result.structuredContent as Record<string, unknown> | undefined;
}

try {
  await client.connect(transport);
  const { tools } = await client.listTools();
  console.log(`Connected. The server offers ${tools.length} tools by default.\n`);

  await step("Open the Media page", "switch_page", { page: "media" });
  await step("Start a project for the short", "create_project", { name: "Demo Short" });
  const ingest = await step("Bring in the day's media", "import_media", {
    paths: [
      `${media}/interview_tone.wav`,
      `${media}/room_tone.wav`,
      `${media}/title_card.png`,
      `${media}/lower_third.png`,
    ],
    bin: "Dailies/Day 1",
  });
  for (const clip of (ingest?.clips ?? []) as Record<string, unknown>[]) {
    console.log(
      dim(`    ${clip.name}: ${clip.type}, ${clip.resolution || "audio"}, ${clip.duration}`),
    );
  }
  if (ingest) console.log();
  await step("Create the edit timeline (project rate)", "create_timeline", { name: "Rough Cut" });
  await step(
    "And a 29.97 drop-frame version for broadcast",
    "create_timeline",
    {
      name: "Broadcast Cut",
      frame_rate: "29.97 DF",
      resolution_width: 1920,
      resolution_height: 1080,
    },
  );
  await step("Mark where the title should land", "add_marker", {
    timecode: "01:00:02;00",
    color: "Blue",
    name: "Title in",
    note: "Fade the title card in here",
  });
  await step("Flag a note for the mixer, one minute in", "add_marker", {
    frame: 1800,
    color: "Red",
    name: "Audio",
    note: "Room tone dips",
    duration: 30,
    custom_data: "mix-note-1",
  });
  await step(
    "Try to mark the same frame twice",
    "add_marker",
    { frame: 1800, color: "Green" },
    true,
  );
  await step("Try to reuse a project name", "create_project", { name: "Demo Short" }, true);
  // append_to_timeline is outside the default set: one call loads its toolset.
  await step("Load the timeline toolset for this session", "enable_toolset", {
    toolset: "timeline",
  });
  const cut = await step(
    "Lay the title card and the interview on the rough cut",
    "append_to_timeline",
    {
      timeline: "Rough Cut",
      clips: [{ clip: "title_card.png" }, { clip: "interview_tone.wav" }],
    },
  );
  const items = (cut?.items ?? []) as {
    id: string;
    name: string;
    start_timecode: string;
    track_type: string;
    track_index: number;
  }[];
  for (const item of items) {
    const track = `${item.track_type === "audio" ? "A" : "V"}${item.track_index}`;
    console.log(dim(`    ${track} ${item.start_timecode}  ${item.name}`));
  }
  if (items.length) console.log();
  await step("Hand over to the colourist", "switch_page", { page: "color" });
  if (items[0]) {
    const look = { timeline: "Rough Cut", at_frame: 24 };
    await step("Look at the title card before grading", "get_frame", look);
    saveImage("before_grade");
    await step("Warm up the title card a touch", "set_cdl", {
      item_id: items[0].id,
      slope: [1.08, 1.0, 0.94],
      offset: [0.01, 0, 0],
      power: [1, 1, 1],
      saturation: 1.1,
    });
    await step("And look at it again, graded", "get_frame", look);
    saveImage("after_grade");
  }
  await step("Set up an H.264 review render into the media folder", "set_render_settings", {
    format: "mp4",
    codec: "H264",
    settings: { TargetDir: media, CustomName: "rough_cut_review" },
  });
  await step("Queue the rough cut", "add_render_job", { timeline: "Rough Cut" });
  const render = await step("Render it and wait", "start_render", { wait: true });
  for (const job of (render?.jobs ?? []) as { status: string; output_path: string }[]) {
    console.log(dim(`    ${job.status}: ${job.output_path}`));
  }
} finally {
  await client.close();
  await Deno.remove(media, { recursive: true });
}

if (failures) {
  console.log(`${failures} step(s) did not go as expected.`);
  Deno.exit(1);
}
console.log(green("Demo finished: every step behaved as expected."));
