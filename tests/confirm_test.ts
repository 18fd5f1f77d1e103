// Confirmations only the user can give: elicitation asks the user whatever the arguments say
// (a "no" is final); without it, one-time tokens bound to tool, arguments and session; with
// --no-unattended-destructive, a refusal. Plus the steps that replace work and now ask.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { type TestClient, tokenOf, withClient, withTempDir } from "./harness.ts";
import { argsDigest, canElicitForm, canonicalJson, ConfirmationTokens } from "../src/confirm.ts";

const ALL = ["--toolsets", "all"];
const code = (text: string) => /^Error ([A-Z_]+):/.exec(text)?.[1];

/** Projects that can be deleted: Resolve holds one that was loaded until it is closed. */
async function makeProjects(t: TestClient, ...names: string[]) {
  for (const name of names) {
    await t.ok("create_project", { name });
    await t.ok("close_project");
  }
}

async function projects(t: TestClient): Promise<string[]> {
  const list = await t.ok<{ entries: { name: string }[] }>("list_projects");
  return list.entries.map((e) => e.name).sort();
}

// -- the token store ---------------------------------------------------------------------

Deno.test("tokens: random, valid once, for their tool and arguments, until they expire", async () => {
  let now = 1_000;
  const tokens = new ConfirmationTokens(5 * 60_000, () => now);
  const digest = await argsDigest({ name: "A" });
  const a = tokens.issue("delete_project", digest, ["Delete A?"]);
  const b = tokens.issue("delete_project", digest, ["Delete A?"]);
  assert(/^[0-9a-f]{32}$/.test(a) && a !== b);
  assertEquals(tokens.redeem(a, "delete_project", digest), { ok: true, questions: ["Delete A?"] });
  assertEquals(tokens.redeem(a, "delete_project", digest), { ok: false, reason: "unknown" });
  assertEquals(tokens.redeem(b, "delete_timelines", digest), { ok: false, reason: "other_tool" });
  const c = tokens.issue("delete_project", digest, ["Delete A?"]);
  const other = await argsDigest({ name: "B" });
  assertEquals(tokens.redeem(c, "delete_project", other), { ok: false, reason: "other_arguments" });
  const d = tokens.issue("delete_project", digest, ["Delete A?"]);
  now += 5 * 60_000;
  assertEquals(tokens.redeem(d, "delete_project", digest), { ok: false, reason: "expired" });
});

Deno.test("the digest is of canonical JSON without the token", async () => {
  assertEquals(
    canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } }),
    canonicalJson({
      a: { c: null, d: [2, { e: 0, f: 1 }] },
      b: 1,
    }),
  );
  assertEquals(
    await argsDigest({ name: "A", confirmation_token: "x" }),
    await argsDigest({ name: "A" }),
  );
  assert(await argsDigest({ name: "A" }) !== await argsDigest({ name: "A", save: false }));
});

Deno.test("form elicitation: declared form, or an empty elicitation object; not URL only", () => {
  assert(canElicitForm({ elicitation: {} }));
  assert(canElicitForm({ elicitation: { form: {} } }));
  assert(canElicitForm({ elicitation: { form: {}, url: {} } }));
  assert(!canElicitForm({ elicitation: { url: {} } }));
  assert(!canElicitForm({}));
  assert(!canElicitForm(undefined));
});

// -- over stdio ----------------------------------------------------------------------------

Deno.test("confirm: true no longer deletes; a token works once, for its tool and arguments", async () => {
  await withClient({ args: ALL }, async (t) => {
    await makeProjects(t, "A", "HD 720p 50", "C");
    // The old way is gone: an unknown argument, nothing deleted.
    assertEquals(
      code(await t.error("delete_project", { name: "A", confirm: true })),
      "INVALID_ARGUMENTS",
    );
    const refusal = await t.error("delete_project", { name: "A" });
    assertEquals(code(refusal), "CONFIRMATION_REQUIRED");
    const token = tokenOf(refusal)!;
    assert(token);
    // Not for other arguments (and it is used up by trying).
    const wrong = await t.error("delete_project", { name: "C", confirmation_token: token });
    assertEquals(code(wrong), "CONFIRMATION_INVALID");
    assert(tokenOf(wrong) && tokenOf(wrong) !== token, "a fresh token comes with the refusal");
    assertEquals(
      code(await t.error("delete_project", { name: "A", confirmation_token: token })),
      "CONFIRMATION_INVALID",
    );
    // Made-up tokens confirm nothing.
    assertEquals(
      code(await t.error("delete_project", { name: "A", confirmation_token: "0".repeat(32) })),
      "CONFIRMATION_INVALID",
    );
    // Not for another tool with the same arguments.
    const preset = tokenOf(await t.error("apply_project_preset", { name: "HD 720p 50" }))!;
    assertEquals(
      code(await t.error("delete_project", { name: "HD 720p 50", confirmation_token: preset })),
      "CONFIRMATION_INVALID",
    );
    assertEquals(await projects(t), ["A", "C", "HD 720p 50"], "nothing deleted yet");

    // The right token deletes, once.
    const good = tokenOf(await t.error("delete_project", { name: "A" }))!;
    await t.ok("delete_project", { name: "A", confirmation_token: good });
    assertEquals(await projects(t), ["C", "HD 720p 50"]);
    await makeProjects(t, "A");
    assertEquals(
      code(await t.error("delete_project", { name: "A", confirmation_token: good })),
      "CONFIRMATION_INVALID",
    );
    assertEquals(await projects(t), ["A", "C", "HD 720p 50"]);
  });
});

Deno.test("with elicitation the user is asked every time, and a decline is final", async () => {
  await withClient({ args: ALL, elicit: "decline" }, async (t) => {
    await makeProjects(t, "A", "B");
    assertEquals(code(await t.error("delete_project", { name: "A" })), "USER_DECLINED");
    assertEquals(t.questions.length, 1);
    assertMatch(t.questions[0], /"A"/);
    // Retrying, with a token or anything else, asks the user again.
    const retry = await t.error("delete_project", {
      name: "A",
      confirmation_token: "f".repeat(32),
    });
    assertEquals(code(retry), "USER_DECLINED");
    assertEquals(tokenOf(retry), undefined, "no token is handed out when the user can be asked");
    assertEquals(t.questions.length, 2);
    t.answer = "cancel";
    assertEquals(code(await t.error("delete_project", { name: "A" })), "USER_DECLINED");
    assertEquals(await projects(t), ["A", "B"]);
    t.answer = "accept";
    await t.ok("delete_project", { name: "A" });
    assertEquals(t.questions.length, 4);
    assertEquals(await projects(t), ["B"]);
  });
  // An empty elicitation capability means form mode (2025-11-25): the user is asked.
  await withClient(
    { args: ALL, elicit: "decline", capabilities: { elicitation: {} } },
    async (t) => {
      await makeProjects(t, "A", "B");
      assertEquals(code(await t.error("delete_project", { name: "A" })), "USER_DECLINED");
      assertEquals(t.questions.length, 1);
    },
  );
});

Deno.test("a client with URL-only elicitation gets the token path", async () => {
  await withClient({ args: ALL, capabilities: { elicitation: { url: {} } } }, async (t) => {
    await makeProjects(t, "A", "B");
    assertEquals(await t.confirmed("delete_project", { name: "A" }), {
      deleted: "A",
      remaining: 1,
    });
  });
});

Deno.test("--no-unattended-destructive refuses what the client cannot ask the user", async () => {
  for (const flag of ["--no-unattended-destructive", "--no-unattended-destructive=true"]) {
    await withClient({ args: [...ALL, flag] }, async (t) => {
      await makeProjects(t, "A", "B");
      const text = await t.error("delete_project", { name: "A" });
      assertEquals(code(text), "DESTRUCTIVE_REFUSED");
      assertEquals(tokenOf(text), undefined);
      assertEquals(await projects(t), ["A", "B"]);
    });
  }
  // A client that can ask the user still works; =false (the bundle's default) is the token path.
  await withClient(
    { args: [...ALL, "--no-unattended-destructive"], elicit: "accept" },
    async (t) => {
      await makeProjects(t, "A", "B");
      await t.ok("delete_project", { name: "A" });
      assertEquals(await projects(t), ["B"]);
    },
  );
  await withClient({ args: [...ALL, "--no-unattended-destructive=false"] }, async (t) => {
    await makeProjects(t, "A", "B");
    await t.confirmed("delete_project", { name: "A" });
  });
});

// -- steps that replaced work without asking ----------------------------------------------

type Node = { lut: string; label: string; tools: string[] };

Deno.test("apply_drx_grade and set_node ask before replacing a grade or a LUT", async () => {
  await withTempDir(async (dir) => {
    Deno.writeTextFileSync(`${dir}/plain.drx`, "not a grade Resolve can read");
    Deno.writeTextFileSync(
      `${dir}/two.drx`,
      JSON.stringify({ nodes: [1, 2].map((i) => ({ label: `N${i}`, lut: "", tools: ["DRX"] })) }),
    );
    for (const n of ["Warm", "Cool"]) {
      Deno.writeTextFileSync(`${dir}/${n}.cube`, "LUT_3D_SIZE 2\n" + "0 0 0\n".repeat(8));
    }
    const args = [...ALL, "--allow-path", dir];
    await withClient({ args, elicit: "decline" }, async (t) => {
      await t.ok("create_project", { name: "Grade" });
      await t.ok("create_timeline", { name: "Cut" });
      const nodes = async () => (await t.ok("list_nodes", {})).nodes as Node[];
      // Resolve's default single empty node: nothing to lose, no question.
      await t.ok("apply_drx_grade", { graph: "timeline", path: `${dir}/plain.drx` });
      assertEquals(t.questions.length, 0);
      const graded = await nodes();
      const drx = { graph: "timeline", path: `${dir}/two.drx` };
      assertEquals(code(await t.error("apply_drx_grade", drx)), "USER_DECLINED");
      assertEquals(t.questions.length, 1);
      assertEquals(await nodes(), graded, "the grade is untouched");
      t.answer = "accept";
      assertEquals(((await t.ok("apply_drx_grade", drx)).nodes as Node[]).length, 2);

      await t.ok("create_timeline", { name: "Other" });
      const node = { graph: "timeline", timeline: "Other", node_index: 1 };
      await t.ok("set_node", { ...node, lut: `${dir}/Warm.cube` });
      await t.ok("set_node", { ...node, enabled: false });
      assertEquals(t.questions.length, 2, "a LUT on an empty node, or a switch, asks nothing");
      t.answer = "decline";
      assertEquals(
        code(await t.error("set_node", { ...node, lut: `${dir}/Cool.cube` })),
        "USER_DECLINED",
      );
      assertEquals(t.questions.length, 3);
      const lut = async () =>
        ((await t.ok("list_nodes", { timeline: "Other" })).nodes as Node[])[0];
      assertMatch((await lut()).lut, /Warm/);
      t.answer = "accept";
      await t.ok("set_node", { ...node, lut: `${dir}/Cool.cube` });
      assertMatch((await lut()).lut, /Cool/);
    });
  });
});

Deno.test("apply_project_preset asks before replacing the project's settings", async () => {
  await withClient({ args: ALL, elicit: "decline" }, async (t) => {
    await t.ok("create_project", { name: "Presets" });
    const before = (await t.ok("get_current_project")).frame_rate;
    assert(before !== "50");
    const preset = { name: "HD 720p 50" };
    assertEquals(code(await t.error("apply_project_preset", preset)), "USER_DECLINED");
    assertEquals((await t.ok("get_current_project")).frame_rate, before);
    t.answer = "accept";
    await t.ok("apply_project_preset", preset);
    assertEquals((await t.ok("get_current_project")).frame_rate, "50");
    assertEquals(t.questions.length, 2);
  });
});

Deno.test("switching projects saves the one left first; an unsavable one with work asks", async () => {
  await withClient({ args: ALL }, async (t) => {
    // The fresh Untitled Project holds nothing: no question.
    const a = await t.ok("create_project", { name: "A" });
    assertEquals(a.saved_previous, null);
    await t.ok("create_timeline", { name: "Cut" });
    const b = await t.ok("create_project", { name: "B" });
    assertEquals(b.saved_previous, "A");
    const opened = await t.ok("open_project", { name: "A" });
    assertEquals(opened.saved_previous, "B");
    assertEquals((await t.ok("get_current_project")).timeline_count, 1);

    // Work in the never-saved Untitled Project: switching away would lose it, so it asks.
    await t.ok("close_project");
    await t.ok("create_timeline", { name: "Scratch" });
    assertEquals(code(await t.error("open_project", { name: "B" })), "CONFIRMATION_REQUIRED");
    const here = await t.ok("get_current_project");
    assertEquals([here.name, here.timeline_count], ["Untitled Project", 1]);
    assertEquals((await t.confirmed("open_project", { name: "B" })).saved_previous, null);
    assertEquals((await t.ok("get_current_project")).name, "B");
  });
});
