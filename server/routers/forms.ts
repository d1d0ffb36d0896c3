import { z } from 'zod';
import { router, roleProcedure, signedInProcedure } from '../trpc';
import { getForm, listForms, pickerOptions, publishForm, validateForm } from '../services/form-admin-service';
import { draftFormForCategory, pinnedForm } from '../services/form-definitions';

const key = z.string().trim().min(1).max(100);
const version = z.number().int().positive();
// Definitions arrive as any JSON: the validator reports every problem in Chinese instead of
// zod refusing the request on its first one.
const definition = z.unknown();

export const formsRouter = router({
  list: roleProcedure('admin').query(({ ctx }) => listForms(ctx.services)),
  get: roleProcedure('admin')
    .input(z.object({ key, version: version.optional() }))
    .query(({ ctx, input }) => getForm(ctx.services, input.key, input.version)),
  validate: roleProcedure('admin')
    .input(z.object({ definition }))
    .mutation(({ input }) => validateForm(input.definition)),
  publish: roleProcedure('admin')
    .input(z.object({ definition, notes: z.string().trim().max(500).optional() }))
    .mutation(({ ctx, input }) => publishForm(ctx.services, ctx.user.id, input)),
  /** The form a new document of this category is filled with (its binding's latest version). */
  forDrafting: roleProcedure('drafter')
    .input(z.object({ categoryId: z.string().max(100).optional() }))
    .query(({ ctx, input }) => draftFormForCategory(ctx.services.database.db, input.categoryId)),
  /** A version a document was filled with: forms hold no document data, so anyone signed in may read one. */
  pinned: signedInProcedure
    .input(z.object({ key, version }))
    .query(({ ctx, input }) => pinnedForm(ctx.services.database.db, input.key, input.version)),
  /** Departments and people for the pickers, to drafters and to admins previewing a form. */
  pickerOptions: roleProcedure('drafter', 'admin').query(({ ctx }) => pickerOptions(ctx.services)),
});
