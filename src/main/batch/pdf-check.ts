import { promises as fs } from 'node:fs';

const MAGIC = Buffer.from('%PDF-', 'latin1');

/**
 * Whether a file really is a PDF (by content, not name): `%PDF-` within the first 1024 bytes, as
 * readers accept it (ISO 32000 allows leading bytes before the header).
 */
export async function isPdfFile(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).indexOf(MAGIC) !== -1;
  } finally {
    await handle.close();
  }
}
