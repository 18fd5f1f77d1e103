// DCTL development (Resolve 21.1): compile-check DCTL source and write encrypted copies.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { checkFileName } from "../shared.ts";
import { joinPath, requireVersion, VERSION_LOOKUP } from "../../resolve/index.ts";

export const validateDctl = defineTool({
  name: "validate_dctl",
  title: "Validate DCTL",
  description:
    "Compiles DCTL source text with Resolve's DCTL compiler without applying it: valid, or the compiler's error message verbatim. Pass the file's text exactly as it is: Resolve's validator is sensitive to line layout (a kernel squeezed onto one line is reported as having no return value). Read-only. Needs Resolve 21.1+ (DCTL is a Studio feature); older versions answer VERSION_UNSUPPORTED.",
  toolset: "color",
  readOnly: true,
  idempotent: true,
  input: () => ({
    source: z.string().min(1).max(1_000_000).describe(
      "The complete DCTL source, verbatim (line breaks and layout kept).",
    ),
  }),
  output: () => ({
    valid: z.boolean().describe("True if Resolve compiled it."),
    error: z.string().nullable().describe("Resolve's compiler message when invalid, verbatim."),
    lines: z.number().describe("Lines in the source checked."),
  }),
  apiMethods: [...VERSION_LOOKUP, "Resolve.ValidateDCTL"],
  async handler(args, { resolve }) {
    await requireVersion(resolve, "21.1", "validate_dctl");
    const result = await resolve.call(await resolve.root(), "ValidateDCTL", args.source);
    const valid = result === null || result === undefined || result === "";
    const lines = args.source.split(/\r\n|\r|\n/).length;
    return {
      summary: valid
        ? `The DCTL compiles (${lines} line(s)).`
        : `The DCTL does not compile: ${String(result).trim()}`,
      data: { valid, error: valid ? null : String(result), lines },
    };
  },
});

export const encryptDctl = defineTool({
  name: "encrypt_dctl",
  title: "Encrypt DCTL",
  description:
    "Writes an encrypted copy (<name>.dctle) of a DCTL file into a folder, optionally expiring on a date, so it can be shared without its source. Never replaces an existing file: choose another name or folder. Check the source with validate_dctl first. Needs Resolve 21.1+ (DCTL is a Studio feature); older versions answer VERSION_UNSUPPORTED.",
  toolset: "color",
  readOnly: false,
  openWorld: true,
  input: () => ({
    path: z.string().min(1).max(4096).describe("The .dctl file to encrypt (absolute path)."),
    output_folder: z.string().min(1).max(4096).describe(
      "Existing folder to write the .dctle into (absolute path).",
    ),
    name: z.string().trim().min(1).max(200).optional().describe(
      "Output file name without extension ('.dctle' is added). Default: the input file's name.",
    ),
    expiry: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe(
      "Last day the encrypted DCTL works, as YYYY-MM-DD. Omit for no expiry.",
    ),
  }),
  output: () => ({
    file: z.string().describe("The encrypted file written."),
    expiry: z.string().nullable().describe("Its expiry date, or null for none."),
  }),
  apiMethods: [...VERSION_LOOKUP, "Resolve.EncryptDCTL"],
  async handler(args, ctx) {
    const { resolve, paths } = ctx;
    await requireVersion(resolve, "21.1", "encrypt_dctl");
    const [input] = await paths.checkRead([args.path]);
    if (!input.exists || input.isDir) {
      fail("FILE_NOT_FOUND", `${args.path} is not an existing file`, "Give the .dctl file's path.");
    }
    const folder = await paths.checkWrite(args.output_folder);
    if (!folder.exists || !folder.isDir) {
      fail(
        "NO_SUCH_DIRECTORY",
        `${args.output_folder} is not an existing folder`,
        "Create it first.",
      );
    }
    const base = input.path.split(/[\\/]/).pop()!.replace(/\.dctl$/i, "");
    // Resolve appends '.dctle' even to a name that already ends with it
    const name = (args.name ?? base).replace(/\.dctle$/i, "");
    checkFileName(name, "name");
    const target = joinPath(folder.path, `${name}.dctle`);
    const out = await paths.checkWrite(target);
    if (out.exists) {
      fail(
        "FILE_EXISTS",
        `${out.path} exists; encrypt_dctl never replaces a file`,
        "Give another name or output_folder, or remove the old file first.",
      );
    }
    if (args.expiry && Number.isNaN(Date.parse(`${args.expiry}T00:00:00Z`))) {
      fail("INVALID_ARGUMENTS", `expiry "${args.expiry}" is not a date`, "Use YYYY-MM-DD.");
    }
    const options: Record<string, unknown> = { Name: name, OutputFolder: folder.path };
    if (args.expiry) options.Expiry = args.expiry; // never '': Resolve refuses an empty expiry
    const ok = await resolve.call(await resolve.root(), "EncryptDCTL", input.path, options);
    if (ok !== true) {
      fail(
        "ENCRYPT_REFUSED",
        `Resolve refused to encrypt ${input.path}`,
        "Check that it compiles (validate_dctl with its text) and that the expiry is a valid date.",
      );
    }
    await paths.checkLanded(out.path);
    return {
      summary: `Encrypted ${input.path} to ${out.path}${
        args.expiry ? `, expiring ${args.expiry}` : ""
      }.`,
      data: { file: out.path, expiry: args.expiry ?? null },
    };
  },
});
