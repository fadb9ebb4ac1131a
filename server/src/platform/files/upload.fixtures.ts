// Test support: small files of each kind and the multipart body that uploads one.

export const pngBytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR demo image')]);
export const pdfBytes = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
export const exeBytes = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);

/** An `app.inject` request that uploads one file as multipart/form-data. */
export function uploadRequest(file: { name: string; type: string; bytes: Buffer; field?: string }) {
  const boundary = `----salesos${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return {
    method: 'POST' as const,
    url: '/api/files',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  };
}
