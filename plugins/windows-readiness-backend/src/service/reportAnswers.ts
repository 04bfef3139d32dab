import { createHash } from 'node:crypto';
import type {
  ReportResponse,
  ReportRow,
  ReportSummary,
} from '@winready/plugin-windows-readiness-common';
import type { ReportQuery } from './reportQuery';

/** A report's rows and summary, before paging. */
export interface ReportBody {
  rows: ReportRow[];
  summary: ReportSummary;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * Reports computed once per results version, caller's visibility and
 * filters (the summary walks every row: not once per page view), with the
 * ETag that names them. A few kept; a failed one forgotten.
 */
export class ReportAnswers {
  private readonly cache = new Map<string, Promise<ReportBody>>();

  constructor(private readonly size = 16) {}

  /** The key and ETag of a report: results version, what the caller may read, filters and page. */
  static tag(
    version: number,
    readable: ReadonlySet<string> | undefined,
    query: ReportQuery,
  ): { key: string; etag: string } {
    const { offset, limit, format, ...filters } = query;
    const visibility = readable ? sha1([...readable].sort().join('\n')) : '*';
    const key = JSON.stringify([version, visibility, filters]);
    return {
      key,
      etag: `W/"${sha1(JSON.stringify([key, offset, limit, format]))}"`,
    };
  }

  get(key: string, compute: () => ReportBody): Promise<ReportBody> {
    let answer = this.cache.get(key);
    if (!answer) {
      answer = Promise.resolve().then(compute);
      this.cache.set(key, answer);
      answer.catch(() => this.cache.delete(key));
      while (this.cache.size > this.size) {
        this.cache.delete(this.cache.keys().next().value!);
      }
    }
    return answer;
  }
}

/** The page of a report the query asks for. */
export function reportPage(
  body: ReportBody,
  query: ReportQuery,
  meta: Pick<ReportResponse, 'asOf' | 'evaluatedAt'>,
): ReportResponse {
  const offset = query.offset ?? 0;
  return {
    ...meta,
    total: body.rows.length,
    offset,
    items: body.rows.slice(
      offset,
      query.limit ? offset + query.limit : undefined,
    ),
    summary: body.summary,
  };
}
