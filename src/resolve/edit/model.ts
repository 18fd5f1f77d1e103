// The edit engine's model of a timeline: what the planner (pure, src/resolve/edit/plan*.ts)
// reads and returns, and what the applier (src/resolve/edit/apply*.ts) reads from Resolve and
// writes back. Frames count from the timeline's first frame (0 = start); ends are exclusive.

export type ModelTrackType = "video" | "audio" | "subtitle";

export interface ModelItem {
  /** An existing item's id (as list_timeline_items returns it), or "new:<n>" for a planned one. */
  id: string;
  /** The existing item whose work (properties, grade, markers, colour...) this one carries; null for a fresh clip. */
  origin: string | null;
  track_type: ModelTrackType;
  /** 1-based track index. */
  track_index: number;
  /** Record range, frames from the timeline start, end exclusive. */
  start: number;
  end: number;
  /** Source range in the clip's own frames (0 = the clip's first frame), end exclusive. */
  source_start: number;
  source_end: number;
  /** The media pool item's unique id; null for generators, titles and other items without a clip. */
  clip_id: string | null;
  /** Link group: items sharing a non-null key are linked (a video item and its audio). */
  link: string | null;
}

export interface ModelMedia {
  /** Frames of media available in the clip (source frames 0..frames, end exclusive). */
  frames: number;
  has_video: boolean;
  has_audio: boolean;
}

export interface TimelineModel {
  items: ModelItem[];
  /** Per clip_id: the media available, so trims and inserts stay inside it. */
  media: Record<string, ModelMedia>;
  /** Track counts per type (a plan may need new tracks: it then raises these). */
  tracks: Record<ModelTrackType, number>;
}

export interface EditPlan {
  before: TimelineModel;
  after: TimelineModel;
  /** Existing item ids to delete from the timeline. */
  remove: string[];
  /** Items of `after` that are not an unchanged existing item (ids "new:<n>", origin set where work carries over). */
  create: ModelItem[];
  /** Existing items left exactly as they are. */
  keep: string[];
  /** Existing items an overwrite or non-ripple move covered (wholly or partly): listed for the caller. */
  overwritten: string[];
  /** What the plan could not do as asked, or did differently, in plain words. */
  notes: string[];
}
