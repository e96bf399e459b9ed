import CrescendoPublish

/// Renders a card's SVG to PNG with Debian's rsvg-convert (librsvg2-bin), which draws its
/// text in DejaVu Sans (fonts-dejavu-core) through fontconfig. Its PNGs carry no time stamp,
/// so the same SVG gives the same bytes.
public struct SVGRasterizer: Sendable {
    let tool: ExternalTool

    /// `name` is the program on `PATH` (tests name one that is not there).
    public init(program name: String = "rsvg-convert", timeoutSeconds: Int = 30) {
        tool = ExternalTool(name: name, package: "librsvg2-bin", timeoutSeconds: timeoutSeconds)
    }

    /// The PNG of `svg`, at the size the SVG states; `file` names the PNG in errors.
    public func png(svg: [UInt8], file: String) async throws -> [UInt8] {
        let png = try await tool.run(["--format", "png", "--background-color", "white"], input: svg, file: file)
        guard PNGHeader(png) != nil else {
            throw RenderError.badOutput(tool: tool.name, file: file, why: png.isEmpty ? "no output" : "something that is not a PNG")
        }
        return png
    }
}
