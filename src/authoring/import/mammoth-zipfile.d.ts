/** mammoth's own unzip (JSZip), which `convertToHtml` also accepts as `{ file }`; untyped in mammoth. */
declare module 'mammoth/lib/zipfile' {
  export interface MammothZip {
    exists(name: string): boolean;
    read(name: string, encoding: 'utf-8'): Promise<string>;
    read(name: string): Promise<Uint8Array>;
    write(name: string, contents: string): void;
    toArrayBuffer(): Promise<ArrayBuffer>;
  }
  export function openArrayBuffer(buffer: ArrayBuffer | Uint8Array): Promise<MammothZip>;
}
