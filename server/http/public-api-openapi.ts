import { z } from 'zod';

/**
 * The shapes the public JSON API answers with. They are written once as zod schemas and
 * turned into the OpenAPI document's JSON Schemas, so the document cannot drift from a
 * field list kept by hand; the integration test checks real answers against them.
 */
const categoryRef = z.object({ code: z.string(), name: z.string() });
export const publicDocumentSummary = z.object({
  indexNumber: z.string().describe('索引号'),
  title: z.string(),
  docNumber: z.string().describe('文号'),
  category: categoryRef,
  publishedAt: z.string().describe('发布日期 (China Standard Time, YYYY-MM-DD)'),
  validity: z.enum(['in_force', 'repealed', 'expired']).describe('有效性'),
  url: z.string(),
});
export const publicDocumentList = z.object({
  items: z.array(publicDocumentSummary),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export const publicDocument = z.object({
  indexNumber: z.string(),
  title: z.string(),
  docNumber: z.string(),
  issuingBody: z.string().describe('发布机构'),
  category: z.string(),
  writtenAt: z.string().describe('成文日期'),
  publishedAt: z.string(),
  validity: z.enum(['in_force', 'repealed', 'expired']),
  body: z.string().describe('正文；依法删除的部分以“（此处依法删除：理由）”代替'),
  attachments: z.array(z.object({ name: z.string(), size: z.number().int(), url: z.string() })),
  url: z.string(),
});
export const publicCategoryList = z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })) });
export const apiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'draft-2020-12' });
const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const notFound = { description: '未找到', content: json('Error') };

/** OpenAPI 3.1 document of the read-only catalog API, served at /public/api/openapi.json. */
export function publicApiOpenApi(origin: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Shenfa 政府信息公开目录 API',
      version: '1.0.0',
      description: '只读接口：仅含已发布的主动公开与删减后公开信息；删减内容不会出现在任何回答中。',
    },
    servers: [{ url: origin }],
    paths: {
      '/public/api/documents': {
        get: {
          operationId: 'listDocuments',
          summary: '公开信息列表（最新在前）',
          parameters: [
            { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
            { name: 'category', in: 'query', required: false, schema: { type: 'string' }, description: '目录分类代码' },
          ],
          responses: {
            '200': { description: '一页公开信息', content: json('DocumentList') },
            '400': { description: '参数无效', content: json('Error') },
            '404': notFound,
          },
        },
      },
      '/public/api/documents/{indexNumber}': {
        get: {
          operationId: 'getDocument',
          summary: '一条公开信息',
          parameters: [{ name: 'indexNumber', in: 'path', required: true, schema: { type: 'string' }, description: '索引号' }],
          responses: { '200': { description: '公开信息', content: json('Document') }, '404': notFound },
        },
      },
      '/public/api/categories': {
        get: {
          operationId: 'listCategories',
          summary: '目录分类',
          responses: { '200': { description: '分类列表', content: json('CategoryList') } },
        },
      },
    },
    components: {
      schemas: {
        DocumentSummary: schema(publicDocumentSummary),
        DocumentList: schema(publicDocumentList),
        Document: schema(publicDocument),
        CategoryList: schema(publicCategoryList),
        Error: schema(apiError),
      },
    },
  };
}
