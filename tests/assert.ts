// node:assert under the names the tests read best with (JSR's @std/assert is out of reach).
import assert, { deepStrictEqual, match } from "node:assert/strict";

export { assert };
export const assertEquals: typeof deepStrictEqual = deepStrictEqual;
export const assertMatch: typeof match = match;
