/** The types PLT-2 accepts, recognised by their leading bytes; what the browser declared is never trusted. */
export const allowedContentTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AllowedContentType = (typeof allowedContentTypes)[number];

/** How many leading bytes detection needs (WebP: "RIFF" size "WEBP"). */
export const signatureLength = 12;

const startsWith = (head: Buffer, bytes: number[], at = 0) => bytes.every((byte, i) => head[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function detectContentType(head: Buffer): AllowedContentType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

export function isImage(contentType: string): boolean {
  return contentType.startsWith('image/');
}
