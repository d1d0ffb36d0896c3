import { z } from 'zod';
import { router, roleProcedure } from '../trpc';
import { CATALOG_FIELDS } from '../../forms/catalog-columns';
import { catalogColumns, catalogImportStatus, checkCatalogImport, startCatalogImport } from '../services/catalog-import-service';

const jobId = z.string().uuid('导入任务编号无效');
/** Field → the file's header it is read from. */
const mapping = z.partialRecord(z.enum(CATALOG_FIELDS), z.string().max(200));

/** Import of a catalog of past disclosures (the upload itself is POST /api/catalog-import/upload). */
export const catalogImportRouter = router({
  columns: roleProcedure('admin', 'publisher').query(() => catalogColumns()),
  check: roleProcedure('admin', 'publisher')
    .input(z.object({ jobId, mapping }))
    .mutation(({ ctx, input }) => checkCatalogImport(ctx.services, ctx.user, input)),
  start: roleProcedure('admin', 'publisher')
    .input(z.object({ jobId, mapping }))
    .mutation(({ ctx, input }) => startCatalogImport(ctx.services, ctx.user, input)),
  status: roleProcedure('admin', 'publisher')
    .input(z.object({ jobId }))
    .query(({ ctx, input }) => catalogImportStatus(ctx.user, input.jobId)),
});
