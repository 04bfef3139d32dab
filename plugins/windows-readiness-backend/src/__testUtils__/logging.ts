/** A root logger for test backends that keeps every line, message and meta. */
import {
  coreServices,
  createServiceFactory,
  type RootLoggerService,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';

export interface LogRecord {
  level: string;
  message: string;
  meta: Record<string, unknown>;
}

/** A root logger that keeps every line (message and meta) of every plugin. */
export function recordingRootLogger(
  records: LogRecord[],
  onRecord?: (record: LogRecord) => void,
) {
  const make = (meta: Record<string, unknown>): RootLoggerService => {
    const log =
      (level: string) => (message: string, extra?: Error | JsonObject) => {
        const record = {
          level,
          message: String(message),
          meta: { ...meta, ...serializable(extra) },
        };
        records.push(record);
        onRecord?.(record);
      };
    return {
      error: log('error'),
      warn: log('warn'),
      info: log('info'),
      debug: log('debug'),
      child: childMeta => make({ ...meta, ...childMeta }),
    };
  };
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => make({}),
  });
}
function serializable(extra: unknown): Record<string, unknown> {
  if (extra instanceof Error) {
    return { error: { ...extra, message: extra.message, stack: extra.stack } };
  }
  return (extra as Record<string, unknown>) ?? {};
}
