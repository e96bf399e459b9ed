import AsyncHTTPClient
import CrescendoCore
import Synchronization

/// Builds channels from a campaign's `channels:`. File channels are shared per absolute path,
/// across reloads, so that their record of what was written survives a reload.
public final class ChannelFactory: Sendable {
    private let files = Mutex<[String: FileChannel]>([:])
    let httpClient: HTTPClient
    /// Timeout when a channel gives none.
    let defaultTimeoutSeconds: Int

    public init(httpClient: HTTPClient = .shared, defaultTimeoutSeconds: Int = 10) {
        self.httpClient = httpClient
        self.defaultTimeoutSeconds = defaultTimeoutSeconds
    }

    func make(_ channel: Channel, for loaded: LoadedCampaign) -> any DeliveryChannel {
        let timeout = channel.timeoutSeconds ?? defaultTimeoutSeconds
        switch channel.kind {
        case .file(let path):
            let full = loaded.resolve(path)
            return files.withLock { m in
                if let f = m[full] { return f }
                let f = FileChannel(path: full)
                m[full] = f
                return f
            }
        case .webhook(let url):
            return WebhookChannel(url: url, timeoutSeconds: timeout, client: httpClient)
        case .command(let argv):
            var args = argv
            if let first = args.first, first.contains("/") { args[0] = loaded.resolve(first) }
            return CommandChannel(argv: args, workingDirectory: loaded.folder, timeoutSeconds: timeout)
        }
    }
}
