// Everything of the image module, loaded together on the first image call (see index.ts).
export * from "./codec.ts";
export * from "./png.ts";
export * from "./raster.ts";
export * from "./timeline.ts";
