// Toolset "color": Grading: node graphs, LUTs, CDL, node labels, colour groups, gallery stills and PowerGrades, grade copy, cache.
import type { ToolRegistry } from "../registry.ts";
import {
  applyArriCdlLut,
  applyDrxGrade,
  copyGrades,
  exportLut,
  listNodes,
  resetGrade,
  setCdl,
  setNode,
} from "./nodes.ts";
import {
  assignToColorGroup,
  listColorGroupItems,
  listColorGroups,
  manageColorGroups,
} from "./groups.ts";
import {
  deleteStills,
  exportStills,
  grabStills,
  importStills,
  listGalleryAlbums,
  listStills,
  manageGalleryAlbums,
  setStillLabel,
} from "./gallery.ts";
import { analyzeDolbyVision, exportCurrentFrame, getClipThumbnail } from "./frames.ts";
import { encryptDctl, validateDctl } from "./dctl.ts";

export function registerColorTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "color",
    description:
      "Grading: node graphs, LUTs, CDL, node labels, colour groups, gallery stills and PowerGrades, grade copy, cache.",
  });
  registry.add(listNodes);
  registry.add(setNode);
  registry.add(setCdl);
  registry.add(applyDrxGrade);
  registry.add(resetGrade);
  registry.add(applyArriCdlLut);
  registry.add(exportLut);
  registry.add(copyGrades);
  registry.add(listColorGroups);
  registry.add(manageColorGroups);
  registry.add(assignToColorGroup);
  registry.add(listColorGroupItems);
  registry.add(listGalleryAlbums);
  registry.add(manageGalleryAlbums);
  registry.add(grabStills);
  registry.add(listStills);
  registry.add(setStillLabel);
  registry.add(importStills);
  registry.add(exportStills);
  registry.add(deleteStills);
  registry.add(analyzeDolbyVision);
  registry.add(getClipThumbnail);
  registry.add(exportCurrentFrame);
  registry.add(validateDctl);
  registry.add(encryptDctl);
}
