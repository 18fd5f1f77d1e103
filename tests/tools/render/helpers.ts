// Helpers shared by the render tool tests.

export type Job = Record<string, unknown>;
export type Status = {
  job_id: string;
  status: string;
  completion: number;
  output_path: string;
  error: string | null;
};

export const exists = (path: string) => {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
};
