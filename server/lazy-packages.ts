/**
 * Packages that only a few rare actions need, loaded when one of them first runs instead of
 * when the server, a CLI command or a test file starts: a spreadsheet export or catalog
 * import (exceljs), the annual report as Word (docx), an e-mail (nodemailer). exceljs alone
 * brought about 150 packages into every process (archiver, unzipper, es-abstract…), and the
 * three together ≈ 330 ms to each start (`node -e "import('exceljs')"`: 236 ms). Node
 * caches a module once loaded, so only the first call waits.
 */
export const loadExcelJS = async () => (await import('exceljs')).default;
export const loadDocx = () => import('docx');
export const loadNodemailer = async () => (await import('nodemailer')).default;
