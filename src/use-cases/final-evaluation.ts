import type { Workstream } from "../domain/entities.ts";
import type { Core } from "../ports/core.ts";

// A placeholder: the reviews branch (work-rev) supplies the final evaluation; the merge takes theirs.
export function startFinalEvaluation(_core: Core, _workstream: Workstream, _now: Date): number {
  return 0;
}
