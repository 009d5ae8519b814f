// The small part of pdfmake 0.3's server API that we use (the published @types describe 0.2).
declare module 'pdfmake' {
  interface PdfOutput {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    virtualfs: { writeFileSync(name: string, data: Buffer): void; existsSync(name: string): boolean };
    addFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    setLocalAccessPolicy(cb: (path: string) => boolean): void;
    createPdf(doc: object): PdfOutput;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
