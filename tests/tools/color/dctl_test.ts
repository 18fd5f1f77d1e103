// validate_dctl and encrypt_dctl (Resolve 21.1) over stdio against the simulator.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";

const KERNEL =
  `__DEVICE__ float3 transform(int p_Width, int p_Height, int p_X, int p_Y, float p_R, float p_G, float p_B)
{
    return make_float3(p_R, p_G, p_B);
}
`;
const OLD = { RESOLVE_SIM_VERSION: "21.0.4.5" };

Deno.test("validate_dctl: a kernel compiles; the same kernel on one line and a non-kernel give Resolve's errors verbatim", async () => {
  await withFixture(async (t) => {
    const ok = await t.ok<{ valid: boolean; error: string | null; lines: number }>(
      "validate_dctl",
      { source: KERNEL },
    );
    assertEquals([ok.valid, ok.error, ok.lines], [true, null, 5]);
    const flat = await t.ok<{ valid: boolean; error: string | null }>("validate_dctl", {
      source: KERNEL.replaceAll("\n", " "),
    });
    assertEquals(flat.valid, false);
    assertMatch(flat.error!, /does not have return value/);
    const none = await t.ok<{ valid: boolean; error: string | null }>("validate_dctl", {
      source: "float x = 1.0;",
    });
    assertEquals(none.error, "DCTL Error: cannot find main DCTL function.\n");
  });
  await withFixture(async (t) => {
    assertMatch(
      await t.error("validate_dctl", { source: KERNEL }),
      /VERSION_UNSUPPORTED.*21\.1/s,
    );
  }, OLD);
});

Deno.test("encrypt_dctl: writes <name>.dctle once, with or without expiry; never replaces a file", async () => {
  await withFixture(async (t, _f, dir) => {
    Deno.writeTextFileSync(`${dir}/ident.dctl`, KERNEL);
    Deno.mkdirSync(`${dir}/out`);
    const plain = await t.ok<{ file: string; expiry: string | null }>("encrypt_dctl", {
      path: `${dir}/ident.dctl`,
      output_folder: `${dir}/out`,
    });
    assertEquals([plain.file, plain.expiry], [`${dir}/out/ident.dctle`, null]);
    const bytes = Deno.readFileSync(plain.file);
    assert(bytes.length > 0);
    assert(!new TextDecoder().decode(bytes).includes("make_float3"), "the source is not readable");
    // a name already ending in .dctle does not become x.dctle.dctle
    const dated = await t.ok<{ file: string; expiry: string | null }>("encrypt_dctl", {
      path: `${dir}/ident.dctl`,
      output_folder: `${dir}/out`,
      name: "client.dctle",
      expiry: "2030-12-31",
    });
    assertEquals([dated.file, dated.expiry], [`${dir}/out/client.dctle`, "2030-12-31"]);
    assertMatch(
      await t.error("encrypt_dctl", { path: `${dir}/ident.dctl`, output_folder: `${dir}/out` }),
      /FILE_EXISTS/,
    );
    Deno.writeTextFileSync(`${dir}/broken.dctl`, "float x;");
    assertMatch(
      await t.error("encrypt_dctl", { path: `${dir}/broken.dctl`, output_folder: `${dir}/out` }),
      /ENCRYPT_REFUSED/,
    );
    assertMatch(
      await t.error("encrypt_dctl", { path: `${dir}/ident.dctl`, output_folder: "/etc" }),
      /PATH_NOT_ALLOWED/,
    );
  });
  await withFixture(async (t, _f, dir) => {
    Deno.writeTextFileSync(`${dir}/ident.dctl`, KERNEL);
    assertMatch(
      await t.error("encrypt_dctl", { path: `${dir}/ident.dctl`, output_folder: dir }),
      /VERSION_UNSUPPORTED/,
    );
  }, OLD);
});
