import * as vscode from "vscode";
import { initialStatus, nextStatus, type Status, type StatusEvent, viewStatus } from "./status.ts";

/** The status-bar item, driven by `status.ts`'s pure state machine. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    "bengal.status",
    vscode.StatusBarAlignment.Left,
    10,
  );
  private state: Status = initialStatus;

  constructor() {
    this.item.name = "Bengal";
    this.render();
  }

  /** Shown only in workspaces that hold a Bengal site: markdown files alone also activate the extension. */
  set visible(on: boolean) {
    if (on) this.item.show();
    else this.item.hide();
  }

  get current(): Status {
    return this.state;
  }

  dispatch(event: StatusEvent): void {
    this.state = nextStatus(this.state, event);
    this.render();
  }

  private render(): void {
    const view = viewStatus(this.state);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = view.command;
    this.item.backgroundColor =
      view.tone === "normal"
        ? undefined
        : new vscode.ThemeColor(
            view.tone === "error" ? "statusBarItem.errorBackground" : "statusBarItem.warningBackground",
          );
  }

  dispose(): void {
    this.item.dispose();
  }
}
