/// A channel's quiet hours: the campaign's (the default), none (`quiet_hours: none`), or its own.
public enum ChannelQuietHours: Hashable, Sendable {
    case campaign
    case none
    case own(QuietHours)
}
