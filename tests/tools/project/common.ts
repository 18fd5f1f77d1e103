// Shared by the project toolset's tests.
export const ALL = { args: ["--toolsets", "default,project,timeline"] };

export type Entry = { kind: string; name: string; is_current: boolean; created: string | null };
