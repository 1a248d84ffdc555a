// Timestamped log lines on stdout/stderr; quiet in tests unless LOG is set.

export interface Log {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

export function consoleLog(quiet = false): Log {
  const stamp = (): string => new Date().toISOString();
  return {
    info: (line) => quiet || console.log(`${stamp()} ${line}`),
    warn: (line) => quiet || console.warn(`${stamp()} warn ${line}`),
    error: (line) => console.error(`${stamp()} error ${line}`),
  };
}
