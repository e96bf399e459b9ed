/// The site's one stylesheet: readable contrast (body text 15:1, links 8:1 on white),
/// responsive down to phone width, and a print stylesheet.
enum Stylesheet {
    static let css = """
    :root { --ink: #1b1b1b; --muted: #4a4a4a; --paper: #ffffff; --link: #0b4f8a; --rule: #c8c8c8;
            --accent: #8a1c1c; --good: #1d5e20; --band: #f1ede4; }
    * { box-sizing: border-box; }
    html { font-size: 100%; }
    body { margin: 0; color: var(--ink); background: var(--paper);
           font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
    a { color: var(--link); text-underline-offset: 0.15em; }
    a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: 0.5rem; z-index: 1; }
    header, main, footer { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
    header { border-bottom: 2px solid var(--ink); padding-top: 1rem; }
    .site { font-weight: 700; font-size: 1.25rem; margin: 0 0 0.5rem; }
    .site a { color: var(--ink); text-decoration: none; }
    nav ul { list-style: none; margin: 0 0 0.75rem; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
    nav a[aria-current="page"] { font-weight: 700; color: var(--ink); }
    .langs { font-size: 0.95rem; }
    h1 { font-size: 2rem; line-height: 1.2; margin: 1.5rem 0 0.75rem; }
    h2 { font-size: 1.4rem; margin: 2rem 0 0.5rem; border-top: 1px solid var(--rule); padding-top: 1rem; }
    h3 { font-size: 1.1rem; margin: 1.25rem 0 0.25rem; }
    .lede { font-size: 1.15rem; color: var(--muted); }
    .stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 0.75rem; padding: 0; list-style: none; }
    .stats li { border: 1px solid var(--rule); border-radius: 4px; padding: 0.75rem; }
    .stats strong { display: block; font-size: 1.5rem; }
    .clock { list-style: none; padding: 0; }
    .clock li { border-left: 6px solid var(--accent); padding: 0.5rem 0.75rem; margin: 0.5rem 0; background: var(--band); }
    .clock .days { font-size: 1.5rem; font-weight: 700; color: var(--accent); }
    .clock li.open { border-left-color: var(--muted); }
    .clock li.open .days { color: var(--ink); }
    .win { color: var(--good); font-weight: 700; }
    .hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; background: var(--band); padding: 0 0.2em; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; margin: 0.5rem 0 1rem; min-width: 50%; }
    caption { text-align: left; font-weight: 700; padding: 0.25rem 0; }
    th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    figure { margin: 1rem 0 2rem; }
    figure svg { width: 100%; height: auto; max-width: 56rem; display: block; }
    figcaption { color: var(--muted); }
    details { margin: 0.5rem 0; }
    .story { border-left: 4px solid var(--rule); padding: 0.25rem 0 0.25rem 1rem; margin: 1rem 0; }
    .story dt { font-weight: 700; }
    .story dd { margin: 0 0 0.5rem; }
    .stories { list-style: none; padding: 0; }
    .stories li { margin: 0.75rem 0; }
    figure.card img { width: 100%; max-width: 600px; height: auto; border: 1px solid var(--rule); display: block; }
    .tags { font-weight: 700; }
    .guide { max-width: 42rem; }
    .guide h2 { font-size: 1.3rem; }
    .note { border-left: 4px solid var(--muted); padding: 0.25rem 0.75rem; background: var(--band); }
    .print-hint { color: var(--muted); font-size: 0.95rem; }
    footer { border-top: 1px solid var(--rule); margin-top: 3rem; padding-bottom: 2rem; color: var(--muted); font-size: 0.95rem; }
    @media (max-width: 30rem) {
      h1 { font-size: 1.6rem; }
      th, td { padding: 0.25rem 0.35rem; }
      .stats strong { font-size: 1.25rem; }
    }
    @media print {
      body { font-size: 11pt; color: #000; background: #fff; }
      nav, .skip, footer a[href$=".json"] { display: none; }
      header { border-bottom: 1px solid #000; }
      a { color: #000; text-decoration: underline; }
      main a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 90%; }
      h2 { break-after: avoid; }
      figure, table, .story, .clock li { break-inside: avoid; }
      .clock li { background: none; border-left-color: #000; }
      details { display: block; }
      details > summary { display: none; }
      .print-hint, figure.card { display: none; }
      .guide { max-width: none; }
    }

    """
}
