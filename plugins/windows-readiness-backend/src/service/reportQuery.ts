import { InputError } from '@backstage/errors';
import {
  CHECK_IDS,
  SERVICE_STATUSES,
} from '@winready/plugin-windows-readiness-common';
import { z } from 'zod';

const list = <T extends string>(values: readonly [T, ...T[]], name: string) =>
  z
    .string()
    .transform(text =>
      text
        .split(',')
        .map(v => v.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.enum(values, {
          error: issue =>
            `${name} must be one of ${values.join(', ')}, got "${String(
              issue.input,
            )}"`,
        }),
      ),
    );

// A NUL byte is no text: PostgreSQL refuses it (a 500 before this check).
const text = z
  .string()
  .min(1)
  .max(500)
  .refine(value => !/\p{Cc}/u.test(value), {
    error: 'must not contain control characters',
  });

// What the report and the workloads list share: status and check filters,
// the export format and paging.
const listQuery = {
  status: list(SERVICE_STATUSES as [string, ...string[]], 'status').optional(),
  check: list(CHECK_IDS as [string, ...string[]], 'check').optional(),
  format: z
    .enum(['json', 'csv'], { error: 'format must be json or csv' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
};

export const reportQuerySchema = z
  .object({
    owner: text.optional(),
    system: text.optional(),
    cluster: text.optional(),
    ...listQuery,
  })
  .strict();

export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const historyQuerySchema = z
  .object({
    dimension: z
      .enum(['all', 'owner', 'cluster', 'service', 'unowned'])
      .default('all'),
    key: text.optional(),
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'from must be YYYY-MM-DD')
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'to must be YYYY-MM-DD')
      .optional(),
  })
  .strict();

const osSkuWhatIfBodySchema = z
  .object({ cluster: text, pool: text, osSku: text })
  .strict();

// Exactly one of the two, and their form: the what-if itself says (a 400).
const taintWhatIfBodySchema = z
  .object({
    cluster: text,
    pool: text,
    addTaint: z.string().max(320).optional(),
    removeTaint: z.string().max(320).optional(),
  })
  .strict();

/** `POST /v1/what-if`: a taint what-if when the body names a taint, else a pool moved to another OS SKU. */
export function whatIfBodySchemaOf(body: unknown) {
  const named = (key: string) =>
    typeof body === 'object' && body !== null && key in body;
  return named('addTaint') || named('removeTaint')
    ? taintWhatIfBodySchema
    : osSkuWhatIfBodySchema;
}

export const workloadsQuerySchema = z
  .object({
    cluster: text.optional(),
    namespace: text.optional(),
    owner: text.optional(),
    q: text.optional(),
    ...listQuery,
  })
  .strict();

export type WorkloadsQueryInput = z.infer<typeof workloadsQuerySchema>;

/** Routes without parameters still refuse unknown ones (README: a 400 that names it). */
export const noQuerySchema = z.object({}).strict();

export const osSkusQuerySchema = z
  .object({
    cluster: text.optional(),
  })
  .strict();

/** Parses a query or body; a bad one is a 400 that names the parameter. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: 'query' | 'body',
): z.infer<T> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(issue => {
      const name = String(issue.path[0] ?? where);
      return issue.code === 'unrecognized_keys'
        ? `unknown ${where} parameter(s): ${issue.keys.join(', ')}`
        : `${where} parameter '${name}': ${issue.message}`;
    });
    throw new InputError(problems.join('; '));
  }
  return parsed.data;
}
