// Toolset "item": Timeline items: transform, crop, composite, retime, stabilisation, enable, colour, flags, markers, takes, Fusion comps, versions.
import type { ToolRegistry } from "../registry.ts";
import { getItemProperties, setItemFlags, setItemProperties } from "./properties.ts";
import { addItemMarker, deleteItemMarkers, listItemMarkers, updateItemMarker } from "./markers.ts";
import { listItemTakes, manageItemTakes } from "./takes.ts";
import { listFusionComps, manageFusionComps } from "./fusion.ts";
import { listColorVersions, manageColorVersions } from "./versions.ts";
import { runItemProcess } from "./process.ts";
import { addTransition, setFades, setSpeed } from "./transitions.ts";

export function registerItemTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "item",
    description:
      "Timeline items: transform, crop, composite, retime, stabilisation, enable, colour, flags, markers, takes, Fusion comps, versions.",
  });
  registry.add(getItemProperties);
  registry.add(setItemProperties);
  registry.add(setItemFlags);
  registry.add(addItemMarker);
  registry.add(listItemMarkers);
  registry.add(updateItemMarker);
  registry.add(deleteItemMarkers);
  registry.add(listItemTakes);
  registry.add(manageItemTakes);
  registry.add(listFusionComps);
  registry.add(manageFusionComps);
  registry.add(listColorVersions);
  registry.add(manageColorVersions);
  registry.add(runItemProcess);
  for (const tool of [addTransition, setFades, setSpeed]) registry.add(tool); // 21.1
}
