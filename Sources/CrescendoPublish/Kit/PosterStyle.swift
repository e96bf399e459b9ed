/// The poster's own stylesheet, inline so that a saved poster prints by itself. On paper the
/// sheet is 190 × 255 mm inside 10 mm margins, which fits one page of A4 (210 × 297 mm) and
/// of US Letter (216 × 279 mm) alike, and what does not fit is clipped rather than spilling
/// onto a second page (the lists are cut short before that, with a pointer to the site). On
/// screen it is a sheet that reflows down to phone width.
enum PosterStyle {
    static func css(_ palette: CardPalette) -> String {
        """
        @page { margin: 10mm; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; }
        body { margin: 0; font-family: "DejaVu Sans", system-ui, sans-serif; color: \(CardPalette.ink); background: #f1ede4; }
        .sheet { max-width: 190mm; margin: 1rem auto; background: #ffffff; padding: 0 7mm 6mm; display: flex; flex-direction: column; gap: 4mm; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); }
        .band { background: \(palette.accent); color: \(palette.onAccent); margin: 0 -7mm; padding: 6mm 7mm 5mm; }
        .band h1 { font-size: 26pt; line-height: 1.15; margin: 0; }
        .band p { font-size: 13pt; font-weight: bold; margin: 0 0 2mm; }
        h2 { font-size: 15pt; margin: 0 0 2mm; color: \(palette.heading); border-bottom: 1.5pt solid \(palette.accent); padding-bottom: 1mm; }
        ul { list-style: none; margin: 0; padding: 0; }
        .total { font-size: 18pt; margin: 0 0 2mm; }
        .total strong { font-size: 32pt; color: \(palette.heading); }
        .metrics { display: grid; grid-template-columns: repeat(auto-fit, minmax(50mm, 1fr)); gap: 2mm 6mm; font-size: 12pt; }
        .metrics strong { display: block; font-size: 16pt; }
        .demands li, .clock li { margin: 0 0 2.5mm; font-size: 12pt; line-height: 1.35; overflow-wrap: anywhere; }
        .clock strong { font-size: 14pt; color: \(palette.heading); }
        .clock .open strong { color: \(CardPalette.ink); }
        .more { font-style: italic; color: \(CardPalette.muted); }
        .foot { margin-top: auto; display: flex; gap: 6mm; align-items: center; border-top: 1pt solid #c8c8c8; padding-top: 4mm; }
        .qr { width: 42mm; height: 42mm; flex: none; }
        .foot p { margin: 0 0 2mm; font-size: 12pt; }
        .url { font-size: 15pt; font-weight: bold; overflow-wrap: anywhere; }
        .tags { color: \(palette.heading); font-weight: bold; font-size: 13pt; }
        .screen-only { text-align: center; margin: 0 1rem 2rem; }
        a { color: #0b4f8a; }
        @media (max-width: 30rem) {
          .sheet { margin: 0; padding: 0 4mm 4mm; }
          .band { margin: 0 -4mm; padding: 4mm; }
          .band h1 { font-size: 20pt; }
          .foot { flex-direction: column; align-items: flex-start; }
        }
        @media print {
          body { background: #ffffff; }
          .sheet { width: 190mm; height: 255mm; max-width: none; margin: 0; padding: 0 6mm; box-shadow: none; overflow: hidden; }
          .band { margin: 0 -6mm; }
          .screen-only { display: none; }
        }

        """
    }
}
