// Toolset "audio": Fairlight presets, audio tracks, voice isolation, mapping, insert, speech.
import type { ToolRegistry } from "../registry.ts";
import {
  addAudioTrack,
  applyFairlightPreset,
  generateSpeech,
  getAudioMapping,
  insertAudio,
  listAudioTracks,
  setVoiceIsolation,
} from "./audio.ts";
import { getTranscript } from "./transcript.ts";
import { normalizeAudio, setAudioMapping } from "./levels.ts";

export function registerAudioTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "audio",
    description:
      "Audio: Fairlight presets, voice isolation, audio track types, insert at playhead.",
  });
  for (
    const tool of [
      listAudioTracks,
      addAudioTrack,
      setVoiceIsolation,
      getAudioMapping,
      applyFairlightPreset,
      insertAudio,
      generateSpeech,
      getTranscript,
      normalizeAudio,
      setAudioMapping,
    ]
  ) registry.add(tool);
}
