/** Colours of a terminal table (picocolors at a TTY); `PLAIN` leaves the text as it is. */
export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  bold(text: string): string;
}

export const PLAIN: Paint = { red: (t) => t, yellow: (t) => t, green: (t) => t, bold: (t) => t };
