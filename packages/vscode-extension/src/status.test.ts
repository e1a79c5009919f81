import { describe, expect, test } from "bun:test";
import { initialStatus, nextStatus, type Status, type StatusEvent, viewStatus } from "./status.ts";

const run = (...events: StatusEvent[]): Status => events.reduce(nextStatus, initialStatus);

describe("status", () => {
  test("idle at first, clicking shows the output", () => {
    expect(viewStatus(initialStatus)).toEqual({
      text: "$(book) Bengal",
      tooltip: "Bengal: no build yet",
      command: "bengal.showOutput",
      tone: "normal",
    });
  });

  test("building spins, then shows the error count", () => {
    const building = run({ type: "buildStarted", full: true });
    expect(viewStatus(building).text).toBe("$(sync~spin) Bengal: building");
    expect(viewStatus(building).tooltip).toContain("full rebuild");
    const done = nextStatus(building, { type: "buildFinished", errors: 2, warnings: 5 });
    expect(viewStatus(done)).toMatchObject({ text: "$(error) Bengal: 2 errors", tone: "error" });
  });

  test("warnings only, clean build, failure, cancel", () => {
    expect(viewStatus(run({ type: "buildFinished", errors: 0, warnings: 1 }))).toMatchObject({
      text: "$(warning) Bengal: 1 warning",
      tone: "warning",
    });
    expect(viewStatus(run({ type: "buildFinished", errors: 0, warnings: 0 })).text).toBe(
      "$(check) Bengal: built",
    );
    const failed = run({ type: "buildStarted", full: false }, { type: "buildFailed", message: "no result" });
    expect(viewStatus(failed)).toMatchObject({ text: "$(error) Bengal: build failed", tone: "error" });
    expect(viewStatus(failed).tooltip).toBe("Bengal: no result");
    expect(run({ type: "buildStarted", full: false }, { type: "buildCancelled" }).build).toEqual({
      kind: "idle",
    });
  });

  test("the dev server's address shows beside the build state and makes the item open it", () => {
    const state = run(
      { type: "buildFinished", errors: 1, warnings: 0 },
      { type: "serverStarting" },
      { type: "serverStarted", url: "http://localhost:4000/" },
    );
    const view = viewStatus(state);
    expect(view.text).toBe("$(error) Bengal: 1 error  $(globe) localhost:4000");
    expect(view.command).toBe("bengal.openServer");
    expect(view.tooltip).toContain("Dev server at http://localhost:4000/");
    expect(viewStatus(nextStatus(state, { type: "serverStopped" })).command).toBe("bengal.showOutput");
    expect(viewStatus(run({ type: "serverStarting" })).text).toBe("$(book) Bengal  $(loading~spin) server");
  });
});
