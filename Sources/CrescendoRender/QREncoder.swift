import CrescendoPublish

/// Encodes text (the site's address) as a QR code with Debian's qrencode, at error
/// correction level M (15% of the code may be smudged or torn).
public struct QREncoder: Sendable {
    let tool: ExternalTool

    public init(program name: String = "qrencode") {
        tool = ExternalTool(name: name, package: "qrencode", timeoutSeconds: 30, outputLimit: 1024 * 1024)
    }

    /// The code's modules; `file` names what it is for in errors.
    public func encode(_ text: String, file: String = "the posters' QR code") async throws -> QRCode {
        let ascii = try await tool.run(["--type=ASCII", "--margin=0", "--level=M", "--output=-"], input: Array(text.utf8), file: file)
        guard let code = QRCode(text: text, ascii: String(decoding: ascii, as: UTF8.self)) else {
            throw RenderError.badOutput(tool: tool.name, file: file, why: "output that is not a QR code")
        }
        return code
    }

    /// `data` with the QR code of its `posterURL`, when it has one.
    public func attach(to data: SiteData) async throws -> SiteData {
        guard let url = data.posterURL else { return data }
        var data = data
        data.qrCode = try await encode(url)
        return data
    }
}
