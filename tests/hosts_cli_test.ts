// --resolve-host, repeatable and named: the hosts the server drives.
import { throws } from "node:assert";
import { assertEquals } from "./assert.ts";
import { parseOptions, parseResolveHosts, UsageError } from "../src/cli.ts";

Deno.test("--resolve-host: repeatable NAME=ADDRESS (or ADDRESS, named after itself); none is this machine", () => {
  assertEquals(parseOptions([]).resolveHosts, [{ name: "local" }]);
  assertEquals(parseOptions([]).resolveHost, undefined);
  const o = parseOptions([
    "--resolve-host",
    "edit1=10.0.0.11",
    "--resolve-host",
    "render2.studio.lan",
  ]);
  assertEquals(o.resolveHosts, [
    { name: "edit1", address: "10.0.0.11" },
    { name: "render2.studio.lan", address: "render2.studio.lan" },
  ]);
  assertEquals(o.resolveHost, "10.0.0.11", "the first host is the default");
  // The bundle passes one comma-separated value (empty when unset).
  assertEquals(parseResolveHosts(["a=10.0.0.1, b=10.0.0.2"]).map((h) => h.name), ["a", "b"]);
  assertEquals(parseResolveHosts([""]), [{ name: "local" }]);
});

Deno.test("--resolve-host: a repeated name, a bad name or a bad address is a usage error", () => {
  const usage = (pattern: RegExp) => (e: unknown) =>
    e instanceof UsageError && pattern.test(e.message);
  throws(() => parseResolveHosts(["a=10.0.0.1", "a=10.0.0.2"]), usage(/twice/));
  throws(() => parseResolveHosts(["bad name=10.0.0.1"]), usage(/the name must be/));
  throws(() => parseResolveHosts(["a=10.0.0.1;rm"]), usage(/not a host name/));
});
