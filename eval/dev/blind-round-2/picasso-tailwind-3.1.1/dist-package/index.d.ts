import type { Config } from 'tailwindcss';
declare const preset: Partial<Config>;
export = preset;
