// Frames and SMPTE timecode at Resolve's rates, drop-frame included. Timecode counts at the
// nominal rate (24 for 23.976, 30 for 29.97); drop-frame skips frame numbers 0 and 1 (0-3
// at 59.94) at the start of every minute except each tenth minute.

export interface Rate {
  fps: number;
  nominal: number;
  drop: boolean;
}

const RATES = [
  16,
  18,
  23.976,
  24,
  25,
  29.97,
  30,
  47.952,
  48,
  50,
  59.94,
  60,
  72,
  95.904,
  96,
  100,
  119.88,
  120,
];

/** Parses Resolve's rate strings: "24", "23.976", "29.97 DF", "59.94 DF". */
export function parseRate(value: string | number): Rate | undefined {
  const text = String(value).trim();
  const match = /^(\d+(?:\.\d+)?)(\s*DF)?$/i.exec(text);
  if (!match) return undefined;
  const fps = Number(match[1]);
  if (!RATES.includes(fps)) return undefined;
  const drop = Boolean(match[2]);
  if (drop && fps !== 29.97 && fps !== 59.94) return undefined;
  return { fps, nominal: Math.round(fps), drop };
}

function dropsPerMinute(rate: Rate): number {
  return rate.drop ? Math.round(rate.nominal / 15) : 0;
}

/** "HH:MM:SS:FF" (or ";" before FF for drop-frame) to a frame count; undefined if invalid. */
export function timecodeToFrames(timecode: string, rate: Rate): number | undefined {
  const match = /^(\d{1,2}):(\d{2}):(\d{2})[:;.,](\d{2,3})$/.exec(timecode.trim());
  if (!match) return undefined;
  const [h, m, s, f] = match.slice(1).map(Number);
  if (m > 59 || s > 59 || f >= rate.nominal) return undefined;
  const drop = dropsPerMinute(rate);
  if (drop && s === 0 && m % 10 !== 0 && f < drop) return undefined;
  const totalMinutes = h * 60 + m;
  return (h * 3600 + m * 60 + s) * rate.nominal + f -
    drop * (totalMinutes - Math.floor(totalMinutes / 10));
}

/** A frame count to timecode at the given rate. */
export function framesToTimecode(frames: number, rate: Rate): string {
  let n = Math.max(0, Math.floor(frames));
  const drop = dropsPerMinute(rate);
  if (drop) {
    const perTenMinutes = rate.nominal * 600 - drop * 9;
    const perMinute = rate.nominal * 60 - drop;
    const tens = Math.floor(n / perTenMinutes);
    const rest = n % perTenMinutes;
    n += drop * 9 * tens + (rest > drop ? drop * Math.floor((rest - drop) / perMinute) : 0);
  }
  const f = n % rate.nominal;
  const totalSeconds = Math.floor(n / rate.nominal);
  const hours = Math.floor(totalSeconds / 3600) % 24;
  const minutes = Math.floor(totalSeconds / 60) % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(totalSeconds % 60)}${drop ? ";" : ":"}${pad(f)}`;
}

// Two digits at least (a listing formats four timecodes an item: no closure, no padStart).
function pad(v: number): string {
  return v < 10 ? `0${v}` : `${v}`;
}
