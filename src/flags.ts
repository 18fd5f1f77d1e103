// Command-line flags, parsed the way node:util's parseArgs does in strict mode (the subset the
// server uses), without loading node:util: that module alone took ~5 ms of every start, before
// `initialize` could be answered (issue 14).

export interface FlagSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
}

export type Token =
  | { kind: "positional"; index: number; value: string }
  | { kind: "option"; index: number; name: string }
  | { kind: "option-terminator"; index: number };

type Value<S extends FlagSpec> = S["type"] extends "boolean" ? boolean
  : S["multiple"] extends true ? string[]
  : string | undefined;

export interface Parsed<T extends Record<string, FlagSpec>> {
  /** Booleans default to false, repeatable flags to [], other strings to undefined. */
  values: { [K in keyof T]: Value<T[K]> };
  positionals: string[];
  tokens: Token[];
}

/** Throws an Error naming the flag for an unknown flag, a missing value or a stray value. */
export function parseFlags<const T extends Record<string, FlagSpec>>(
  args: string[],
  spec: T,
): Parsed<T> {
  const values: Record<string, string | boolean | string[] | undefined> = {};
  for (const [name, s] of Object.entries(spec)) {
    values[name] = s.multiple ? [] : s.type === "boolean" ? false : undefined;
  }
  const shorts = new Map(
    Object.entries(spec).filter(([, s]) => s.short).map(([name, s]) => [s.short!, name]),
  );
  const positionals: string[] = [];
  const tokens: Token[] = [];
  const set = (name: string, value: string | boolean) => {
    if (spec[name].multiple) (values[name] as string[]).push(value as string);
    else values[name] = value;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      tokens.push({ kind: "option-terminator", index: i });
      for (let j = i + 1; j < args.length; j++) {
        positionals.push(args[j]);
        tokens.push({ kind: "positional", index: j, value: args[j] });
      }
      break;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const s = spec[name];
      if (!s) throw new Error(`Unknown option '--${name}'`);
      tokens.push({ kind: "option", index: i, name });
      if (s.type === "boolean") {
        if (eq >= 0) throw new Error(`Option '--${name}' does not take an argument`);
        set(name, true);
      } else if (eq >= 0) set(name, arg.slice(eq + 1));
      else set(name, valueAfter(args, i++, `--${name}`));
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      for (let k = 1; k < arg.length; k++) {
        const name = shorts.get(arg[k]);
        if (!name) throw new Error(`Unknown option '-${arg[k]}'`);
        tokens.push({ kind: "option", index: i, name });
        if (spec[name].type === "boolean") set(name, true);
        else if (k < arg.length - 1) {
          set(name, arg.slice(k + 1));
          break;
        } else set(name, valueAfter(args, i++, `-${arg[k]}`));
      }
      continue;
    }
    positionals.push(arg);
    tokens.push({ kind: "positional", index: i, value: arg });
  }
  return { values: values as Parsed<T>["values"], positionals, tokens };
}

function valueAfter(args: string[], i: number, flag: string): string {
  const value = args[i + 1];
  if (value === undefined) throw new Error(`Option '${flag} <value>' argument missing`);
  if (value.startsWith("-") && value !== "-") {
    throw new Error(
      `Option '${flag}' argument is ambiguous. To specify an option argument starting with a dash use '${flag}=${value}'.`,
    );
  }
  return value;
}
