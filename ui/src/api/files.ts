// A chosen file's bytes, as the import operations take them.
export async function fileBytes(file: Blob): Promise<number[]> {
  return Array.from(new Uint8Array(await file.arrayBuffer()))
}
