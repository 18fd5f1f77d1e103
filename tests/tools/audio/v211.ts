// Media for the Resolve 21.1 audio tests: PCM WAV files of a given level, and the sidecar the
// simulated speech recogniser reads (bridge/simulator/sim_v211_media.py speech_lines).

/** A 16-bit stereo 440 Hz sine WAV whose peak is `amplitude` (0-1 of full scale). */
export function writeToneWav(path: string, seconds: number, amplitude: number): void {
  const rate = 48000;
  const frames = Math.round(seconds * rate);
  const buf = new ArrayBuffer(44 + frames * 4);
  const v = new DataView(buf);
  const ascii = (o: number, s: string) =>
    [...s].forEach((c, i) => v.setUint8(o + i, c.charCodeAt(0)));
  ascii(0, "RIFF");
  v.setUint32(4, 36 + frames * 4, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 2, true);
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * 4, true);
  v.setUint16(32, 4, true);
  v.setUint16(34, 16, true);
  ascii(36, "data");
  v.setUint32(40, frames * 4, true);
  for (let i = 0; i < frames; i++) {
    const s = Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * amplitude * 32767);
    v.setInt16(44 + i * 4, s, true);
    v.setInt16(46 + i * 4, s, true);
  }
  Deno.writeFileSync(path, new Uint8Array(buf));
}

/** What the simulated recogniser hears in `media`: one "Speaker: words" line per utterance. */
export function writeSpeech(media: string, lines: string[]): void {
  Deno.writeTextFileSync(`${media}.speech.txt`, lines.join("\n") + "\n");
}

/** A Resolve version without the 21.1 methods. */
export const OLD = { RESOLVE_SIM_VERSION: "21.0.4.5" };
