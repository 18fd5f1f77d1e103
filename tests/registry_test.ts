// The registry entry (server.json, the MCP registry's 2025-12-11 schema) and the bundle
// manifest agree with each other and with the server: one owner spelled as GitHub spells it,
// one version, the icon the server declares in initialize.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { ROOT, withClient } from "./harness.ts";
import { ICON_SVG } from "../src/identity.ts";
import { VERSION } from "../src/version.ts";

const server = JSON.parse(Deno.readTextFileSync(`${ROOT}server.json`));
const manifest = JSON.parse(Deno.readTextFileSync(`${ROOT}manifest.json`));
const ICON_TYPES = ["image/png", "image/jpeg", "image/jpg", "image/svg+xml", "image/webp"];

Deno.test("server.json: the registry's current schema, a namespace matching the repository owner", () => {
  assertEquals(
    server.$schema,
    "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
  );
  assertMatch(server.name, /^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/);
  const repo = /^https:\/\/github\.com\/([^/]+)\/([^/]+)$/.exec(server.repository.url)!;
  assert(repo, server.repository.url);
  assertEquals(server.repository.source, "github");
  // io.github.<owner>/<name>: the owner exactly as in the repository URL (case included).
  assertEquals(server.name, `io.github.${repo[1]}/${repo[2]}`);
  assert(server.description.length >= 1 && server.description.length <= 100);
  assertEquals(server.version, VERSION);
  for (const pkg of server.packages) {
    assertEquals(pkg.registryType, "mcpb");
    assert(pkg.identifier.startsWith(`${server.repository.url}/releases/download/v${VERSION}/`));
    assertMatch(pkg.fileSha256, /^[a-f0-9]{64}$/);
    assertEquals(pkg.transport, { type: "stdio" });
  }
  assert(server.icons.length >= 1);
  for (const icon of server.icons) {
    assert(icon.src.startsWith("https://"), "registry icons are HTTPS URLs");
    assert(icon.src.length <= 255);
    assert(ICON_TYPES.includes(icon.mimeType), icon.mimeType);
    for (const size of icon.sizes) assertMatch(size, /^(\d+x\d+|any)$/);
    // Each names a file of this repository (on its main branch).
    const path = icon.src.replace(
      /^https:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/main\//,
      "",
    );
    assert(Deno.statSync(`${ROOT}${path}`).isFile, path);
  }
});

Deno.test("manifest.json: the same owner and version, a 512x512 PNG icon", () => {
  assertEquals(manifest.version, VERSION);
  assertEquals(manifest.repository.url, server.repository.url);
  const png = Deno.readFileSync(`${ROOT}${manifest.icon}`);
  assertEquals([...png.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer);
  assertEquals([view.getUint32(16), view.getUint32(20)], [512, 512]);
  assertEquals(manifest.icons[0].src, manifest.icon);
});

Deno.test("the server declares its icon in initialize (the SVG in docs/)", async () => {
  assertEquals(ICON_SVG, Deno.readTextFileSync(`${ROOT}docs/icon.svg`).trim());
  await withClient({}, (t) => {
    const info = t.client.getServerVersion() as { title?: string; icons?: { src: string }[] };
    assertEquals(info.title, "DaVinci Resolve");
    const src = info.icons![0].src;
    assertEquals(atob(src.replace("data:image/svg+xml;base64,", "")), ICON_SVG);
    return Promise.resolve();
  });
});
