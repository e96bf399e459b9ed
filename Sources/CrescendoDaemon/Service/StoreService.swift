import CrescendoStore
import ServiceLifecycle

/// Holds the store's connections for as long as the daemon runs and closes them last: it is
/// the first service of the group, so it stops after every service that writes (a PostgreSQL
/// store's pool; nothing for SQLite).
struct StoreService: Service {
    let store: any DaemonStore

    func run() async throws {
        try? await gracefulShutdown()
        await store.close()
    }
}
