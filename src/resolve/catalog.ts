// The API catalogue (classes, methods, signatures, kinds) as the bridge enforces it.
export { type ApiMethod, catalog } from "../bridge/sources.ts";
