// Toolset "timeline": timelines of the current project, their tracks, items and markers.
import type { ToolRegistry } from "../registry.ts";
import {
  createTimeline,
  deleteTimelines,
  duplicateTimeline,
  getTimelineInfo,
  listTimelinesTool,
  renameTimeline,
  setTimelineMarks,
  setTimelineSettings,
  switchTimeline,
} from "./timelines.ts";
import { addMarker, deleteMarkers, listMarkers, updateMarkerCustomData } from "./markers.ts";
import {
  appendToTimeline,
  createCompoundClip,
  createTimelineFromClips,
  insertGenerator,
} from "./build.ts";
import { addTrack, deleteTrack, listTracks, setTrack } from "./tracks.ts";
import {
  deleteTimelineItems,
  getPlayhead,
  getSelectedItems,
  linkTimelineItems,
  listTimelineItems,
  setPlayhead,
} from "./items.ts";
import {
  convertTimelineToStereo,
  createSubtitlesFromAudio,
  detectSceneCuts,
  exportTimeline,
  importIntoTimeline,
  importTimeline,
} from "./interchange.ts";
import {
  autoAlignClips,
  createMulticamClip,
  flattenMulticam,
  switchMulticamAngles,
} from "./multicam.ts";
import { setOutputBlanking } from "./blanking.ts";

export function registerTimelineTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "timeline",
    description:
      "Timelines: create, list, switch, tracks, items, markers, playhead, import/export.",
  });
  for (
    const tool of [
      createTimeline,
      addMarker,
      listTimelinesTool,
      switchTimeline,
      createTimelineFromClips,
      appendToTimeline,
      listTimelineItems,
      listMarkers,
      setPlayhead,
      importTimeline,
      exportTimeline,
      renameTimeline,
      duplicateTimeline,
      deleteTimelines,
      getTimelineInfo,
      setTimelineSettings,
      setTimelineMarks,
      listTracks,
      addTrack,
      deleteTrack,
      setTrack,
      deleteTimelineItems,
      linkTimelineItems,
      getSelectedItems,
      deleteMarkers,
      updateMarkerCustomData,
      getPlayhead,
      createCompoundClip,
      insertGenerator,
      createSubtitlesFromAudio,
      detectSceneCuts,
      convertTimelineToStereo,
      importIntoTimeline,
      // Resolve 21.1
      createMulticamClip,
      switchMulticamAngles,
      flattenMulticam,
      autoAlignClips,
      setOutputBlanking,
    ]
  ) registry.add(tool);
}
