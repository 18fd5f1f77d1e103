// Helpers shared by the vision toolset's files: image outputs and encoding.
import { z } from "zod";

export const DEFAULT_SIDE = 768;

export const imageOutput = {
  width: z.number().describe("Image width in pixels."),
  height: z.number().describe("Image height in pixels."),
  format: z.enum(["jpeg", "png"]).describe("Image format."),
  quality: z.number().nullable().describe("JPEG quality used (1-100); null for PNG."),
  bytes: z.number().describe("Size of the encoded image in bytes."),
};
