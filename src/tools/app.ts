// Toolset "app": Resolve itself (pages, version and edition, presets, keyframe mode).
import { z } from "zod";
import { fail } from "../errors.ts";
import { defineTool } from "../tool.ts";
import type { ToolRegistry } from "./registry.ts";
import { PAGES } from "./shared.ts";

const switchPage = defineTool({
  name: "switch_page",
  title: "Switch page",
  description:
    "Shows one of Resolve's pages (media, cut, edit, fusion, color, fairlight, deliver, photo). Some calls only work on certain pages: the playhead needs cut/edit/color/fairlight/deliver.",
  toolset: "app",
  readOnly: false,
  idempotent: true,
  input: { page: z.enum(PAGES).describe("The page to show. 'photo' needs Resolve 21 or newer.") },
  output: {
    page: z.string().describe("The page now shown."),
    previous: z.string().nullable().describe("The page shown before, or null if unknown."),
  },
  apiMethods: ["Resolve.OpenPage", "Resolve.GetCurrentPage"],
  async handler({ page }, { resolve }) {
    const root = await resolve.root();
    const [previous, ok, now] = await resolve.batch([
      { h: root.$h, m: "GetCurrentPage" },
      { h: root.$h, m: "OpenPage", a: [page] },
      { h: root.$h, m: "GetCurrentPage" },
    ]);
    if (ok !== true) {
      fail(
        "PAGE_REFUSED",
        `Resolve refused to open the ${page} page`,
        "This Resolve version may not have that page, or a modal dialog is open in Resolve.",
      );
    }
    return {
      summary: `Switched to the ${now ?? page} page (was ${previous ?? "unknown"}).`,
      data: { page: String(now ?? page), previous: (previous as string | null) ?? null },
    };
  },
});

export function registerAppTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "app",
    description:
      "Resolve itself: pages, version and edition, layout/preferences/burn-in presets, keyframe mode.",
  });
  registry.add(switchPage, { default: true });
}
