import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { auditLog } from '../audit/audit.schema.js';
import { registerAttachmentOwner } from './attachment.owners.js';
import { contentDisposition } from './attachment.routes.js';
import { attachments } from './attachment.schema.js';
import { setRecordAttachments } from './attachment.service.js';
import { exeBytes, pdfBytes, pngBytes, uploadRequest } from './upload.fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// A record kind only this test knows: "visible" to whoever's user id is the owner id.
registerAttachmentOwner('test_note', async (_db, principal, ownerId) => String(principal.userId) === ownerId);

async function upload(user: string, file: Parameters<typeof uploadRequest>[0]) {
  return t.as(user, uploadRequest(file));
}

async function userId(username: string): Promise<number> {
  const response = await t.as(username, { method: 'GET', url: '/api/auth/me' });
  return (response.json() as { user: { id: number } }).user.id;
}

describe('PLT-2 upload', () => {
  it('PLT-2 stores an allowed file and answers its id, name, detected type and size, with an audit row', async () => {
    const response = await upload('rep-huadong-1', { name: '发票.png', type: 'image/png', bytes: pngBytes });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toEqual({ id: expect.any(Number), fileName: '发票.png', contentType: 'image/png', size: pngBytes.length });
    const [row] = await t.database.db.select().from(attachments).where(eq(attachments.id, body.id));
    expect(row?.ownerEntity).toBeNull();
    expect(row?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f]{32}$/);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'attachment'), eq(auditLog.entityId, String(body.id))));
    expect(audits.map((a) => a.action)).toEqual(['upload']);
  });

  it('PLT-2 goes by the bytes, not the name or declared type: a .png name with PDF bytes is stored as PDF', async () => {
    const response = await upload('rep-huadong-1', { name: 'scan.png', type: 'image/png', bytes: pdfBytes });
    expect(response.statusCode).toBe(201);
    expect(response.json().contentType).toBe('application/pdf');
  });

  it('PLT-2 refuses an executable even when it claims to be an image, naming the field file', async () => {
    const response = await upload('rep-huadong-1', { name: 'setup.exe', type: 'image/jpeg', bytes: exeBytes });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toMatchObject({ code: 'files.fileTypeRefused', details: { field: 'file' } });
    expect(response.json().error.message).toContain('file');
  });

  it('PLT-2 refuses a file above 10 MB with 413 and keeps nothing', async () => {
    const [before] = await t.database.db.select({ n: attachments.id }).from(attachments).orderBy(attachments.id);
    const big = Buffer.concat([pdfBytes, Buffer.alloc(10 * 1024 * 1024)]);
    const response = await upload('rep-huadong-1', { name: 'big.pdf', type: 'application/pdf', bytes: big });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'files.fileTooLarge', details: { field: 'file' } });
    const [after] = await t.database.db.select({ n: attachments.id }).from(attachments).orderBy(attachments.id);
    expect(after).toEqual(before);
  });

  it('PLT-2 refuses a request without a file in the field file', async () => {
    const wrongField = await upload('rep-huadong-1', { name: 'a.png', type: 'image/png', bytes: pngBytes, field: 'photo' });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error).toMatchObject({ code: 'files.fileMissing', details: { field: 'file' } });
    const json = await t.as('rep-huadong-1', { method: 'POST', url: '/api/files', payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('files.fileMissing');
  });

  it('PLT-2 refuses an anonymous upload', async () => {
    const response = await t.app.inject(uploadRequest({ name: 'a.png', type: 'image/png', bytes: pngBytes }));
    expect(response.statusCode).toBe(401);
  });
});

describe('PLT-2 download', () => {
  it('PLT-2 serves an unattached upload only to its uploader, with safe headers', async () => {
    const { id } = (await upload('rep-huadong-1', { name: '收据 1.png', type: 'image/png', bytes: pngBytes })).json();
    const own = await t.as('rep-huadong-1', { method: 'GET', url: `/api/files/${id}` });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(pngBytes)).toBe(true);
    expect(own.headers['content-type']).toBe('image/png');
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect(own.headers['content-disposition']).toBe(contentDisposition('inline', '收据 1.png'));
    expect(own.headers['content-disposition']).toContain("filename*=UTF-8''%E6%94%B6%E6%8D%AE%201.png");
    expect(own.headers['content-security-policy']).toContain('sandbox');
    for (const other of ['am-huadong-1', 'admin']) {
      expect((await t.as(other, { method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(404);
    }
  });

  it('PLT-2 serves a PDF as a download (attachment), never inline', async () => {
    const { id } = (await upload('rep-huadong-1', { name: 'invoice.pdf', type: 'application/pdf', bytes: pdfBytes })).json();
    const response = await t.as('rep-huadong-1', { method: 'GET', url: `/api/files/${id}` });
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="invoice.pdf"/);
  });

  it('PLT-2 serves an attached file to whoever the owning module lets see the record, 404 to others', async () => {
    const { id } = (await upload('rep-huadong-1', { name: 'a.png', type: 'image/png', bytes: pngBytes })).json();
    const viewer = await userId('am-huadong-1');
    const rep = await userId('rep-huadong-1');
    await t.database.db.transaction((tx) =>
      setRecordAttachments(
        tx,
        { userId: rep },
        { userId: rep, ownerEntity: 'test_note', ownerId: viewer, ids: [id], field: 'attachmentIds' },
      ),
    );
    expect((await t.as('am-huadong-1', { method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(200);
    expect((await t.as('rep-huadong-1', { method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(404);
    expect((await t.as('rep-huadong-1', { method: 'GET', url: '/api/files/999999' })).statusCode).toBe(404);
  });

  it('PLT-2 a file of an unregistered kind of record is served to nobody', async () => {
    const { id } = (await upload('rep-huadong-1', { name: 'a.png', type: 'image/png', bytes: pngBytes })).json();
    await t.database.db.update(attachments).set({ ownerEntity: 'nobody_knows', ownerId: '1' }).where(eq(attachments.id, id));
    expect((await t.as('admin', { method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(404);
  });
});
