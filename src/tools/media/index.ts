// Toolset "media": the media pool (bins, clips, import) and media storage.
import type { ToolRegistry } from "../registry.ts";
import { analyzeClips, clearClipAnalysis, removeMotionBlur } from "./analysis.ts";
import { cloneMedia, cloneMediaStatus, stopCloneMedia } from "./clone.ts";
import {
  createBin,
  deleteBins,
  exportBin,
  importBin,
  listBins,
  moveBins,
  refreshBins,
  setCurrentBin,
} from "./bins.ts";
import {
  deleteClips,
  exportClipMetadata,
  getClipInfo,
  listClips,
  moveClips,
  setClipMarks,
  setClipProperties,
  tagClips,
} from "./clips.ts";
import { linkProxy, relinkClips, replaceClip, unlinkClips } from "./links.ts";
import { editClipMarkers, listClipMarkers } from "./markers.ts";
import { listMattes, manageMattes } from "./mattes.ts";
import { createStereoClip, syncAudio } from "./pairing.ts";
import { getSelectedClips, selectClip } from "./selection.ts";
import {
  addFromStorage,
  browseStorage,
  importImageSequence,
  importMedia,
  monitorGrowingFile,
  revealInStorage,
} from "./storage.ts";

export function registerMediaTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "media",
    description:
      "Media pool and storage: import, bins, clip properties and metadata, markers, proxies.",
  });
  for (
    const tool of [
      importMedia,
      listClips,
      listBins,
      createBin,
      getClipInfo,
      setClipProperties,
      browseStorage,
      revealInStorage,
      addFromStorage,
      importImageSequence,
      listMattes,
      manageMattes,
      setCurrentBin,
      moveBins,
      deleteBins,
      exportBin,
      importBin,
      refreshBins,
      tagClips,
      setClipMarks,
      listClipMarkers,
      editClipMarkers,
      linkProxy,
      relinkClips,
      unlinkClips,
      replaceClip,
      deleteClips,
      moveClips,
      syncAudio,
      analyzeClips,
      clearClipAnalysis,
      removeMotionBlur,
      createStereoClip,
      exportClipMetadata,
      getSelectedClips,
      selectClip,
      monitorGrowingFile,
      cloneMedia,
      cloneMediaStatus,
      stopCloneMedia,
    ]
  ) registry.add(tool);
}
