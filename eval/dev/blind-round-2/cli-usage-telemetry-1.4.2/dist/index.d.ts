export declare class Telemetry {
    constructor(opts: { tool: string; version: string; endpoint?: string; distDir?: string });
    readonly isDisabled: boolean;
    setEnabled(enabled: boolean): string;
    notify(): void;
    record(eventName: string, payload?: Record<string, string | number | boolean>): Promise<void> | undefined;
    flush(): Promise<void>;
}
