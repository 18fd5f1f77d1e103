// Toolset "hosts": several Resolve machines on one shared project database: which answer and what each does, and renders spread across them.
import type { ToolRegistry } from "../registry.ts";
import { listHosts } from "./hosts.ts";
import { distributedRenderStatus, distributeRender } from "./distribute.ts";

export function registerHostsTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "hosts",
    description:
      "Several Resolve machines (--resolve-host NAME=ADDRESS): which answer and what each does, and renders spread across them on a shared project database.",
  });
  registry.add(listHosts);
  registry.add(distributeRender);
  registry.add(distributedRenderStatus);
}
