/**
 * Field messages from a refused save. The server's error formatter lists zod issues with
 * their paths; an update nests the form under `data`, so that prefix is skipped.
 */
import { TRPCClientError } from '@trpc/client';
import { fieldErrorsOf, type FieldErrors } from '../forms/form-controller';

export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof TRPCClientError)) return {};
  const issues = (error.data as { issues?: { path: string[]; message: string }[] } | undefined)?.issues ?? [];
  return fieldErrorsOf(issues.map((i) => ({ path: i.path[0] === 'data' ? i.path.slice(1) : i.path, message: i.message })));
}
