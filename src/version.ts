// One place for the product's name and version (kept in step with deno.json by a test).
export const NAME = "davinci-resolve-mcp";
export const VERSION = "0.1.0";
