import AsyncHTTPClient
import CrescendoCore
import Foundation
import Synchronization

/// Builds channels from a campaign's `channels:`. File channels are shared per absolute path,
/// across reloads, so that their record of what was written survives a reload.
public final class ChannelFactory: Sendable {
    private let files = Mutex<[String: FileChannel]>([:])
    let httpClient: HTTPClient
    /// Timeout when a channel gives none.
    let defaultTimeoutSeconds: Int
    /// Where `secret_env` variables are read (the process's environment).
    let environment: [String: String]
    let clock: any DaemonClock

    public init(httpClient: HTTPClient = .shared, defaultTimeoutSeconds: Int = 10,
                environment: [String: String] = ProcessInfo.processInfo.environment, clock: any DaemonClock = SystemClock()) {
        self.httpClient = httpClient
        self.defaultTimeoutSeconds = defaultTimeoutSeconds
        self.environment = environment
        self.clock = clock
    }

    /// `channel 'hook' of campaign X: secret_env NAME is not set` for every webhook whose
    /// secret is missing or unusable (the daemon refuses to start with any).
    public func missingSecrets(_ loaded: [LoadedCampaign]) -> [String] {
        loaded.flatMap { l in
            l.campaign.channels.compactMap { c -> String? in
                guard case .webhook(_, let name?) = c.kind, case .missing = signing(name) else { return nil }
                return "channel \(c.id) of campaign \(l.campaign.id): secret_env \(name) is not set in the daemon's environment (or is empty)"
            }
        }
    }

    private func signing(_ variable: String?) -> WebhookChannel.Signing {
        guard let variable else { return .none }
        guard let secret = environment[variable], let signer = WebhookSigner(secret: secret) else { return .missing(variable: variable) }
        return .signed(signer)
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
        case .webhook(let url, let secretEnv):
            return WebhookChannel(url: url, timeoutSeconds: timeout, client: httpClient, signing: signing(secretEnv), clock: clock)
        case .command(let argv):
            var args = argv
            if let first = args.first, first.contains("/") { args[0] = loaded.resolve(first) }
            return CommandChannel(argv: args, workingDirectory: loaded.folder, timeoutSeconds: timeout)
        }
    }
}
