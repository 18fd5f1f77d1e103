// Helpers shared by the item toolset's files.
import { ITEM_LOOKUP_METHODS } from "../../resolve/index.ts";

export const num = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);
export const TIMELINE_LOOKUP = ITEM_LOOKUP_METHODS;
