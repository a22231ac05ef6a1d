// subset-font 2.9.0 ships no types; this is the part of its API the poster uses.
declare module 'subset-font' {
  type Options = { targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2'; preserveNameIds?: number[]; variationAxes?: Record<string, number> };
  export default function subsetFont(font: Buffer | Uint8Array, text: string, options?: Options): Promise<Buffer>;
}
