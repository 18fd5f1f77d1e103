// The edit engine's pure side: the timeline model, the planner and cut lists.
export * from "./model.ts";
export { diffPlan, parseTrackRef, regroupLinks, trackName, type TrackRef } from "./core.ts";
export * from "./plan.ts";
export * from "./cutlist.ts";
