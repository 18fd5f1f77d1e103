// The Resolve domain: the only code that writes bridge calls or finds Resolve objects. Tools
// import from here (and from the tool wrapper and schema helpers), never from src/bridge/.
export * from "./wire.ts";
export * from "./session.ts";
export * from "./paging.ts";
export * from "./listing.ts";
export * from "./timelines.ts";
export * from "./time.ts";
export * from "./clip_frames.ts";
export * from "./pool.ts";
export * from "./items.ts";
export * from "./catalog.ts";
export * from "./markers.ts";
export * from "./interchange.ts";
export * from "./render_jobs.ts";
export * from "./checkpoints.ts";
export * from "./checkpoint_restore.ts";
export * from "./edit/index.ts";
export * from "./edit/read.ts";
export * from "./edit/carry.ts";
export * from "./edit/apply.ts";
export * from "./api_version.ts";
export * from "./dict_forms.ts";
export * from "./analysis_jobs.ts";
export * from "./hosts.ts";
