import type { BrowserWindow } from 'electron';
export interface Options { file?: string; defaultWidth?: number; defaultHeight?: number; }
export interface State {
  readonly x?: number; readonly y?: number; readonly width: number; readonly height: number;
  readonly isMaximized?: boolean; readonly isFullScreen?: boolean;
  manage(win: BrowserWindow): void; unmanage(): void; saveState(): void;
}
declare function windowState(options?: Options): State;
export = windowState;
